#pragma once

#include "options.hpp"

namespace broadside::cli {

/// `broadside POSTS... -o BOOK.epub`: builds an ePub from a folder, files or globs of posts
/// (or one post), with a progress bar on stderr when it is a terminal. Returns an ExitStatus.
int run_epub(const Options& options);

}  // namespace broadside::cli
