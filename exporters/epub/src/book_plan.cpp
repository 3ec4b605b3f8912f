// Pass 1: every post is read once on all cores to learn its title, date, ids, images and
// scripts; the chapters are written later from a second read, so no more than a few models
// are in memory at any time.
#include "book_plan.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <map>
#include <mutex>

#include "broadside/core/date_text.hpp"
#include "broadside/core/diagnostics.hpp"
#include "broadside/core/input_file.hpp"
#include "broadside/core/language_tag.hpp"
#include "broadside/core/model_walk.hpp"
#include "broadside/core/parallel.hpp"
#include "broadside/core/plain_text.hpp"
#include "broadside/core/reader.hpp"
#include "broadside/core/url.hpp"
#include "broadside/styles/words.hpp"

namespace broadside::epub {
namespace fs = std::filesystem;
namespace {

struct Hash128 {
    std::uint64_t a = 1469598103934665603ull;
    std::uint64_t b = 0x9ae16a3b2f90404full;
    void add(std::string_view s) {
        for (unsigned char c : s) {
            a = (a ^ c) * 1099511628211ull;
            b = (b ^ c) * 0x100000001b3ull + 0x7f4a7c15ull;
        }
    }
};

// The addresses a post's front matter gives it. A Hugo `slug` replaces the file's name in
// the last segment, so it is looked up the way a file name is.
void collect_urls(PostInfo& post, const core::Meta& meta) {
    for (std::string_view key : {"permalink", "url", "path", "aliases"}) {
        const core::MetaValue* v = meta.find(key);
        if (!v) continue;
        if (const auto* list = v->as_list()) {
            for (const auto& item : *list)
                if (const auto* s = item.as_string()) post.urls.push_back(site_url_key(*s));
        } else if (const auto* s = v->as_string()) {
            post.urls.push_back(site_url_key(*s));
        }
    }
    if (const core::MetaValue* slug = meta.find("slug"); slug && slug->as_string())
        post.slug_alias = core::post_file_slug(*slug->as_string());
}

void add_image(PostInfo& post, const ImageEntry& entry, const std::string& source,
               const std::string& alt) {
    post.image_files.push_back(entry);
    post.image_files.back().label = alt.empty() ? fs::path(source).filename().string() : alt;
}

// A warning about what the ePub package holds (its images, its accessibility claim). The PDF
// book reports its images from its own layout and makes no such claim, so it reads without.
void package_warning(PostInfo& post, const BookPlan& plan, const core::SourceSpan& at,
                     std::string message, std::string hint = {}) {
    if (plan.package_warnings)
        post.diags.warning(post.path, at.line, at.column, std::move(message), std::move(hint));
}

void note_missing_alt(PostInfo& post, const BookPlan& plan, const std::string& source,
                      const core::SourceSpan& span) {
    post.accessibility.images_without_alt.push_back(source);
    package_warning(post, plan, span,
                    "image '" + source +
                        "' has no alt text, so the book makes no accessibility conformance claim",
                    "describe what it shows: ![a bar chart of …](" + source + ")");
}

// Reads one post and keeps only what the plan needs.
void scan_post(PostInfo& post, const BookPlan& plan, std::atomic<std::size_t>& cache_left) {
    const core::Limits& limits = plan.resources->limits();
    auto read = core::read_input_file(post.path, limits.max_file_bytes, "post", post.diags);
    if (!read) return;
    const std::string& bytes = *read;
    Hash128 h;
    h.add(fs::path(post.path).filename().string());
    h.add(bytes);
    post.hash_a = h.a;
    post.hash_b = h.b;
    auto doc = core::read_document_text(bytes, post.path, post.diags, limits,
                                        plan.site ? &*plan.site : nullptr);
    if (!doc || post.diags.has_errors()) return;
    post.readable = true;
    post.read_counts = doc->read_counts;

    const core::Meta& meta = doc->meta;
    collect_urls(post, meta);
    post.date = meta.date();
    post.authors = meta.authors();
    post.excerpt = meta.excerpt().value_or("");
    post.tags = meta.tags();
    post.lang = meta.lang().value_or("");
    post.draft = meta.draft();

    const std::string dir = fs::path(post.path).parent_path().string();
    // The package href of a body image, looked up once per source; empty when unusable.
    auto image_href = [&](const core::Image& img, const core::SourceSpan& span) {
        for (const auto& seen : post.images) {
            if (seen.first == img.source) return seen.second;
        }
        ImageLookup found = find_image(img.source, dir, *plan.resources);
        if (!found.ok && plan.site && !post.urls.empty() && img.source.starts_with("../"))
            post.page_relative_images.push_back({img.source, img.alt, found.problem, span});
        else if (!found.ok)
            package_warning(post, plan, span, found.problem);
        post.images.emplace_back(img.source, found.ok ? found.entry.href : std::string{});
        if (found.ok) add_image(post, found.entry, img.source, img.alt);
        return post.images.back().second;
    };
    auto on_inline = [&](const core::Inline& in) {
        if (const auto* anchor = std::get_if<core::Anchor>(&in.node))
            post.ids.push_back(anchor->id);
        if (const auto* link = std::get_if<core::Link>(&in.node)) {
            const std::string text = core::plain_text(link->children);
            if (!link->autolink && vague_link_text(text)) {
                ++post.accessibility.vague_links;
                package_warning(post, plan, in.span,
                                "the link text '" + text +
                                    "' does not say where the link goes, so the book makes "
                                    "no accessibility conformance claim",
                                "write what it leads to, e.g. [the 2023 report](" +
                                    link->url.substr(0, 40) + ")");
            }
        }
        if (std::holds_alternative<core::FootnoteReference>(in.node)) {
            ++post.accessibility.footnotes;
        }
        const auto* img = std::get_if<core::Image>(&in.node);
        if (!img) return;
        // An image the book does not hold shows its alt text instead; only shown ones count.
        if (!image_href(*img, in.span).empty() && img->alt.empty())
            note_missing_alt(post, plan, img->source, in.span);
    };
    auto on_block = [&](const core::Block& b) {
        if (const auto* hd = std::get_if<core::Heading>(&b.node)) {
            post.ids.push_back(hd->id);
        }
    };
    core::walk_blocks(doc->blocks, on_block, on_inline);
    post.title = core::document_title(*doc);
    if (auto image = meta.image()) {
        ImageLookup found = find_image(*image, dir, *plan.resources);
        const auto* v = meta.find("image");
        if (found.ok) {
            post.header_image = found.entry.href;
            for (const auto& [source, href] : post.images) {
                post.header_image_in_body = post.header_image_in_body || href == found.entry.href;
            }
            post.images.emplace_back(*image, found.entry.href);
            post.image_files.push_back(found.entry);
            post.image_files.back().label = fs::path(*image).filename().string();
        } else {
            package_warning(post, plan, v ? v->span : core::SourceSpan{}, found.problem);
        }
    }
    const std::string text = core::plain_text(*doc);
    post.scripts = scripts_in(text) | scripts_in(post.title) | scripts_in(post.excerpt);
    collect_non_ascii(text, post.code_points);
    collect_non_ascii(post.title, post.code_points);
    collect_non_ascii(post.excerpt, post.code_points);
    for (const auto& a : post.authors) {
        post.scripts |= scripts_in(a);
        collect_non_ascii(a, post.code_points);
    }
    std::sort(post.code_points.begin(), post.code_points.end());
    post.code_points.erase(std::unique(post.code_points.begin(), post.code_points.end()),
                           post.code_points.end());
    // Within the cache budget the model is kept for the chapter pass, which saves a second
    // (serialised) parse; beyond it the chapter pass reads the file again.
    std::size_t left = cache_left.load();
    while (left >= bytes.size() && !cache_left.compare_exchange_weak(left, left - bytes.size())) {
    }
    if (left >= bytes.size()) post.model = std::make_unique<core::Document>(std::move(*doc));
}

// Zola and Hugo publish a post at a folder-like address (`/2024/10/01/post/`) with the files of
// its bundle beside it, so an author may write an image relative to that address
// (`../../../../2024/05/07/other/chart.svg`, the bundle of another post). Such a source names
// the file `chart.svg` in the folder of the post whose address is `/2024/05/07/other`. Not
// found, the image gets the warning it would have had.
void find_page_relative_images(std::vector<PostInfo>& scanned, const BookPlan& plan) {
    std::unordered_map<std::string, std::size_t> by_url;
    for (std::size_t i = 0; i < scanned.size(); ++i)
        for (const auto& url : scanned[i].urls) by_url.emplace(url, i);
    for (auto& post : scanned) {
        const fs::path dir = fs::path(post.path).parent_path();
        for (const auto& image : post.page_relative_images) {
            std::optional<ImageLookup> found;
            std::string relative;
            for (const auto& page : post.urls) {
                const fs::path address = fs::path(page + "/" + image.source).lexically_normal();
                auto owner = by_url.find(site_url_key(address.parent_path().generic_string()));
                if (owner == by_url.end()) continue;
                const fs::path file =
                    fs::path(scanned[owner->second].path).parent_path() / address.filename();
                relative = file.lexically_relative(dir).generic_string();
                ImageLookup lookup = find_image(relative, dir.string(), *plan.resources);
                if (lookup.ok) {
                    found = std::move(lookup);
                    break;
                }
            }
            if (!found) {
                package_warning(post, plan, image.span, image.problem);
                continue;
            }
            for (auto& [source, href] : post.images)
                if (source == image.source) href = found->entry.href;
            add_image(post, found->entry, image.source, image.alt);
            post.image_sources.emplace_back(image.source, relative);
            if (image.alt.empty()) note_missing_alt(post, plan, image.source, image.span);
        }
        post.page_relative_images.clear();
    }
}

// The most common value, ties broken by first appearance, so the result is deterministic.
std::string most_common(const std::vector<std::string>& values) {
    std::map<std::string, std::size_t> count;
    for (const auto& v : values) ++count[v];
    std::string best;
    std::size_t best_n = 0;
    for (const auto& v : values) {
        if (count[v] > best_n) {
            best = v;
            best_n = count[v];
        }
    }
    return best;
}

std::string uuid_from(std::uint64_t a, std::uint64_t b) {
    // RFC 9562 version 8 (custom): the bits come from a content hash, not from a clock.
    a = (a & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000008000ull;
    b = (b & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFFF),
                  static_cast<unsigned>(b >> 48),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFull));
    return std::string("urn:uuid:") + buf;
}

std::string canonical_dir(const std::string& dir) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    return p.lexically_normal().string();
}

