#pragma once

#include <map>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/resources.hpp"
#include "broadside/styles/style.hpp"
#include "text_setter.hpp"
#include "vertical_list.hpp"

namespace broadside::pdf {

/// What block layout needs from the job: the text setter, the style, where resources may come
/// from, and the body frame's size in points.
struct BlockEnvironment {
    TextSetter& setter;
    const styles::Style& style;
    const core::ResourcePolicy& resources;
    std::string document_dir;
    double frame_width = 0;
    double frame_height = 0;
    bool title_block = true;  ///< open with the title, date and authors (not in letters)
    Structure structure;      ///< the element the blocks' elements are children of
};

/// Turns a document's blocks into the vertical list of a page body. Paragraph lines carry
/// their widow and orphan rules (at least two lines on each side of a page break; a paragraph
/// of three lines or fewer never splits), headings are kept with the two lines after them,
/// list markers hang in the indent, quotes get a bar, code is wrapped with a visible mark, and
/// each footnote's lines ride on the line that first refers to it. Footnotes nothing refers to
/// are set at the end. Raw HTML blocks are dropped with a warning.
VerticalList layout_blocks(const core::Document& doc, BlockEnvironment& env);

}  // namespace broadside::pdf
