// libpng reports errors by longjmp. Only C frames (libpng's) lie between setjmp and longjmp,
// and the objects of these functions live across both, so no destructor is skipped.
#include "png_check.hpp"

#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <memory>

namespace broadside::pdf {
namespace {

constexpr png_uint_32 max_side = 10'000;  // the layout's limit, checked again before any row

struct PngErrors {
    std::jmp_buf jump;
    char message[160] = "";
};

[[noreturn]] void on_png_error(png_structp png, png_const_charp message) {
    auto* e = static_cast<PngErrors*>(png_get_error_ptr(png));
    std::snprintf(e->message, sizeof e->message, "%s", message);
    std::longjmp(e->jump, 1);
}

void on_png_warning(png_structp, png_const_charp) {}

/// A libpng reader of one file, released on every path out.
class PngReader {
  public:
    explicit PngReader(const std::string& path)
        : file_(std::fopen(path.c_str(), "rb"), &std::fclose) {
        if (!file_) return;
        png_ =
            png_create_read_struct(PNG_LIBPNG_VER_STRING, &errors_, on_png_error, on_png_warning);
        if (png_) info_ = png_create_info_struct(png_);
    }
    ~PngReader() { png_destroy_read_struct(&png_, info_ ? &info_ : nullptr, nullptr); }
    PngReader(const PngReader&) = delete;
    PngReader& operator=(const PngReader&) = delete;

    [[nodiscard]] bool ok() const { return info_ != nullptr; }
    [[nodiscard]] bool file_ok() const { return file_ != nullptr; }
    png_structp png() { return png_; }
    png_infop info() { return info_; }
    PngErrors& errors() { return errors_; }
    std::FILE* file() { return file_.get(); }

  private:
    std::unique_ptr<std::FILE, decltype(&std::fclose)> file_;
    PngErrors errors_;
    png_structp png_ = nullptr;
    png_infop info_ = nullptr;
};

}  // namespace

PngCheck check_png(const std::string& path) {
    PngReader r(path);
    if (!r.file_ok()) return {"the file cannot be read", false};
    if (!r.ok()) return {"out of memory", false};
    PngCheck out;
    std::vector<png_byte> row;
    if (setjmp(r.errors().jump)) return {r.errors().message, false};
    png_set_user_limits(r.png(), max_side, max_side);
    png_init_io(r.png(), r.file());
    png_read_info(r.png(), r.info());
    out.interlaced = png_get_interlace_type(r.png(), r.info()) != PNG_INTERLACE_NONE;
    out.transparent = (png_get_color_type(r.png(), r.info()) & PNG_COLOR_MASK_ALPHA) != 0 ||
                      png_get_valid(r.png(), r.info(), PNG_INFO_tRNS) != 0;
    int passes = png_set_interlace_handling(r.png());
    png_read_update_info(r.png(), r.info());
    row.resize(png_get_rowbytes(r.png(), r.info()));
    png_uint_32 height = png_get_image_height(r.png(), r.info());
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y) png_read_row(r.png(), row.data(), nullptr);
    png_read_end(r.png(), nullptr);
    return out;
}

RgbImage decode_png_rgb(const std::string& path) {
    PngReader r(path);
    if (!r.ok()) return {};
    RgbImage out;
    std::vector<png_byte> rgba;
    std::vector<png_bytep> rows;
    if (setjmp(r.errors().jump)) return {};
    png_set_user_limits(r.png(), max_side, max_side);
    png_init_io(r.png(), r.file());
    png_read_info(r.png(), r.info());
    // Every colour type and depth becomes 8-bit RGBA.
    png_set_expand(r.png());
    png_set_strip_16(r.png());
    png_set_gray_to_rgb(r.png());
    png_set_filler(r.png(), 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(r.png());
    png_read_update_info(r.png(), r.info());
    out.width = png_get_image_width(r.png(), r.info());
    out.height = png_get_image_height(r.png(), r.info());
    rgba.resize(std::size_t{out.width} * out.height * 4);
    for (png_uint_32 y = 0; y < out.height; ++y)
        rows.push_back(&rgba[std::size_t{y} * out.width * 4]);
    png_read_image(r.png(), rows.data());
    png_read_end(r.png(), nullptr);
    out.rgb.resize(std::size_t{out.width} * out.height * 3);
    for (std::size_t p = 0, n = std::size_t{out.width} * out.height; p < n; ++p) {
        unsigned alpha = rgba[p * 4 + 3];
        for (int c = 0; c < 3; ++c)
            out.rgb[p * 3 + c] =
                static_cast<std::uint8_t>((rgba[p * 4 + c] * alpha + 255 * (255 - alpha)) / 255);
    }
    return out;
}

}  // namespace broadside::pdf
