#pragma once

#include <string>

#include "broadside/pdf/picture_codecs.hpp"

namespace broadside::pdf {

/// What reading a PNG file through libpng found.
struct PngCheck {
    std::string problem;      ///< empty when the file decodes
    bool interlaced = false;  ///< Adam7: libharu 2.3.0 cannot load these itself
    /// An alpha channel or a transparent colour: libharu would hold these decoded, with an
    /// uncompressed soft mask, until the file is saved.
    bool transparent = false;
};

/// Decodes the PNG file at `path` row by row and throws the pixels away. libharu hands PNGs to
/// libpng without an error recovery point, so a corrupt one aborts the process: every PNG
/// passes here first. Memory is one row; sizes over 10,000 pixels a side are refused before any
/// row is read.
PngCheck check_png(const std::string& path);

/// Decodes a PNG that check_png accepted into 8-bit RGB, transparency composited on white
/// (the page colour): the route for the interlaced PNGs libharu refuses and for transparent
/// ones. Empty on failure.
RgbImage decode_png_rgb(const std::string& path);

}  // namespace broadside::pdf
