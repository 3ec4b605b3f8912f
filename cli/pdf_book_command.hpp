#pragma once

#include "options.hpp"

namespace broadside::cli {

/// `broadside posts/ -o archive.pdf`: the posts of the inputs as one PDF book (title page,
/// contents with page numbers, one chapter per post, running heads, bookmarks per year and
/// post). Returns an ExitStatus.
int run_pdf_book(const Options& options);

}  // namespace broadside::cli
