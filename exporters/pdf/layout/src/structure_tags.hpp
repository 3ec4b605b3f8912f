#pragma once

#include <utility>
#include <vector>

#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// Points the text lines, links and pictures of `items` that have no element yet at `node`:
/// they are the content of one element (a paragraph's line, a table cell's text). Items that
/// already have one (a list item's label set before) keep it.
void tag_items(std::vector<std::pair<Point, Item>>& items, const Structure& node);

/// Takes every item of `items` out of the structure: page furniture, drawn again on a later
/// page (a table's repeated header) or around the text.
void untag_items(std::vector<std::pair<Point, Item>>& items);

}  // namespace broadside::pdf
