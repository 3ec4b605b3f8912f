#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/limits.hpp"
#include "broadside/core/meta.hpp"

namespace broadside::core {

/// The book-level settings of a collection of posts, from `broadside.yaml` in the input folder
/// or a file given with `--collection`. Every field is optional; empty means "not given".
struct CollectionSettings {
    std::string source_path;  ///< the file these came from; empty when there was none
    std::string title;
    std::string subtitle;
    std::vector<std::string> authors;
    std::string publisher;
    /// Who evaluated the book's accessibility (`a11y:certifiedBy`); empty: the publisher.
    std::string certified_by;
    std::string language;    ///< a BCP 47 tag, e.g. `en`, `zh-Hans`, `ug`
    std::string identifier;  ///< used as given (e.g. `urn:isbn:…`); else derived from content
    std::string description;
    std::string cover;  ///< image path, relative to the collection file's folder
    /// `site-root`: the site project the posts belong to, relative to the collection file's
    /// folder (see core::read_site); empty: found by its layout, if any.
    std::string site_root;
    std::optional<Date> date;
    std::optional<bool> oldest_first;  ///< `sort: oldest|newest`
    bool group_by_year = true;         ///< `group: year|none`
    std::optional<bool> tag_index;     ///< `tag-index: true/false`; default: when posts have tags
};

/// Reads a collection file (YAML). Unknown keys are warnings; a file that is missing or not
/// valid YAML is an error with file:line, and the result is empty then.
std::optional<CollectionSettings> read_collection_file(
    const std::string& path, Diagnostics& diags, std::uint64_t max_bytes = Limits{}.max_file_bytes);

/// The Markdown files an invocation names, and the folder that bounds what they may read.
struct PostFiles {
    /// Absolute, lexically normal path of the input root: the folder given, or the deepest
    /// folder common to all the files given. Images and links may not leave it unless allowed.
    std::string root;
    /// Absolute paths of `*.md` / `*.markdown` files, sorted, without duplicates.
    std::vector<std::string> files;
    /// `broadside.yaml` found in the (single) input folder; empty when there is none.
    std::string collection_file;
};

/// Expands inputs: a folder is searched recursively (hidden entries skipped), a file is taken
/// as is, anything else is tried as a glob pattern. An input that matches nothing is an error.
PostFiles find_post_files(const std::vector<std::string>& inputs, Diagnostics& diags);

/// What ordering needs to know about one post.
struct PostKey {
    std::size_t index = 0;  ///< the caller's index of the post; returned in the new order
    std::string path;
    std::string title;
    std::optional<Date> date;
};

/// Orders posts by date, newest first (or oldest first); posts without a date follow, by title.
/// Ties are broken by title, then path, so the order never depends on the input order.
void order_posts(std::vector<PostKey>& posts, bool oldest_first);

/// An ASCII file-name slug (`[a-z0-9-]`, at most 48 characters) of a post: its file name
/// without extension and `YYYY-MM-DD-` prefix, or its folder's name for the `index.md` of a
/// Hugo or Zola page bundle (`MIR/index.md` is `mir`). Other scripts are dropped; an empty
/// slug becomes `post`.
std::string post_file_slug(const std::string& path);

/// Makes `slugs` pairwise distinct by appending `-2`, `-3`, … to repeats, in order.
void make_unique_slugs(std::vector<std::string>& slugs);

}  // namespace broadside::core
