#include "book_options.hpp"

#include <cstdlib>

namespace broadside::cli {
namespace {

std::optional<std::int64_t> source_date_epoch(core::Diagnostics& diags) {
    const char* env = std::getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env) return std::nullopt;
    char* end = nullptr;
    long long v = std::strtoll(env, &end, 10);
    if (*end != '\0' || v < 0) {
        diags.warning("SOURCE_DATE_EPOCH", 0, 0, "is not a number of seconds; ignored");
        return std::nullopt;
    }
    return v;
}

}  // namespace

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
    book.source_date_epoch = source_date_epoch(diags);
    book.jobs = options.jobs;
    book.limits = options.limits;
    return book;
}

}  // namespace broadside::cli
