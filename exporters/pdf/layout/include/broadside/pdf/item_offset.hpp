#pragma once

#include <utility>
#include <vector>

#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// Moves positioned items by (`dx`, `dy`) points. A TextLine's runs carry positions of their
/// own in the same space as the line, so they move with it.
void offset_items(std::vector<std::pair<Point, Item>>& items, double dx, double dy);

/// The horizontal extent [left, right] of the text in `items` (the glyph runs of their lines),
/// in the items' space; {0, 0} when there is none. Measures what the setter placed, never text.
std::pair<double, double> text_extent(const std::vector<std::pair<Point, Item>>& items);

}  // namespace broadside::pdf
