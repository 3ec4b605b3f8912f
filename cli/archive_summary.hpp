#pragma once

#include <cstddef>
#include <string>

#include "broadside/core/document.hpp"

namespace broadside::cli {

/// What an archive run (ePub or PDF book) put in and left out.
struct ArchiveCounts {
    std::string output;
    std::size_t posts_read = 0;  ///< drafts and broken posts included
    std::size_t chapters = 0;
    std::size_t skipped = 0;  ///< broken posts
    std::size_t images = 0;   ///< images in the book
    core::ReadCounts read;    ///< raw HTML translated, template tags met
};

/// Prints the end-of-run table on stderr: posts in and left out, raw HTML translated and
/// template tags run beside the messages printed so far counted by kind (images missing,
/// remote or unusable; raw HTML left out; template tags not run; links that lead nowhere). Printed
/// when stderr is a terminal or a warning or error was printed, so a clean run in a pipe stays
/// silent.
void print_archive_summary(const ArchiveCounts& counts);

}  // namespace broadside::cli
