#pragma once

#include <cstddef>
#include <string>

namespace broadside::cli {

/// A one-line progress bar on stderr, redrawn in place. It draws only when stderr is a
/// terminal, so logs, pipes and tests see nothing but the diagnostics.
class ProgressBar {
  public:
    ProgressBar(std::string label, std::size_t total);
    /// Shows `done` of the total; the line is finished when `done` reaches it.
    void update(std::size_t done);
    /// Ends a bar that stops early (an error), so the next message starts on its own line.
    ~ProgressBar();

    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

  private:
    std::string label_;
    std::size_t total_;
    bool enabled_;
    bool open_ = false;  // a partial line is on screen
    int last_filled_ = -1;
};

}  // namespace broadside::cli