void settle_metadata(BookPlan& plan, const BookOptions& options, bool single,
                     core::Diagnostics& diags) {
    const auto& s = plan.settings;
    std::vector<std::string> langs;
    for (const auto& p : plan.posts) {
        if (!p.lang.empty()) langs.push_back(p.lang);
    }
    plan.language = !s.language.empty() ? s.language : langs.empty() ? "en" : most_common(langs);
    if (!core::is_language_tag(plan.language)) {
        diags.warning(
            s.source_path, 0, 0,
            core::quote_value(plan.language) + " is not a language tag; the book says 'en'",
            "use a BCP 47 tag such as en, zh-Hans or ug");
        plan.language = "en";
    }
    if (!s.title.empty()) {
        plan.title = s.title;
    } else if (single && !plan.posts.empty()) {
        plan.title = plan.posts.front().title;
    } else {
        plan.title = fs::path(plan.root).filename().string();
        if (plan.title.empty()) plan.title = "Posts";
    }
    if (!s.authors.empty()) {
        plan.authors = s.authors;
    } else {
        std::vector<std::string> all;
        for (const auto& p : plan.posts) all.insert(all.end(), p.authors.begin(), p.authors.end());
        // The few most frequent authors speak for an archive; a reader's shelf shows no more.
        while (!all.empty() && plan.authors.size() < 3) {
            std::string top = most_common(all);
            plan.authors.push_back(top);
            all.erase(std::remove(all.begin(), all.end(), top), all.end());
        }
    }
    Hash128 h;
    h.add(plan.title);
    for (const auto& p : plan.posts) {
        h.add(std::string_view(reinterpret_cast<const char*>(&p.hash_a), sizeof p.hash_a));
        h.add(std::string_view(reinterpret_cast<const char*>(&p.hash_b), sizeof p.hash_b));
    }
    plan.identifier = !s.identifier.empty() ? s.identifier : uuid_from(h.a, h.b);

    long long modified = 0;
    if (options.job.source_date_epoch) {
        modified = *options.job.source_date_epoch;
    } else {
        for (const auto& p : plan.posts) {
            if (p.date) modified = std::max<long long>(modified, p.date->unix_seconds());
        }
        if (modified == 0 && s.date) modified = s.date->unix_seconds();
    }
    plan.modified = core::utc_timestamp(modified);
}

}  // namespace

