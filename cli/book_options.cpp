#include "book_options.hpp"

namespace broadside::cli {

epub::BookOptions book_options(const Options& options) {
    epub::BookOptions book;
    book.inputs = options.inputs;
    book.output = options.output;
    book.collection_file = options.collection;
    book.job = options.job;
    book.strict = options.strict;
    book.include_drafts = options.include_drafts;
    if (options.oldest_first) book.oldest_first = true;
    book.embed_fonts = options.embed_fonts;
    return book;
}

}  // namespace broadside::cli
