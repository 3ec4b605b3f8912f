#pragma once

#include "options.hpp"

namespace broadside::cli {

/// `broadside FILE.md -o FILE.pdf [--style S] [--dump-layout]`: lays the document out, prints
/// the layout tree when asked, and writes the PDF atomically. Returns an ExitStatus.
int run_pdf(const Options& options);

}  // namespace broadside::cli
