#pragma once

#include <string>

namespace broadside::test {

/// Drops the embedding controls Poppler wraps right-to-left sections in (U+202A..U+202E) and
/// the LRM/RLM marks the writer adds for it, so pdftotext output compares with source text.
std::string without_bidi_controls(const std::string& text);

}  // namespace broadside::test
