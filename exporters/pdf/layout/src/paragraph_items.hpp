#pragma once

#include <cstddef>
#include <vector>

#include "broadside/pdf/paragraph.hpp"
#include "knuth_plass.hpp"

namespace broadside::pdf {

/// How far the space after (or of) a segment may grow and give, in points.
struct Flex {
    double stretch = 0, shrink = 0;
};

/// The flexibility a segment brings to its line when it is not the line's last: a whitespace
/// segment is inter-word glue (stretch 1/2 and shrink 1/3 of its width, the ratios of TeX's
/// fonts); a CJK character followed by a break opportunity without space gets a little stretch
/// (0.1 em) so that justified Chinese spreads between ideographs. Nothing else ever stretches:
/// Arabic-script text is justified by its spaces only, never letter-spaced.
Flex segment_flex(const ShapedParagraph& paragraph, std::size_t segment);

/// A paragraph as Knuth and Plass's boxes, glue and penalties, with where each breakable item
/// ends a line.
struct BreakItems {
    std::vector<KpItem> items;
    /// Per item: a line broken there holds the segments before this index (white space that
    /// follows is trimmed when the line is placed).
    std::vector<std::size_t> ends;
};

/// Builds the items: words and pieces are boxes; spaces are glue (a space UAX #14 does not let
/// a line break at is preceded by an infinite penalty); hyphenation points are flagged
/// penalties of 50 carrying the hyphen's width (legal from the second pass on); a break after
/// an explicit hyphen is a flagged penalty of 50 (TeX's \exhyphenpenalty); other UAX #14
/// opportunities without space (CJK, after a slash) are zero-width glue with the segment's
/// flex or a zero penalty; hard line breaks end the line with fill glue. Ends as TeX ends a
/// paragraph. Empty when the paragraph has no segments.
BreakItems break_items(const ShapedParagraph& paragraph);

}  // namespace broadside::pdf
