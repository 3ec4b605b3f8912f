#pragma once

#include <string>

#include "broadside/pdf/layout.hpp"
#include "broadside/styles/style.hpp"
#include "paginator.hpp"
#include "text_setter.hpp"
#include "vertical_list.hpp"

namespace broadside::pdf {

/// Page furniture: what goes around the body.
struct PageFurniture {
    std::string running_head;  ///< text at the head of pages after the first; empty for none
    bool page_numbers = true;  ///< the page's number at its foot
};

/// Builds pages from a paginated vertical list: the body frame at the style's margins with
/// its boxes stacked top to bottom (space before a box dropped at a page's top; a table's
/// repeated header first), the footnotes of the page's boxes at the foot of the body under a
/// short rule, and a head and foot frame with the running head and page number.
Layout compose_pages(const VerticalList& list, const std::vector<PageSlice>& slices,
                     const PageFurniture& furniture, TextSetter& setter);

/// The space a page's footnote block takes besides the notes themselves (the rule and the gap
/// above it); the paginator reserves it once per page that has notes.
double footnote_separator(const styles::Style& style);

}  // namespace broadside::pdf
