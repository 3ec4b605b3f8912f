#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "accessibility.hpp"
#include "broadside/core/collection.hpp"
#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/meta.hpp"
#include "broadside/core/site.hpp"
#include "broadside/epub/book.hpp"
#include "images.hpp"
#include "scripts.hpp"

namespace broadside::epub {

/// What the book needs to know about one post before any chapter is written. Collected in a
/// first parallel pass; the model itself is dropped after it so memory stays per post.
struct PostInfo {
    std::string path;         ///< absolute path of the Markdown file
    bool readable = false;    ///< false when the post had errors and is left out
    core::Diagnostics diags;  ///< from reading it (pass 1)
    std::string title;
    std::optional<core::Date> date;
    std::vector<std::string> authors;
    std::string excerpt;
    std::vector<std::string> tags;
    std::string lang;  ///< the post's own `lang`, empty when it has none
    bool draft = false;
    std::vector<std::string> ids;  ///< heading and anchor ids of the model
    /// The site addresses front matter gives the post (`permalink`, `url`, `path`, `aliases`,
    /// `slug`), as site_url_key makes them.
    std::vector<std::string> urls;
    std::string slug_alias;  ///< the file-name slug of Hugo's `slug`, empty when none
    std::vector<std::pair<std::string, std::string>> images;  ///< source → package href or ""
    /// An image not found from the post's file but written with `../`, as if from the post's
    /// address on its site: looked up again once every post's address is known.
    struct PageRelativeImage {
        std::string source, alt, problem;
        core::SourceSpan span;
    };
    std::vector<PageRelativeImage> page_relative_images;
    /// Those found that way: the source as written → the file relative to the post's folder.
    std::vector<std::pair<std::string, std::string>> image_sources;
    std::vector<ImageEntry> image_files;  ///< the usable images, until the plan takes them
    /// The model from the first pass while the cache budget lasts; the chapter pass takes it.
    std::unique_ptr<core::Document> model;
    std::string header_image;           ///< package href of `image:`; empty when none or unusable
    bool header_image_in_body = false;  ///< the body shows it already; not repeated
    ScriptSet scripts = 0;
    std::vector<char32_t> code_points;     ///< non-ASCII characters of the text, sorted, unique
    PostAccessibility accessibility;       ///< what the conformance claim depends on
    core::ReadCounts read_counts;          ///< raw HTML and template tags met in reading
    std::uint64_t hash_a = 0, hash_b = 0;  ///< content hash (file name and bytes)
    // Assigned once the order is known:
    std::string file;       ///< `0001-slug.xhtml`, inside `chapters/`
    std::string slug;       ///< the file-name slug before numbering
    std::string date_text;  ///< the date in the book's language
};

/// Everything about the book except chapter bodies: settings, ordered posts, images, links.
struct BookPlan {
    core::CollectionSettings settings;
    std::string root;  ///< input root (sandbox), absolute
    /// Where images may come from: the root plus `--resource-path` folders.
    std::optional<core::ResourcePolicy> resources;
    std::optional<core::Site> site;  ///< the site project the posts belong to, if any
    std::vector<PostInfo> posts;     ///< in reading order; only those in the book
    ImageTable images;               ///< every image the book holds, by package href
    std::string cover_href;          ///< the cover image's href; empty when none
    std::string title, language, identifier, modified;  ///< resolved book metadata
    std::vector<std::string> authors;
    ScriptSet scripts = 0;
    std::vector<char32_t> code_points;  ///< every non-ASCII character of the book, sorted
    std::size_t skipped = 0;            ///< posts left out because of errors (reported at the end)
    std::size_t scanned = 0;            ///< posts read, including drafts and skipped ones
    bool package_warnings = true;       ///< BookOptions::package_warnings
    core::ReadCounts read_counts;       ///< of the posts in the book
    std::unordered_map<std::string, std::size_t> by_path;  ///< absolute path → post index
    std::unordered_map<std::string, std::vector<std::size_t>> by_slug;
    std::unordered_map<std::string, std::size_t> by_url;  ///< site_url_key → post index
};

/// One spelling of a site address for lookups: `/2016/05/13/rustup.html`, `2016/05/13/rustup/`
/// and `/2016/05/13/rustup/index.html` are all `/2016/05/13/rustup`.
std::string site_url_key(std::string path);

/// Finds, reads and orders the posts and settles all book metadata. Broken posts are skipped
/// with their diagnostics kept (or make the plan fail under `strict`). Returns nothing when the
/// book cannot be made; the reasons are in `diags`.
std::optional<BookPlan> plan_book(const BookOptions& options, core::Diagnostics& diags);

/// A run of posts of one year in the book's order, for the contents.
struct YearGroup {
    std::string label;  ///< the year, or the book's word for "Undated"
    std::size_t first = 0, end = 0;
};
/// The posts grouped by the year of their date, in the book's order.
std::vector<YearGroup> year_groups(const BookPlan& plan);

/// The book's language for a post: its own `lang`, else the book's.
std::string chapter_language(const BookPlan& plan, const PostInfo& post);

/// Every chapter's language, the book's first, in order of appearance.
std::vector<std::string> chapter_languages(const BookPlan& plan);

}  // namespace broadside::epub
