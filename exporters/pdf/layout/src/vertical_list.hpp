#pragma once

#include <utility>
#include <vector>

#include "broadside/pdf/layout.hpp"
#include "paginator.hpp"

namespace broadside::pdf {

/// One unbreakable piece of a page body (a line, a table row, an image) with its items
/// relative to the box's top-left corner, where x is measured from the body frame's left edge.
/// `metrics` says how tall it is and where pages may break.
struct VBox {
    VItem metrics;
    std::vector<std::pair<Point, Item>> items;
    std::vector<VBox> footnotes;  ///< footnote lines first referenced here, for the page foot
    std::string dump_label;       ///< what the layout dump calls this box ("line", "row", …)
};

using VerticalList = std::vector<VBox>;

}  // namespace broadside::pdf
