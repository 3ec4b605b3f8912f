#pragma once

#include <cstddef>
#include <vector>

namespace broadside::pdf {

/// One unbreakable piece of the vertical list: a line of text, an image, a table row, a rule.
/// Lengths in points.
struct VItem {
    double height = 0;
    /// Space above the item; dropped when the item starts a page (TeX's discardable glue).
    double space_before = 0;
    /// Whether a page may end just before this item. Widow, orphan and keep rules are all
    /// expressed by clearing this flag (e.g. on the first two and the last line of a paragraph).
    bool break_before = true;
    /// Height of the footnotes this item references for the first time, with their spacing;
    /// they must land on the same page.
    double footnote_height = 0;
    /// Items of one table share a group; an item with `repeat_header` set is copied to the top
    /// of every later page the group continues on.
    int group = -1;
    bool repeat_header = false;
};

/// The items of one page: [begin, end) of the list, plus the header item (if any) repeated at
/// the top because a table continues from the previous page.
struct PageSlice {
    std::size_t begin = 0, end = 0;
    std::ptrdiff_t repeated_header = -1;
    bool overfull = false;  ///< no allowed break fitted: the page holds more than its height
};

/// Splits the list into pages whose body areas are `page_heights` points tall (page n uses
/// `page_heights[min(n, size - 1)]`; a letter's first page is shorter), breaking only before
/// items that allow it, and as late as possible. When no allowed break fits on a page, the
/// page breaks at the last item that fits anyway (marked overfull only if even one item does
/// not fit). `footnote_separator` is added once per page that carries footnotes.
/// Linear in the number of items, apart from the backtracking to the last allowed break.
std::vector<PageSlice> paginate(const std::vector<VItem>& items,
                                const std::vector<double>& page_heights, double footnote_separator);

}  // namespace broadside::pdf
