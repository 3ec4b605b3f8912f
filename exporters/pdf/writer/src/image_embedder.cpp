#include "image_embedder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <vector>

#include <zlib.h>

#include "broadside/core/diagnostics.hpp"
#include "broadside/pdf/picture_codecs.hpp"
#include "hpdf_access.hpp"
#include "png_check.hpp"

namespace broadside::pdf {

HPDF_Image ImageEmbedder::image(const Image& image) {
    auto found = loaded_.find(image.path);
    if (found != loaded_.end()) return found->second;
    HPDF_Image loaded = load(image);
    loaded_.emplace(image.path, loaded);
    return loaded;
}

HPDF_Image ImageEmbedder::embed(const RgbImage& pixels) {
    if (pixels.rgb.empty()) return nullptr;
    // Deflated now, so that until the file is saved the document holds kilobytes of
    // compressed pixels per picture, not megabytes of raw ones.
    uLongf size = compressBound(static_cast<uLong>(pixels.rgb.size()));
    std::vector<std::uint8_t> deflated(size);
    if (compress2(deflated.data(), &size, pixels.rgb.data(), static_cast<uLong>(pixels.rgb.size()),
                  Z_DEFAULT_COMPRESSION) != Z_OK)
        return nullptr;
    deflated.resize(size);
    return hpdf::new_deflated_rgb_image(doc_, pixels.width, pixels.height, deflated);
}

namespace {

// Print resolution for drawn pictures: sharp on paper, and a full-width figure stays a few
// hundred kilobytes once compressed.
constexpr double svg_dots_per_inch = 300;

}  // namespace

// Drawn at print resolution for its size on the page, never more pixels than that needs.
RgbImage ImageEmbedder::draw_svg(const Image& image, const PictureCodecs& codecs) {
    const double scale = svg_dots_per_inch / 72;
    const auto pixels = [&](double points) {
        return static_cast<std::uint32_t>(std::max(1.0, std::ceil(points * scale)));
    };
    std::ifstream in(image.path, std::ios::binary);
    const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return codecs.render_svg(svg, pixels(image.size.width), pixels(image.size.height));
}

// SVG and GIF through the picture module, which layout has loaded already to size them.
HPDF_Image ImageEmbedder::load_through_module(const Image& image) {
    std::string unused;
    const PictureCodecs* codecs = picture_codecs(unused);
    if (!codecs) return nullptr;
    return embed(image.format == ImageFormat::svg ? draw_svg(image, *codecs)
                                                  : codecs->decode_gif(image.path));
}

HPDF_Image ImageEmbedder::load(const Image& image) {
    PngCheck png;
    if (image.format == ImageFormat::png) png = check_png(image.path);
    std::string problem = png.problem;
    HPDF_Image out = nullptr;
    if (problem.empty()) {
        HaruErrors before = errors_;
        if (image.format == ImageFormat::jpeg)
            out = HPDF_LoadJpegImageFromFile(doc_, image.path.c_str());
        else if (image.format == ImageFormat::svg || image.format == ImageFormat::gif)
            out = load_through_module(image);
        else if (png.interlaced || png.transparent)
            out = embed(decode_png_rgb(image.path));
        else
            // The pixels are read when the PDF is saved, one image at a time, instead of all
            // held until then: an archive of screenshots needs the memory of one. check_png
            // has decoded the whole file already, so reading it again cannot fail.
            out = HPDF_LoadPngImageFromFile2(doc_, image.path.c_str());
        if (!out) {
            char code[48];
            std::snprintf(code, sizeof code, "libharu error 0x%04X",
                          static_cast<unsigned>(errors_.error));
            problem = errors_.error != HPDF_OK
                          ? std::string("the PDF library cannot embed it (") + code + ")"
                          : "its pixels cannot be decoded";
            errors_.forget(doc_);
            if (before.error != HPDF_OK) errors_ = before;  // an earlier failure still counts
        }
    }
    if (!out)
        diags_.warning(file_, 0, 0,
                       "image " + core::quote_value(image.path) + " is left out: " + problem,
                       "convert it to an 8-bit PNG or a baseline JPEG");
    return out;
}

}  // namespace broadside::pdf