std::string site_url_key(std::string path) {
    path = core::percent_decode(path.substr(0, path.find_first_of("?#")));
    for (std::string_view suffix : {"/index.html", "/index.htm", ".html", ".htm"}) {
        if (path.ends_with(suffix)) path.resize(path.size() - suffix.size());
    }
    while (!path.empty() && path.back() == '/') path.pop_back();
    if (!path.starts_with('/')) path.insert(path.begin(), '/');
    return path;
}

std::string chapter_language(const BookPlan& plan, const PostInfo& post) {
    return !post.lang.empty() && core::is_language_tag(post.lang) ? post.lang : plan.language;
}

namespace {

// Moves the posts into reading order and gives each its chapter file and lookups.
void assign_chapters(BookPlan& plan, std::vector<PostInfo>& scanned,
                     const std::vector<core::PostKey>& keys) {
    std::vector<std::string> slugs;
    for (const auto& k : keys) {
        plan.posts.push_back(std::move(scanned[k.index]));
        plan.read_counts += plan.posts.back().read_counts;
        slugs.push_back(core::post_file_slug(plan.posts.back().path));
    }
    const std::vector<std::string> plain_slugs = slugs;
    core::make_unique_slugs(slugs);
    const int width = plan.posts.size() > 9999 ? 6 : 4;
    for (std::size_t i = 0; i < plan.posts.size(); ++i) {
        PostInfo& p = plan.posts[i];
        char number[32];
        std::snprintf(number, sizeof number, "%0*zu", width, i + 1);
        p.slug = slugs[i];
        p.file = std::string(number) + "-" + p.slug + ".xhtml";
        plan.by_path[p.path] = i;
        plan.by_slug[plain_slugs[i]].push_back(i);
        if (!p.slug_alias.empty() && p.slug_alias != plain_slugs[i])
            plan.by_slug[p.slug_alias].push_back(i);
        for (const auto& url : p.urls) plan.by_url.emplace(url, i);
        plan.scripts |= p.scripts;
        std::vector<char32_t> merged;
        std::set_union(plan.code_points.begin(), plan.code_points.end(), p.code_points.begin(),
                       p.code_points.end(), std::back_inserter(merged));
        plan.code_points = std::move(merged);
        p.code_points = {};
        for (auto& entry : p.image_files) plan.images.emplace(entry.href, std::move(entry));
        p.image_files.clear();
    }
}

void add_cover(BookPlan& plan, core::Diagnostics& diags) {
    if (plan.settings.cover.empty()) return;
    std::string base = fs::path(plan.settings.source_path).parent_path().string();
    // The cover sits by its collection file, which may be outside the posts' folder.
    ImageLookup cover =
        find_image(plan.settings.cover, base, plan.resources->allowing(base.empty() ? "." : base));
    if (cover.ok && cover.entry.media_type == "image/webp") {
        diags.warning(plan.settings.source_path, 0, 0,
                      "cover: a WebP cover is not shown by EPUB 3.2 readers; use PNG or JPEG");
    } else if (cover.ok) {
        plan.cover_href = cover.entry.href;
        plan.images.emplace(cover.entry.href, cover.entry);
    } else {
        diags.warning(plan.settings.source_path, 0, 0, "cover: " + cover.problem);
    }
}

void format_dates(BookPlan& plan) {
    std::map<std::string, std::unique_ptr<core::DateText>> formatters;  // ICU formatters are costly
    for (auto& p : plan.posts) {
        if (!p.date) continue;
        std::string lang = chapter_language(plan, p);
        auto& f = formatters[lang];
        if (!f) f = std::make_unique<core::DateText>(lang);
        p.date_text = f->format(*p.date);
    }
}

}  // namespace

