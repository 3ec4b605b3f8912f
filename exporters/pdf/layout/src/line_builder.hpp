#pragma once

#include <utility>
#include <vector>

#include "broadside/pdf/layout.hpp"
#include "broadside/pdf/line_breaker.hpp"

namespace broadside::pdf {

/// Colours of a line's text: plain text and link text.
struct LineColors {
    Rgb text;
    Rgb link;
};

/// Turns one line of a shaped paragraph into positioned items: drops the trailing white space,
/// puts the segments in visual order (UAX #9 rule L2 over their levels), merges neighbours of
/// one face, direction and link into glyph runs, and returns them as one TextLine (with the
/// line's logical text) followed by a Link item over each linked run.
/// `left` and `width` give the line's box; right-to-left paragraphs are set flush right, others
/// flush left. `baseline` is the y of the baseline. Positions are frame coordinates.
std::vector<std::pair<Point, Item>> place_line(const ShapedParagraph& paragraph, LineRange line,
                                               double left, double width, double baseline,
                                               const LineColors& colors);

}  // namespace broadside::pdf
