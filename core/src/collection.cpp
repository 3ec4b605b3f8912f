// Collections: which Markdown files make up a book, the book's settings file, and the order of
// posts. Kept free of any exporter so a PDF anthology could use the same rules.
#include "broadside/core/collection.hpp"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <unordered_set>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/input_file.hpp"
#include "yaml_values.hpp"

namespace broadside::core {
namespace fs = std::filesystem;
namespace {

bool is_markdown(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".md" || ext == ".markdown" || ext == ".mdx";
}

bool is_hidden(const fs::path& p) {
    std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

std::string absolute_normal(const fs::path& p) {
    std::error_code ec;
    fs::path a = fs::absolute(p, ec);
    return (ec ? p : a).lexically_normal().string();
}

// Walks a folder; hidden files and folders (.git, .obsidian) are not posts.
void add_folder(const fs::path& dir, std::vector<std::string>& out, Diagnostics& diags) {
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        diags.error(dir.string(), 0, 0, "cannot read folder: " + ec.message());
        return;
    }
    for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
        if (ec) {
            diags.warning(dir.string(), 0, 0,
                          "stopped reading part of the folder: " + ec.message());
            break;
        }
        const fs::path& p = it->path();
        if (is_hidden(p)) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec) && is_markdown(p)) out.push_back(absolute_normal(p));
    }
}

std::vector<std::string> expand_glob(const std::string& pattern) {
    std::vector<std::string> out;
    glob_t g{};
    if (::glob(pattern.c_str(), 0, nullptr, &g) == 0) {
        for (std::size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
    }
    ::globfree(&g);
    return out;
}

// The deepest folder that holds every file: the sandbox for a list of files.
fs::path common_folder(const std::vector<std::string>& files) {
    if (files.empty()) return fs::current_path();
    fs::path common = fs::path(files.front()).parent_path();
    for (const auto& f : files) {
        fs::path dir = fs::path(f).parent_path();
        fs::path shared;
        auto a = common.begin();
        auto b = dir.begin();
        for (; a != common.end() && b != dir.end() && *a == *b; ++a, ++b) shared /= *a;
        common = shared;
    }
    return common;
}

std::string lower_ascii(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> string_list(const MetaValue& v) {
    std::vector<std::string> out;
    if (const auto* s = v.as_string()) {
        out.push_back(*s);
    } else if (const auto* list = v.as_list()) {
        for (const auto& item : *list) {
            if (const auto* s = item.as_string()) {
                out.push_back(*s);
            } else if (const auto* name = item.find("name"); name && name->as_string()) {
                out.push_back(*name->as_string());
            }
        }
    } else if (const auto* name = v.find("name"); name && name->as_string()) {
        out.push_back(*name->as_string());
    }
    return out;
}

// Applies one key of the collection file; returns false for keys this version does not know.
bool apply_key(const std::string& key, const MetaValue& v, CollectionSettings& s,
               const std::string& path, Diagnostics& diags) {
    auto bad = [&](const std::string& expected) {
        diags.warning(path, v.span.line, v.span.column,
                      quote_value(key) + " should be " + expected + "; ignored");
    };
    const std::string text = v.to_text();
    if (key == "title") {
        s.title = text;
    } else if (key == "subtitle") {
        s.subtitle = text;
    } else if (key == "author" || key == "authors" || key == "creator") {
        s.authors = string_list(v);
    } else if (key == "publisher") {
        s.publisher = text;
    } else if (key == "certified-by" || key == "certified_by") {
        s.certified_by = text;
    } else if (key == "language" || key == "lang") {
        s.language = text;
    } else if (key == "identifier" || key == "id" || key == "isbn") {
        s.identifier = key == "isbn" && !text.empty() ? "urn:isbn:" + text : text;
    } else if (key == "description") {
        s.description = text;
    } else if (key == "cover" || key == "cover-image" || key == "cover_image") {
        s.cover = text;
    } else if (key == "site-root" || key == "site_root") {
        s.site_root = text;
    } else if (key == "date") {
        if (const auto* d = v.as_date()) {
            s.date = *d;
        } else {
            bad("a date (YYYY-MM-DD)");
        }
    } else if (key == "sort" || key == "order") {
        std::string t = lower_ascii(text);
        if (t == "newest" || t == "newest-first" || t == "newest_first" || t == "desc") {
            s.oldest_first = false;
        } else if (t == "oldest" || t == "oldest-first" || t == "oldest_first" || t == "asc") {
            s.oldest_first = true;
        } else {
            bad("newest-first or oldest-first");
        }
    } else if (key == "group" || key == "group-by" || key == "group_by") {
        std::string t = lower_ascii(text);
        if (t == "year") {
            s.group_by_year = true;
        } else if (t == "none") {
            s.group_by_year = false;
        } else {
            bad("year or none");
        }
    } else if (key == "tag-index" || key == "tag_index" || key == "tags-index") {
        if (const auto* b = v.as_bool()) {
            s.tag_index = *b;
        } else {
            bad("true or false");
        }
    } else {
        return false;
    }
    return true;
}

std::string ascii_slug(std::string_view text) {
    std::string out;
    bool dash = false;
    for (unsigned char c : text) {
        if (std::isalnum(c) && c < 0x80) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += static_cast<char>(std::tolower(c));
        } else {
            dash = true;
        }
        if (out.size() >= 48) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "post" : out;
}

}  // namespace

std::optional<CollectionSettings> read_collection_file(const std::string& path, Diagnostics& diags,
                                                       std::uint64_t max_bytes) {
    const auto read = read_input_file(path, max_bytes, "collection file", diags);
    if (!read) return std::nullopt;
    const std::string& text = *read;

    // The collection file is YAML like front matter, so it gets the same types (dates, lists)
    // and the same file:line diagnostics.
    auto root = parse_yaml(text, 1, path, "collection file", diags);
    if (!root) return std::nullopt;
    const MetaMap* map = root->as_map();
    if (!map && !root->is_null()) {
        diags.error(path, 1, 1, "the collection file must be a map of keys",
                    "write one 'key: value' per line");
        return std::nullopt;
    }
    CollectionSettings s;
    s.source_path = path;
    for (const auto& [key, value] : map ? *map : MetaMap{}) {
        if (value.is_null()) continue;
        if (!apply_key(key, value, s, path, diags)) {
            diags.warning(path, value.span.line, 1, "unknown collection key " + quote_value(key),
                          "known keys: title, subtitle, author, publisher, language, identifier, "
                          "description, cover, date, sort, group-by, tag-index, certified-by, "
                          "site-root");
        }
    }
    return s;
}

PostFiles find_post_files(const std::vector<std::string>& inputs, Diagnostics& diags) {
    PostFiles result;
    std::vector<std::string> folders;
    std::error_code ec;
    for (const auto& input : inputs) {
        fs::path p(input);
        if (fs::is_directory(p, ec)) {
            folders.push_back(absolute_normal(p));
            add_folder(p, result.files, diags);
        } else if (fs::exists(p, ec)) {
            result.files.push_back(absolute_normal(p));
        } else {
            auto matches = expand_glob(input);
            if (matches.empty()) {
                diags.error(input, 0, 0, "no such file, folder or matching pattern");
            }
            for (const auto& m : matches) {
                if (fs::is_regular_file(m, ec) && is_markdown(m)) {
                    result.files.push_back(absolute_normal(m));
                } else if (fs::is_directory(m, ec)) {
                    add_folder(m, result.files, diags);
                }
            }
        }
    }
    std::sort(result.files.begin(), result.files.end());
    result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());

    if (folders.size() == 1 && inputs.size() == 1) {
        result.root = folders.front();
        fs::path yaml = fs::path(result.root) / "broadside.yaml";
        if (fs::is_regular_file(yaml, ec)) result.collection_file = yaml.string();
    } else {
        std::vector<std::string> anchors = result.files;
        // A folder given beside files counts as a whole, not just the files found in it.
        for (const auto& f : folders) anchors.push_back((fs::path(f) / "x").string());
        result.root = common_folder(anchors).string();
    }
    if (result.files.empty() && !diags.has_errors()) {
        diags.error(inputs.empty() ? std::string{} : inputs.front(), 0, 0,
                    "no Markdown files (*.md, *.markdown, *.mdx) found");
    }
    return result;
}

