// SVG pictures drawn into pixels for the PDF: libharu embeds raster images only, so librsvg
// renders the drawing at print resolution for the size it has on the page.
#pragma once

#include <string>

#include "png_check.hpp"

namespace broadside::pdf {

/// Print resolution for drawn pictures: sharp on paper, and a full-width figure stays a few
/// hundred kilobytes once compressed.
inline constexpr double svg_dots_per_inch = 300;

/// The SVG file at `path` (checked by probe_picture at layout) drawn to fill `width` × `height`
/// pixels on white, the page's colour, as 8-bit RGB. Empty when librsvg cannot draw it.
RgbImage render_svg(const std::string& path, std::uint32_t width, std::uint32_t height);

}  // namespace broadside::pdf
