#include "image_embedder.hpp"

#include <cstdio>

#include "png_check.hpp"

namespace broadside::pdf {

HPDF_Image ImageEmbedder::image(const Image& image) {
    auto found = loaded_.find(image.path);
    if (found != loaded_.end()) return found->second;
    HPDF_Image loaded = load(image);
    loaded_.emplace(image.path, loaded);
    return loaded;
}

HPDF_Image ImageEmbedder::load(const Image& image) {
    std::string problem;
    if (image.format == ImageFormat::png) problem = png_problem(image.path);
    HPDF_Image out = nullptr;
    if (problem.empty()) {
        HaruErrors before = errors_;
        out = image.format == ImageFormat::png
                  ? HPDF_LoadPngImageFromFile(doc_, image.path.c_str())
                  : HPDF_LoadJpegImageFromFile(doc_, image.path.c_str());
        if (!out) {
            char code[48];
            std::snprintf(code, sizeof code, "libharu error 0x%04X",
                          static_cast<unsigned>(errors_.error));
            problem = std::string("the PDF library cannot embed it (") + code + ")";
            errors_.forget(doc_);
            if (before.error != HPDF_OK) errors_ = before;  // an earlier failure still counts
        }
    }
    if (!out)
        diags_.warning(file_, 0, 0, "image '" + image.path + "' is left out: " + problem,
                       "convert it to an 8-bit PNG or a baseline JPEG");
    return out;
}

}  // namespace broadside::pdf
