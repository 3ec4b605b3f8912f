#include "book_options.hpp"

#include "broadside/core/date_text.hpp"

namespace broadside::cli {

epub::BookOptions book_options(const Options& options, core::Diagnostics& diags) {
    epub::BookOptions book;
    book.inputs = options.inputs;
    book.output = options.output;
    book.collection_file = options.collection;
    book.resource_paths = options.resource_paths;
    book.site_root = options.site_root;
    book.strict = options.strict;
    book.include_drafts = options.include_drafts;
    if (options.oldest_first) book.oldest_first = true;
    book.embed_fonts = options.embed_fonts;
    book.source_date_epoch = core::source_date_epoch(diags);
    book.jobs = options.jobs;
    book.limits = options.limits;
    return book;
}

}  // namespace broadside::cli
