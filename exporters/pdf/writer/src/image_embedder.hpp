#pragma once

#include <map>
#include <string>

#include <hpdf.h>

#include "broadside/core/diagnostics.hpp"
#include "broadside/pdf/layout.hpp"
#include "haru_errors.hpp"
#include "png_check.hpp"

namespace broadside::pdf {

/// Loads image files into one document, each path once: the second use of a picture costs a
/// reference, not another copy. A file that fails (changed since layout, corrupt pixel data,
/// a PNG variant libharu cannot take) gives one warning and no image; the job goes on.
class ImageEmbedder {
  public:
    /// `errors` is the document's libharu error record (cleared after a failed load);
    /// warnings name `file`.
    ImageEmbedder(HPDF_Doc doc, HaruErrors& errors, core::Diagnostics& diags, std::string file)
        : doc_(doc), errors_(errors), diags_(diags), file_(std::move(file)) {}

    /// The image object for `image.path`, or null when it cannot be embedded.
    HPDF_Image image(const Image& image);

  private:
    HPDF_Image load(const Image& image);
    /// Pixels decoded here (an interlaced PNG, which libharu 2.3.0 refuses; a transparent one,
    /// flattened onto white; a drawn SVG) as a compressed image. Null when `pixels` is empty.
    HPDF_Image embed(const RgbImage& pixels);
    /// An SVG or GIF, decoded or drawn into pixels by the picture module (libharu embeds PNG
    /// and JPEG only).
    HPDF_Image load_through_module(const Image& image);
    RgbImage draw_svg(const Image& image, const PictureCodecs& codecs);

    HPDF_Doc doc_;
    HaruErrors& errors_;
    core::Diagnostics& diags_;
    std::string file_;
    std::map<std::string, HPDF_Image> loaded_;
};

}  // namespace broadside::pdf
