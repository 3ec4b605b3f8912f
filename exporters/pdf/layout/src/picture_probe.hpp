// The size of a picture file for layout, whatever its kind: PNG and JPEG from their headers,
// SVG from its own width, height or viewBox as librsvg reads them, GIF from its header as
// gdk-pixbuf reads it.
#pragma once

#include <string>

#include "broadside/core/image_header.hpp"
#include "broadside/core/limits.hpp"

namespace broadside::pdf {

/// The picture at `path` (already resolved inside the sandbox): its format and natural size in
/// pixels (CSS pixels for SVG), or why it cannot be shown. An SVG must pass core::svg_problem
/// (no scripts, nothing from other files) and be at most `limits.max_file_bytes` long; its
/// size at 96 dpi must stay under `limits.max_image_pixels`, as a raster image's must.
core::ImageProbe probe_picture(const std::string& path, const core::Limits& limits);

}  // namespace broadside::pdf
