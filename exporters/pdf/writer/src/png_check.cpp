// libpng reports errors by longjmp. Only C frames (libpng's) lie between setjmp and longjmp,
// and the objects of this function live across both, so no destructor is skipped.
#include "png_check.hpp"

#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <memory>
#include <vector>

namespace broadside::pdf {
namespace {

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

}  // namespace

std::string png_problem(const std::string& path) {
    std::unique_ptr<std::FILE, decltype(&std::fclose)> file(std::fopen(path.c_str(), "rb"),
                                                            &std::fclose);
    if (!file) return "the file cannot be read";
    PngErrors errors;
    png_structp png =
        png_create_read_struct(PNG_LIBPNG_VER_STRING, &errors, on_png_error, on_png_warning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_read_struct(&png, nullptr, nullptr);
        return "out of memory";
    }
    std::vector<png_byte> row;
    if (setjmp(errors.jump)) {
        png_destroy_read_struct(&png, &info, nullptr);
        return errors.message;
    }
    png_set_user_limits(png, 10'000, 10'000);
    png_init_io(png, file.get());
    png_read_info(png, info);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    row.resize(png_get_rowbytes(png, info));
    png_uint_32 height = png_get_image_height(png, info);
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, row.data(), nullptr);
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    return {};
}

}  // namespace broadside::pdf
