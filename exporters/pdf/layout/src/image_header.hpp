#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// What an image file's headers say, read without decoding a single pixel.
struct ImageHeader {
    ImageFormat format = ImageFormat::png;
    std::uint32_t width = 0, height = 0;  ///< pixels
};

/// The outcome of probing a file: a header, or why there is none.
struct ImageProbe {
    std::optional<ImageHeader> header;
    std::string problem;  ///< when there is no header: what is wrong, ready for a warning
};

/// The largest images embedded. PNGs are decoded into memory by the PDF library (4 bytes a
/// pixel), so they get a lower pixel budget than JPEGs, which are copied into the PDF as they are.
inline constexpr std::uint32_t max_image_side = 10'000;
inline constexpr std::uint64_t max_png_pixels = 25'000'000;
inline constexpr std::uint64_t max_jpeg_pixels = 50'000'000;

/// Reads the size of the PNG or JPEG file at `path` from its headers: a PNG's IHDR, a JPEG's
/// SOF0–SOF2 segment. The whole chunk (PNG) or segment (JPEG, up to the image data) structure is
/// walked by its length fields, so a truncated file is found without decompressing anything.
/// Time is linear in the number of chunks; memory is constant. Refuses (with a problem) other
/// formats, JPEG codings PDF readers cannot show (lossless, arithmetic, hierarchical), invalid
/// IHDR values and images over the limits above.
ImageProbe probe_image(const std::string& path);

}  // namespace broadside::pdf
