#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

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

/// Progress reported as (stage, done, total) callbacks, as the library's jobs give it: a bar
/// for each stage, made on its first report (when its total is known).
class StagedProgress {
  public:
    void show(std::string_view stage, std::size_t done, std::size_t total);
    /// Ends the current bar's line, so messages printed next start on their own.
    void finish() { bar_.reset(); }

  private:
    std::string stage_;
    std::optional<ProgressBar> bar_;
};

}  // namespace broadside::cli
