#include "line_builder.hpp"

#include <algorithm>

namespace broadside::pdf {
namespace {

/// UAX #9 L2: from the highest level down to the lowest odd one, reverse every maximal
/// sequence at that level or above. Segments keep their own glyph order, which HarfBuzz
/// already gave in visual order.
std::vector<std::size_t> visual_order(const ShapedParagraph& p, std::size_t begin,
                                      std::size_t end) {
    std::vector<std::size_t> order;
    std::vector<int> levels;
    int highest = 0, lowest_odd = 127;
    for (std::size_t i = begin; i < end; ++i) {
        int level = p.itemized.items[p.segments[i].item].level;
        order.push_back(i);
        levels.push_back(level);
        highest = std::max(highest, level);
        if (level & 1) lowest_odd = std::min(lowest_odd, level);
    }
    for (int level = highest; level >= lowest_odd && level > 0; --level) {
        for (std::size_t i = 0; i < order.size();) {
            if (levels[i] < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < order.size() && levels[j] >= level) ++j;
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                         order.begin() + static_cast<std::ptrdiff_t>(j));
            std::reverse(levels.begin() + static_cast<std::ptrdiff_t>(i),
                         levels.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
    return order;
}

/// Segments that become one glyph run, in visual order.
struct RunGroup {
    std::vector<std::size_t> segments;
    const TextItem* item = nullptr;
};

bool same_run(const ShapedParagraph& p, const TextItem& a, const TextItem& b) {
    return a.face == b.face && (a.level & 1) == (b.level & 1) &&
           p.itemized.spans[a.span].link == p.itemized.spans[b.span].link;
}

GlyphRun make_run(const ShapedParagraph& p, const RunGroup& group, Rgb fill) {
    GlyphRun run;
    run.font = group.item->face;
    run.size = p.size;
    run.fill = fill;
    run.rtl = group.item->level & 1;
    // The run's text is its segments in logical order; each glyph's cluster is shifted by
    // where its segment's text landed.
    std::vector<std::size_t> logical = group.segments;
    std::sort(logical.begin(), logical.end());
    std::vector<std::size_t> offset(logical.size());
    for (std::size_t k = 0; k < logical.size(); ++k) {
        const Segment& s = p.segments[logical[k]];
        offset[k] = run.text.size();
        run.text.append(p.itemized.text, s.begin, s.end - s.begin);
    }
    for (std::size_t index : group.segments) {
        auto at = std::lower_bound(logical.begin(), logical.end(), index) - logical.begin();
        for (Glyph g : p.segments[index].glyphs) {
            g.cluster += static_cast<std::uint32_t>(offset[static_cast<std::size_t>(at)]);
            run.glyphs.push_back(g);
        }
    }
    return run;
}

}  // namespace

std::vector<std::pair<Point, Item>> place_line(const ShapedParagraph& p, LineRange line,
                                               double left, double width, double baseline,
                                               const LineColors& colors) {
    std::size_t end = line.end;
    while (end > line.begin && p.segments[end - 1].whitespace) --end;
    std::vector<RunGroup> groups;
    double line_width = 0;
    for (std::size_t index : visual_order(p, line.begin, end)) {
        const Segment& s = p.segments[index];
        const TextItem& item = p.itemized.items[s.item];
        line_width += s.width;
        if (!groups.empty() && same_run(p, *groups.back().item, item))
            groups.back().segments.push_back(index);
        else
            groups.push_back({{index}, &item});
    }
    std::vector<std::pair<Point, Item>> out;
    std::vector<std::pair<Point, GlyphRun>> runs;
    double x = p.itemized.base_level & 1 ? left + width - line_width : left;
    for (const auto& group : groups) {
        const std::string& link = p.itemized.spans[group.item->span].link;
        GlyphRun run = make_run(p, group, link.empty() ? colors.text : colors.link);
        double run_width = run.width();
        if (run.glyphs.empty()) continue;
        runs.emplace_back(Point{x, baseline}, std::move(run));
        if (!link.empty())
            out.emplace_back(Point{x, baseline - p.size * 0.9},
                             Link{Size{run_width, p.size * 1.2}, link});
        x += run_width;
    }
    if (runs.empty()) return out;
    // Segments are in logical order, so the line's text is one stretch of the paragraph.
    std::size_t from = p.segments[line.begin].begin;
    TextLine text_line;
    text_line.text = p.itemized.text.substr(from, p.segments[end - 1].end - from);
    text_line.runs = std::move(runs);
    out.insert(out.begin(), {Point{left, baseline}, std::move(text_line)});
    return out;
}

}  // namespace broadside::pdf