void order_posts(std::vector<PostKey>& posts, bool oldest_first) {
    std::sort(posts.begin(), posts.end(), [oldest_first](const PostKey& a, const PostKey& b) {
        if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
        if (a.date && *a.date != *b.date) {
            auto ka = a.date->unix_seconds();
            auto kb = b.date->unix_seconds();
            if (ka != kb) return oldest_first ? ka < kb : ka > kb;
        }
        if (a.title != b.title) return a.title < b.title;
        return a.path < b.path;
    });
}

std::string post_file_slug(const std::string& path) {
    const fs::path file(path);
    std::string stem = file.stem().string();
    if ((stem == "index" || stem == "_index") && file.has_parent_path() &&
        !file.parent_path().filename().empty())
        stem = file.parent_path().filename().string();
    // A Jekyll name starts with the date; the date already orders the book.
    if (auto prefix = file_name_date_prefix(stem); prefix && prefix->second < stem.size())
        stem = stem.substr(prefix->second);
    return ascii_slug(stem);
}

void make_unique_slugs(std::vector<std::string>& slugs) {
    std::unordered_set<std::string> taken;
    for (auto& s : slugs) {
        std::string candidate = s;
        for (int n = 2; taken.count(candidate) != 0; ++n) candidate = s + "-" + std::to_string(n);
        s = candidate;
        taken.insert(s);
    }
}

}  // namespace broadside::core
