#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace broadside::core {

/// The picture formats the PDF embeds: PNG and JPEG as they are, SVG drawn into pixels, GIF
/// (its first frame) decoded.
enum class ImageFormat { png, jpeg, svg, gif };

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

/// Reads the size of the PNG or JPEG file at `path` from its headers: a PNG's IHDR, a JPEG's
/// SOF0–SOF2 segment. The whole chunk (PNG) or segment (JPEG, up to the image data) structure is
/// walked by its length fields, so a truncated file is found without decompressing anything.
/// Time is linear in the number of chunks; memory is constant. Refuses (with a problem) other
/// formats, JPEG codings PDF readers cannot show (lossless, arithmetic, hierarchical), invalid
/// IHDR values and images of more than `max_pixels` (core::Limits::max_image_pixels).
ImageProbe probe_image(const std::string& path, std::uint64_t max_pixels);

/// Why an image of `header`'s size is refused ("the image is 20000 × 20000 pixels, over the
/// limit…"), or empty when it is within `max_pixels`.
std::string pixel_limit_problem(const ImageHeader& header, std::uint64_t max_pixels);

}  // namespace broadside::core
