#include "epub_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "archive_summary.hpp"
#include "book_options.hpp"
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

}  // namespace

int run_epub(const Options& options) {
    core::Diagnostics diags;
    auto style = styles::load_style(options.style.empty() ? "default" : options.style, diags);
    if (!style) return report(diags);

    epub::BookOptions book = book_options(options, diags);
    if (isatty(STDERR_FILENO)) book.progress = draw_progress;

    auto summary = epub::write_book(book, *style, diags);
    int status = report(diags);
    if (!summary) return exit_input_error;
    print_archive_summary({options.output, summary->posts_read, summary->chapters, summary->skipped,
                           summary->images, summary->read_counts});
    return status;
}

}  // namespace broadside::cli
