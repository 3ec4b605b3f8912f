#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "broadside/pdf/layout.hpp"
#include "broadside/styles/style.hpp"
#include "paginator.hpp"
#include "text_setter.hpp"
#include "vertical_list.hpp"

namespace broadside::pdf {

/// Where each page's body goes and what surrounds it. `bodies[n]` is page n's body frame (the
/// last one serves all later pages); `decorate(page, index, count)` adds the page's other
/// frames (heads, feet, a letter's address zone).
struct PagePlan {
    std::vector<Rect> bodies;
    std::function<void(Page& page, std::size_t index, std::size_t count)> decorate;
};

/// Builds pages from a paginated vertical list: each body frame gets its boxes stacked top to
/// bottom (space before a box dropped at a page's top; a table's repeated header first) and
/// the footnotes of its boxes at its foot under a short rule.
Layout compose_pages(const VerticalList& list, const std::vector<PageSlice>& slices,
                     const PagePlan& plan, const styles::Style& style);

/// The space a page's footnote block takes besides the notes themselves (the rule and the gap
/// above it); the paginator reserves it once per page that has notes.
double footnote_separator(const styles::Style& style);

/// A frame holding one line of small text (page numbers, running heads, continuation heads)
/// `width` wide at `origin`, aligned as asked (in the direction `rtl` forces, else the text's
/// own); its TextLine gets `role`.
Frame furniture_line(TextSetter& setter, const std::string& text, const std::string& role,
                     Point origin, double width, TextAlign align, bool italic,
                     std::optional<bool> rtl = std::nullopt);

}  // namespace broadside::pdf
