#include <algorithm>

#include "broadside/pdf/line_breaker.hpp"

namespace broadside::pdf {

std::vector<LineRange> GreedyLineBreaker::break_lines(const ShapedParagraph& paragraph,
                                                      std::span<const double> widths) const {
    const auto& segs = paragraph.segments;
    std::vector<LineRange> lines;
    auto width = [&] { return widths[std::min(lines.size(), widths.size() - 1)]; };
    std::size_t start = 0;
    double used = 0;             // width of [start, i), trailing white space included
    std::size_t last_break = 0;  // segment index + 1 after which the line may end; 0 = none yet
    for (std::size_t i = 0; i < segs.size(); ++i) {
        const Segment& seg = segs[i];
        if (!seg.whitespace && used + seg.width > width() && last_break > start) {
            lines.push_back({start, last_break});
            start = last_break;
            used = 0;
            for (std::size_t k = start; k < i; ++k) used += segs[k].width;
        }
        used += seg.width;
        if (seg.forced_break) {
            lines.push_back({start, i + 1});
            start = i + 1;
            used = 0;
        }
        if (seg.break_after || seg.forced_break) last_break = i + 1;
    }
    if (start < segs.size()) lines.push_back({start, segs.size()});
    return lines;
}

}  // namespace broadside::pdf
