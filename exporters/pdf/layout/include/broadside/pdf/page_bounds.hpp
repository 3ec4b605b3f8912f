#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// A glyph run that lies, wholly or in part, outside the page it is on: it would not print.
struct OffPageRun {
    std::size_t page = 0;  ///< 0-based page index
    Point at;              ///< the run's baseline start, page coordinates (points, y down)
    double width = 0;      ///< the run's advance, points
    std::string text;      ///< the run's text (logical order)
};

/// Every glyph run of `layout` whose box (advance wide, from an em above the baseline to a
/// third of an em below it) leaves its page by more than half a point. A correct layout has
/// none; the page engine warns about each and the layout dump lists them, so every test that
/// lays a document, letter or merge out checks it.
std::vector<OffPageRun> runs_off_page(const Layout& layout);

}  // namespace broadside::pdf
