#include "broadside/pdf/item_offset.hpp"

#include <algorithm>
#include <limits>

namespace broadside::pdf {

void offset_items(std::vector<std::pair<Point, Item>>& items, double dx, double dy) {
    for (auto& [at, item] : items) {
        at.x += dx;
        at.y += dy;
        if (auto* line = std::get_if<TextLine>(&item))
            for (auto& [pos, run] : line->runs) {
                pos.x += dx;
                pos.y += dy;
            }
    }
}

std::pair<double, double> text_extent(const std::vector<std::pair<Point, Item>>& items) {
    double left = std::numeric_limits<double>::max();
    double right = std::numeric_limits<double>::lowest();
    for (const auto& [at, item] : items) {
        const auto* line = std::get_if<TextLine>(&item);
        if (!line) continue;
        for (const auto& [pos, run] : line->runs) {
            left = std::min(left, pos.x);
            right = std::max(right, pos.x + run.width());
        }
    }
    if (left > right) return {0, 0};
    return {left, right};
}

}  // namespace broadside::pdf
