// GIF pictures for the PDF: libharu embeds PNG and JPEG only, so gdk-pixbuf decodes the GIF's
// first frame (an animation shows its first picture on paper).
#pragma once

#include <string>

#include "png_check.hpp"

namespace broadside::pdf {

/// The first frame of the GIF at `path` as 8-bit RGB, transparency composited on white (the
/// page colour). Empty when the file cannot be decoded.
RgbImage decode_gif_rgb(const std::string& path);

}  // namespace broadside::pdf
