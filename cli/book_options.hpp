#pragma once

#include "broadside/epub/book.hpp"
#include "options.hpp"

namespace broadside::cli {

/// What a book of posts is made from, for the ePub and the PDF alike: inputs, collection
/// file, drafts, order and the job's settings.
epub::BookOptions book_options(const Options& options);

}  // namespace broadside::cli
