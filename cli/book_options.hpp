#pragma once

#include "broadside/core/diagnostics.hpp"
#include "broadside/epub/book.hpp"
#include "options.hpp"

namespace broadside::cli {

/// What a book of posts is made from, for the ePub and the PDF alike: inputs, collection
/// file, site, drafts, order, limits, jobs and SOURCE_DATE_EPOCH (a value that is no number of
/// seconds is a warning in `diags` and ignored).
epub::BookOptions book_options(const Options& options, core::Diagnostics& diags);

}  // namespace broadside::cli
