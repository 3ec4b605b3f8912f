#include "epub_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "broadside/epub/book.hpp"
#include "broadside/styles/style.hpp"
#include "commands.hpp"

namespace broadside::cli {
namespace {

// One line redrawn in place; only when stderr is a terminal, so logs and pipes stay clean.
void draw_progress(std::string_view stage, std::size_t done, std::size_t total) {
    constexpr int width = 30;
    const int filled = total == 0 ? width : static_cast<int>(width * done / total);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "\r%-8.*s [%s] %zu/%zu", static_cast<int>(stage.size()), stage.data(),
                 bar.c_str(), done, total);
    if (done == total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

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

int run_epub(const Options& options) {
    core::Diagnostics diags;
    auto style = styles::load_style(options.style.empty() ? "default" : options.style, diags);
    if (!style) return report(diags);

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
    if (isatty(STDERR_FILENO)) book.progress = draw_progress;

    auto summary = epub::write_book(book, *style, diags);
    int status = report(diags);
    if (!summary) return exit_input_error;
    if (isatty(STDERR_FILENO)) {
        std::cerr << "wrote " << options.output << ": " << summary->chapters << " chapters, "
                  << summary->images << " images, " << summary->fonts << " fonts\n";
    }
    return status;
}

}  // namespace broadside::cli
