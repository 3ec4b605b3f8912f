#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/job_settings.hpp"
#include "broadside/styles/style.hpp"

namespace broadside::epub {

/// What to put in an ePub book and where to write it.
struct BookOptions {
    std::vector<std::string> inputs;  ///< Markdown files, folders (recursive) or glob patterns
    std::string output;               ///< the `.epub` to write (atomically)
    std::string collection_file;      ///< empty: `broadside.yaml` in the input folder, if any
    /// What every job shares. Its `site_root`, when empty, is the collection file's
    /// `site-root`, else the project found around the input folder (core::find_site); its
    /// `source_date_epoch` is `dcterms:modified`, else the newest post's date; its progress
    /// stages are "reading" and "writing".
    core::JobSettings job;
    bool strict = false;          ///< a post with errors stops the book instead of being skipped
    bool include_drafts = false;  ///< keep posts with `draft: true`
    /// Whether reading the posts warns about their images (missing, remote, refused) and about
    /// what withdraws the ePub's accessibility claim. The PDF book lays images out and reports
    /// them itself, and makes no such claim.
    bool package_warnings = true;
    std::optional<bool> oldest_first;  ///< overrides the collection file's `sort`
    std::optional<bool> embed_fonts;   ///< default: embed when the text needs non-Latin fonts
    /// Markdown bytes whose models are kept between the two passes instead of being parsed
    /// again; bounds memory for archives of any size (a model is about 5x its source).
    std::size_t model_cache_bytes = std::size_t{16} << 20;
};

/// What went into a written book.
struct BookSummary {
    std::size_t chapters = 0;
    std::size_t images = 0;
    std::size_t fonts = 0;
    std::size_t posts_read = 0;    ///< every post found, drafts and broken ones included
    std::size_t skipped = 0;       ///< posts left out because of errors
    core::ReadCounts read_counts;  ///< raw HTML and template tags of the posts in the book
};

/// Builds the book: reads and orders the posts (drafts and broken posts left out, with
/// diagnostics), writes one XHTML chapter per post, navigation, title page, optional tag index,
/// stylesheet from `style`, images and fonts, and packages them as EPUB 3 at
/// `options.output`. Returns nothing when the book could not be made; the reasons are errors
/// in `diags` and no file is left at the output path. Never prints.
std::optional<BookSummary> write_book(const BookOptions& options, const styles::Style& style,
                                      core::Diagnostics& diags);

}  // namespace broadside::epub
