#include "links.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "broadside/core/collection.hpp"
#include "broadside/core/diagnostics.hpp"
#include "xml.hpp"

namespace broadside::epub {
namespace fs = std::filesystem;
namespace {

// The scheme of an absolute URL in lower case, or empty for a relative reference.
std::string scheme_of(const std::string& url) {
    std::size_t i = 0;
    while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '+' ||
                              url[i] == '-' || url[i] == '.')) {
        ++i;
    }
    if (i == 0 || i >= url.size() || url[i] != ':' ||
        !std::isalpha(static_cast<unsigned char>(url[0]))) {
        return {};
    }
    std::string s = url.substr(0, i);
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// An id's letters and digits in lower case: what every generator's heading ids agree on.
std::string id_letters(std::string_view id) {
    std::string out;
    for (unsigned char c : id)
        if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(std::tolower(c));
    return out;
}

// `#fragment` within `post`: the model's id of the heading it names, exactly or else by the
// letters and digits of exactly one of the post's ids.
std::optional<std::string> fragment_id(const PostInfo& post, const std::string& fragment) {
    std::string id = core::percent_decode(fragment);
    if (std::find(post.ids.begin(), post.ids.end(), id) != post.ids.end()) return id;
    const std::string letters = id_letters(id);
    if (letters.empty()) return std::nullopt;
    std::optional<std::string> found;
    for (const auto& candidate : post.ids) {
        if (id_letters(candidate) != letters) continue;
        if (found) return std::nullopt;  // two headings alike: neither is meant more than the other
        found = candidate;
    }
    return found;
}

// A post's file: relative to the post, to the input root (`/x.md`), or, as Zola writes its
// internal links (`@/blog/x.md`), to the site's content folder.
std::optional<std::size_t> post_for_path(const std::string& path, const BookPlan& plan,
                                         const PostInfo& from) {
    fs::path base = path.starts_with("@/") && plan.site
                        ? fs::path(plan.site->root) / "content" / path.substr(2)
                    : path[0] == '/' ? fs::path(plan.root) / path.substr(1)
                                     : fs::path(from.path).parent_path() / path;
    auto it = plan.by_path.find(base.lexically_normal().string());
    if (it != plan.by_path.end()) return it->second;
    return std::nullopt;
}

// A site link (`/2021/07/12/other/`, `other.html`) names a post by the address its front
// matter gives it, else by its last path segment.
std::optional<std::size_t> post_for_slug(std::string path, const BookPlan& plan) {
    if (auto it = plan.by_url.find(site_url_key(path)); it != plan.by_url.end()) return it->second;
    while (!path.empty() && path.back() == '/') path.pop_back();
    for (std::string_view suffix : {"/index.html", "/index.htm"}) {
        if (ends_with(path, suffix)) path.resize(path.size() - suffix.size());
    }
    std::string last = path.substr(path.find_last_of('/') + 1);
    if (last.empty() || last == "." || last == "..") return std::nullopt;
    auto it = plan.by_slug.find(core::post_file_slug(last));
    if (it == plan.by_slug.end() || it->second.size() != 1) return std::nullopt;
    return it->second.front();
}

std::string not_in_book(const std::string& url) {
    return "link " + core::quote_value(url) +
           " does not lead to a post in the book; kept as plain text";
}

// A link without a scheme: to the post itself (`#part`), to a post's file (`other.md`), or
// to a post's address on its site (`/2021/07/12/other/`).
LinkTarget resolve_relative(const std::string& url, const BookPlan& plan, std::size_t from) {
    LinkTarget t;
    const PostInfo& post = plan.posts[from];
    const std::size_t hash = url.find('#');
    std::string path = url.substr(0, std::min(hash, url.find('?')));
    const std::string fragment = hash == std::string::npos ? std::string{} : url.substr(hash + 1);
    path = core::percent_decode(path);

    std::optional<std::size_t> target;
    if (path.empty()) {
        target = from;
    } else if (ends_with(path, ".md") || ends_with(path, ".markdown") || ends_with(path, ".mdx")) {
        target = post_for_path(path, plan, post);
    } else {
        target = post_for_slug(path, plan);
    }
    if (!target) return t;
    const PostInfo& dest = plan.posts[*target];
    t.kind = LinkTarget::Kind::internal;
    t.chapter = *target;
    t.href = *target == from ? std::string{} : dest.file;
    if (!fragment.empty()) {
        if (auto id = fragment_id(dest, fragment)) {
            t.id = *id;
            t.href += "#" + heading_xhtml_id(*id);
        } else {
            t.problem = "link " + core::quote_value(url) + " names a heading that does not exist";
            if (*target == from) {
                t.kind = LinkTarget::Kind::none;
                return t;
            }
        }
    }
    if (t.href.empty()) t.href = dest.file;  // a bare "#" or "" points at the chapter itself
    return t;
}

}  // namespace
std::string heading_xhtml_id(const std::string& id) {
    if (is_safe_id(id) && id.rfind("bs-", 0) != 0 && id.rfind("h-", 0) != 0) return id;
    std::string out = "h-";
    for (unsigned char c : id) {
        out += std::isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80
                   ? static_cast<char>(c)
                   : '-';
    }
    return out;
}

LinkTarget resolve_link(const std::string& url, const BookPlan& plan, std::size_t from) {
    LinkTarget t;
    std::string scheme = scheme_of(url);
    // The site's own address (`https://blog.rust-lang.org/2016/05/13/rustup.html`, or
    // `/blog/…` under its base path) names a post the book holds, or a page it does not.
    const std::optional<std::string> site_path =
        plan.site && scheme != "mailto" ? plan.site->site_path(url) : std::nullopt;
    if (site_path) {
        LinkTarget inside = resolve_relative(*site_path, plan, from);
        if (inside.kind != LinkTarget::Kind::none || plan.site->origin.empty()) {
            if (inside.kind == LinkTarget::Kind::none) inside.problem = not_in_book(url);
            return inside;
        }
        t.kind = LinkTarget::Kind::external;
        t.href = core::valid_uri(plan.site->origin + plan.site->base_path + *site_path);
        return t;
    }
    if (!scheme.empty()) {
        if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "ftp" ||
            scheme == "tel") {
            t.kind = LinkTarget::Kind::external;
            t.href = core::valid_uri(url);
        } else {
            t.problem = "link " + core::quote_value(url) + " uses a scheme readers do not open";
        }
        return t;
    }
    if (url.rfind("//", 0) == 0) {
        t.kind = LinkTarget::Kind::external;
        t.href = core::valid_uri("https:" + url);
        return t;
    }
    LinkTarget inside = resolve_relative(url, plan, from);
    if (inside.kind == LinkTarget::Kind::none && inside.problem.empty())
        inside.problem = not_in_book(url);
    return inside;
}

}  // namespace broadside::epub
