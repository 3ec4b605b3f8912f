#include "epub_command.hpp"

#include <memory>
#include <string>

#include "archive_summary.hpp"
#include "book_options.hpp"
#include "broadside/epub/book.hpp"
#include "broadside/styles/style.hpp"
#include "commands.hpp"
#include "progress_bar.hpp"

namespace broadside::cli {

int run_epub(const Options& options) {
    core::Diagnostics diags;
    auto style = styles::load_style(options.style.empty() ? "default" : options.style, diags);
    if (!style) return report(diags);

    epub::BookOptions book = book_options(options);
    auto bars = std::make_shared<StagedProgress>();  // the progress function must be copyable
    book.job.progress = [bars](std::string_view stage, std::size_t done, std::size_t total) {
        bars->show(stage, done, total);
    };

    auto summary = epub::write_book(book, *style, diags);
    int status = report(diags);
    if (!summary) return exit_input_error;
    print_archive_summary({options.output, summary->posts_read, summary->chapters, summary->skipped,
                           summary->images, summary->read_counts});
    return status;
}

}  // namespace broadside::cli
