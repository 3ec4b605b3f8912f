#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// A stretch of a text line in one language: its glyph runs, and where its text starts.
struct LinePassage {
    std::string lang;       ///< empty: the language of the line's element
    std::size_t begin = 0;  ///< byte offset of its text in the line's text
    std::vector<const std::pair<Point, GlyphRun>*> runs;
};

/// The line as one passage of its runs as drawn; or, `by_language` and with runs in other
/// languages than the line's element (a Uyghur word in English text), one passage per
/// language in reading order, so a tagged PDF can mark each with its language. Digits and
/// punctuation between two passages of one language join it ("2021-" in a Uyghur sentence).
std::vector<LinePassage> line_passages(const TextLine& line, bool by_language);

}  // namespace broadside::pdf
