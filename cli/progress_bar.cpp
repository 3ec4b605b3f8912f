#include "progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace broadside::cli {

namespace {
constexpr int bar_width = 30;
}

ProgressBar::ProgressBar(std::string label, std::size_t total)
    : label_(std::move(label)), total_(total), enabled_(isatty(STDERR_FILENO) != 0) {}

void ProgressBar::update(std::size_t done) {
    if (!enabled_) return;
    const int filled = total_ == 0 ? bar_width : static_cast<int>(bar_width * done / total_);
    // Redrawing a thousand times a second would cost more than it shows; redraw on a change.
    if (filled == last_filled_ && done != total_) return;
    last_filled_ = filled;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(bar_width, '.');
    std::fprintf(stderr, "\r%s [%s] %zu/%zu", label_.c_str(), bar.c_str(), done, total_);
    open_ = done != total_;
    if (!open_) std::fputc('\n', stderr);
    std::fflush(stderr);
}

void StagedProgress::show(std::string_view stage, std::size_t done, std::size_t total) {
    if (!bar_ || stage != stage_) {
        bar_.reset();  // finishes the previous stage's line
        stage_ = stage;
        bar_.emplace(stage_, total);
    }
    bar_->update(done);
}

ProgressBar::~ProgressBar() {
    if (open_) std::fputc('\n', stderr);
}

}  // namespace broadside::cli
