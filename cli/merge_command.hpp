#pragma once

#include "options.hpp"

namespace broadside::cli {

/// `broadside letter.md --merge data.csv -o OUT`: one letter per record. With a `{{field}}`
/// in OUT, one PDF per record (names made safe and unique); otherwise one combined PDF with
/// page labels restarting per letter, a bookmark per recipient and, with `--duplex`, a blank
/// page after each letter of odd length. Every record's fields are checked before anything is
/// rendered, and a failed job leaves no output behind. Records are laid out on `--jobs`
/// threads, each keeping one PdfExporter (fonts, shaping cache) for all its records; output
/// order and bytes do not depend on the thread count. Returns an ExitStatus.
int run_merge(const Options& options);

}  // namespace broadside::cli
