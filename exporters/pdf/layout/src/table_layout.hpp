#pragma once

#include <vector>

#include "broadside/core/document.hpp"
#include "broadside/styles/style.hpp"
#include "text_setter.hpp"
#include "vertical_list.hpp"

namespace broadside::pdf {

/// Lays out a GFM table as boxes of the vertical list: one box for the header row and one per
/// body row, all in group `table_id` (unique per table in the document), placed from `left`
/// (points from the body frame's left edge) in at most `width` points.
///
/// Column widths come from the content as in browsers' automatic table layout: each column
/// needs at least its longest unbreakable word and at most its longest cell set on one line
/// (both plus cell padding, both as the setter sets them). When every column fits at its
/// widest the table takes that natural width; otherwise the room above the minimums is shared
/// out like water: columns wanting less than an equal share get all they want (short cells do
/// not wrap), the others share the rest in proportion to what they would still like. When even
/// the minimums do not fit
/// (say, 1,000 columns), all columns shrink in proportion, long words overflow their cells, and
/// a warning at the table's position says so. Cells are set with the column's alignment (left
/// and none: start, center, right: end), the header in bold with rules above and below it, thin
/// rules (the style's rule colour) between body rows. A table whose first header cell with text
/// is right to left (Uyghur, Arabic) runs right to left: its first column on the right, the
/// table flush right when narrower than `width`.
///
/// The header box repeats at the top of each page the table continues on (unless it is taller
/// than a third of the style's body height); the first body row is kept with it. A row taller
/// than the style's body height (less the repeated header) is cut into slices between lines,
/// so the job finishes and each slice fits a page under the header. Lines
/// are tagged "table-header" and "table-row r/N" for the layout dump, boxes "table-header" and
/// "table-row". Under `parent` the table is a Table element of rows (TR) of header cells (TH,
/// scope Column) and data cells (TD). When `footnotes` is given, it is resized to `out`'s size and
/// gets, at the index of each appended box, the numbers of the footnotes its cells refer to (the
/// caller attaches the notes, as for lines); a cut row's numbers go with its first slice.
void layout_table(const core::Table& table, double left, double width, TextSetter& setter,
                  const styles::Style& style, int table_id, VerticalList& out,
                  std::vector<std::vector<int>>* footnotes = nullptr,
                  const Structure& parent = nullptr);

}  // namespace broadside::pdf
