// The text of a `--dump-layout` tree, and the comparison tests make between it, the model's
// plain text and pdftotext's output.
#pragma once

#include <string>

namespace broadside::test {

/// Text compared without any white space: line breaks, hyphenation points and the spaces
/// pdftotext guesses between runs differ between renderers, the characters must not. Bidi
/// marks Poppler adds around right-to-left runs are dropped too.
std::string letters(const std::string& text);

/// Where two texts part, with some context, so a failure says what differs; "equal" if never.
std::string first_difference(const std::string& a, const std::string& b);

/// A layout dump's lines, sorted by what they belong to.
struct DumpText {
    std::string all;        ///< every line of every frame, in drawing order
    std::string body;       ///< the document's own text lines
    std::string footnotes;  ///< footnote lines
};

DumpText dump_text(const std::string& dump);

}  // namespace broadside::test
