#include "epub_command.hpp"

#include <memory>
#include <optional>
#include <string>

#include "archive_summary.hpp"
#include "book_options.hpp"
#include "broadside/epub/book.hpp"
#include "broadside/styles/style.hpp"
#include "commands.hpp"
#include "progress_bar.hpp"

namespace broadside::cli {
namespace {

// The book reports its stages ("reading", "writing") with counts: a bar for each stage.
struct StageBars {
    std::string stage;
    std::optional<ProgressBar> bar;

    void show(std::string_view now, std::size_t done, std::size_t total) {
        if (!bar || now != stage) {
            bar.reset();  // finishes the previous stage's line
            stage = now;
            bar.emplace(stage, total);
        }
        bar->update(done);
    }
};

}  // namespace

int run_epub(const Options& options) {
    core::Diagnostics diags;
    auto style = styles::load_style(options.style.empty() ? "default" : options.style, diags);
    if (!style) return report(diags);

    epub::BookOptions book = book_options(options, diags);
    auto bars = std::make_shared<StageBars>();  // the progress function must be copyable
    book.progress = [bars](std::string_view stage, std::size_t done, std::size_t total) {
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
