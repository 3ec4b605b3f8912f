#include "broadside/pdf/line_breaker.hpp"
#include "knuth_plass.hpp"
#include "paragraph_items.hpp"

namespace broadside::pdf {

std::vector<LineRange> KnuthPlassLineBreaker::break_lines(const ShapedParagraph& paragraph,
                                                          std::span<const double> widths) const {
    std::vector<LineRange> lines;
    BreakItems items = break_items(paragraph);
    if (items.items.empty() || widths.empty()) return lines;
    KpParameters params;
    // LaTeX's \sloppy amount: in the emergency pass a line of one word and a hyphen no longer
    // ties (at infinite badness) with a line that has spaces to spread.
    params.emergency_stretch = 3 * paragraph.size;
    KpResult result = knuth_plass(items.items, widths, params);
    const auto& segs = paragraph.segments;
    std::size_t start = 0;
    for (const KpBreak& b : result.breaks) {
        std::size_t end = items.ends[b.index];
        // White space after the break belongs to the line it ends (and is trimmed there), so
        // the next line starts with ink.
        while (end < segs.size() && segs[end].whitespace && !segs[end].forced_break) ++end;
        if (end <= start) continue;
        lines.push_back({start, end});
        start = end;
    }
    if (start < segs.size()) lines.push_back({start, segs.size()});
    return lines;
}

}  // namespace broadside::pdf