std::optional<BookPlan> plan_book(const BookOptions& options, core::Diagnostics& diags) {
    core::PostFiles files = core::find_post_files(options.inputs, diags);
    if (diags.has_errors()) return std::nullopt;

    BookPlan plan;
    std::string collection =
        options.collection_file.empty() ? files.collection_file : options.collection_file;
    if (!collection.empty()) {
        auto settings =
            core::read_collection_file(collection, diags, options.job.limits.max_file_bytes);
        if (!settings) return std::nullopt;
        plan.settings = std::move(*settings);
    }
    plan.root = canonical_dir(files.root);
    plan.resources.emplace(plan.root, options.job.resource_paths, options.job.limits);
    plan.package_warnings = options.package_warnings;
    std::string chosen_site = options.job.site_root;
    if (chosen_site.empty() && !plan.settings.site_root.empty()) {
        chosen_site =
            (fs::path(plan.settings.source_path).parent_path() / plan.settings.site_root).string();
    }
    plan.site = core::site_of_job(chosen_site, plan.root, diags);
    if (diags.has_errors()) return std::nullopt;
    if (plan.site) plan.resources = plan.resources->within_site(*plan.site);

    std::vector<PostInfo> scanned(files.files.size());
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> cache_left{options.model_cache_bytes};
    std::mutex progress_mutex;
    core::parallel_for(scanned.size(), options.job.jobs, [&](std::size_t i) {
        scanned[i].path = files.files[i];
        scan_post(scanned[i], plan, cache_left);
        std::size_t n = ++done;
        if (options.job.progress) {
            std::lock_guard lock(progress_mutex);
            options.job.progress("reading", n, scanned.size());
        }
    });

    find_page_relative_images(scanned, plan);

    std::size_t skipped = 0;
    std::vector<core::PostKey> keys;
    for (std::size_t i = 0; i < scanned.size(); ++i) {
        PostInfo& p = scanned[i];
        // Front matter is scanned after the body; report in line order all the same.
        std::vector<core::Diagnostic> items = p.diags.items();
        std::stable_sort(items.begin(), items.end(),
                         [](const auto& a, const auto& b) { return a.line < b.line; });
        for (auto d : items) {
            if (d.severity == core::Severity::error && !options.strict) {
                d.severity = core::Severity::warning;
                d.message += " (post skipped)";
            }
            diags.add(std::move(d));
        }
        p.diags = {};
        if (!p.readable) {
            ++skipped;
            continue;
        }
        if (p.draft && !options.include_drafts) continue;
        keys.push_back({i, p.path, p.title, p.date});
    }
    if (skipped > 0 && options.strict) return std::nullopt;
    plan.skipped = skipped;
    plan.scanned = scanned.size();
    if (keys.empty()) {
        diags.error(options.inputs.empty() ? std::string{} : options.inputs.front(), 0, 0,
                    "no posts to put in the book", "drafts are left out unless --drafts is given");
        return std::nullopt;
    }

    core::order_posts(keys,
                      options.oldest_first.value_or(plan.settings.oldest_first.value_or(false)));
    assign_chapters(plan, scanned, keys);
    scanned.clear();

    const bool single = files.files.size() == 1 && options.inputs.size() == 1;
    settle_metadata(plan, options, single, diags);

    add_cover(plan, diags);
    format_dates(plan);
    return plan;
}

std::vector<std::string> chapter_languages(const BookPlan& plan) {
    std::vector<std::string> tags{plan.language};
    for (const auto& p : plan.posts) {
        std::string lang = chapter_language(plan, p);
        if (std::find(tags.begin(), tags.end(), lang) == tags.end()) tags.push_back(lang);
    }
    return tags;
}

std::vector<YearGroup> year_groups(const BookPlan& plan) {
    std::vector<YearGroup> groups;
    for (std::size_t i = 0; i < plan.posts.size(); ++i) {
        const auto& d = plan.posts[i].date;
        std::string label =
            d ? std::to_string(d->year) : styles::words_for(plan.language).get("undated");
        if (groups.empty() || groups.back().label != label) groups.push_back({label, i, i});
        groups.back().end = i + 1;
    }
    return groups;
}

}  // namespace broadside::epub
