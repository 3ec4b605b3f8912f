#pragma once

#include <string>

#include "broadside/core/document.hpp"
#include "broadside/core/resources.hpp"
#include "broadside/core/source_span.hpp"
#include "text_setter.hpp"
#include "vertical_list.hpp"

namespace broadside::pdf {

/// Lays out an image as a figure: the picture centred in `width` (boxes are placed from `left`,
/// the distance from the body frame's left edge), then its caption (the alt text, or the title
/// when there is no alt text) in smaller italic lines kept with it. Lengths in points.
///
/// The image is shown at 96 dpi (1 px = 0.75 pt, the CSS pixel the ePub shows it at), shrunk
/// to fit `width` and, with its caption, `max_height`; it is never enlarged, since blowing up a
/// small picture only makes it blurry. `image.source` is resolved through `policy` from
/// `document_dir`, and only the file's headers are read here (the writer embeds it). A
/// reference that does not resolve, a file that is not a readable PNG or JPEG, one whose name
/// says the other format, or one over the size limits of core/image_header.hpp gives a warning at
/// `at` in the setter's file and a placeholder instead: a light grey framed box with the alt
/// text (or the reference) in it. Appends the boxes to `out`; the first one allows a page
/// break before it (the caller sets its space_before), the others are kept with it.
void layout_figure(const core::Image& image, const core::SourceSpan& at, double left, double width,
                   double max_height, TextSetter& setter, const core::ResourcePolicy& policy,
                   const std::string& document_dir, VerticalList& out);

}  // namespace broadside::pdf
