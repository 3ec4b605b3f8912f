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

/// How one line sits in its box.
struct LineSetting {
    /// Where a line narrower than its box goes: `start` is the side the paragraph starts from
    /// (left, or right for a right-to-left paragraph), `end` the other side.
    enum class Align { start, end, center };
    Align align = Align::start;
    /// Stretch the line's glue to fill the box exactly (shrinking to fit happens always).
    bool justify = false;
    /// The paragraph's last line, or one ending in a hard break: never stretched, and its
    /// ratio is reported as 0 unless it must shrink (TeX's \parfillskip).
    bool ends_paragraph = false;
    /// Stand-ins for the line's first and last segments: pieces reshaped on their own where
    /// HarfBuzz marked a hyphenation cut unsafe to break. Null uses the paragraph's own.
    const Segment* first = nullptr;
    const Segment* last = nullptr;
};

/// Turns one line of a shaped paragraph into positioned items: drops the trailing white space,
/// adds the hyphen when the line ends at a hyphenation point, computes the line's adjustment
/// ratio (glue from `segment_flex`) and applies it as `setting` says, puts the segments in
/// visual order (UAX #9 rule L2 over their levels), merges neighbours of one face, direction,
/// link and look into glyph runs, and returns them as one TextLine (with the line's logical
/// text, its ratio and hyphen flag) followed by a Link item over each linked run and a Rule
/// through each struck-through run. Superscript runs are raised. `left` and `width` give the
/// line's box; `baseline` is the y of the baseline. Positions are frame coordinates.
std::vector<std::pair<Point, Item>> place_line(const ShapedParagraph& paragraph, LineRange line,
                                               double left, double width, double baseline,
                                               const LineColors& colors,
                                               const LineSetting& setting = {});

}  // namespace broadside::pdf
