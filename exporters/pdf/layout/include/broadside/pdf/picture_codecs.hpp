// SVG and GIF pictures for the PDF come from librsvg and gdk-pixbuf, which bring some thirty
// shared libraries (GLib, cairo, pango…) and cost every run 5 ms to load, while most
// documents have no such picture. They live in a module, libbroadside-pictures.so, loaded the
// first time a document needs one. This header is the module's whole interface.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace broadside::pdf {

/// Pixels as 8-bit RGB, top row first.
struct RgbImage {
    std::uint32_t width = 0, height = 0;
    std::vector<std::uint8_t> rgb;  ///< width × height × 3 bytes
};

/// An SVG document's natural size in CSS pixels (96 dpi), or why librsvg cannot read it.
struct SvgSize {
    double width = 0, height = 0;
    std::string problem;  ///< empty when the size is known
};

/// What the module does. Every function is safe to call from several threads at once.
struct PictureCodecs {
    /// The drawing's width and height, or its viewBox's when they are missing or in percent.
    SvgSize (*svg_size)(const std::string& svg);
    /// A GIF file's size from its header; false when the file is damaged.
    bool (*gif_size)(const std::string& path, int& width, int& height);
    /// The drawing (held in memory, so it can reach no other file) scaled to fill width ×
    /// height pixels on white, the page's colour. Empty when librsvg cannot draw it.
    RgbImage (*render_svg)(const std::string& svg, std::uint32_t width, std::uint32_t height);
    /// A GIF file's first frame (an animation shows its first picture on paper), transparency
    /// composited on white. Empty when it cannot be decoded.
    RgbImage (*decode_gif)(const std::string& path);
};

/// The module's entry point. The number is the interface's version: a module built from other
/// sources than the program fails to load instead of being called wrongly.
#define BROADSIDE_PICTURE_CODECS_ENTRY "broadside_picture_codecs_1"

/// The module, loaded once on first use, or null with `problem` saying why it is not there.
/// It is found beside the installed program, where the build made it, or where it was
/// installed; the environment variable BROADSIDE_PICTURES_MODULE, when set, names it instead.
const PictureCodecs* picture_codecs(std::string& problem);

}  // namespace broadside::pdf
