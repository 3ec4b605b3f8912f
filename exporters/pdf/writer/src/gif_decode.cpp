#include "gif_decode.hpp"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include <memory>

namespace broadside::pdf {

RgbImage decode_gif_rgb(const std::string& path) {
    GError* error = nullptr;
    std::unique_ptr<GdkPixbuf, decltype(&g_object_unref)> pixbuf(
        gdk_pixbuf_new_from_file(path.c_str(), &error), &g_object_unref);
    g_clear_error(&error);
    if (!pixbuf || gdk_pixbuf_get_bits_per_sample(pixbuf.get()) != 8 ||
        gdk_pixbuf_get_colorspace(pixbuf.get()) != GDK_COLORSPACE_RGB)
        return {};
    const int width = gdk_pixbuf_get_width(pixbuf.get());
    const int height = gdk_pixbuf_get_height(pixbuf.get());
    const int stride = gdk_pixbuf_get_rowstride(pixbuf.get());
    const int channels = gdk_pixbuf_get_n_channels(pixbuf.get());
    const bool alpha = gdk_pixbuf_get_has_alpha(pixbuf.get());
    const guchar* data = gdk_pixbuf_read_pixels(pixbuf.get());
    RgbImage out{static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height),
                 std::vector<std::uint8_t>(std::size_t(width) * height * 3)};
    std::uint8_t* to = out.rgb.data();
    for (int y = 0; y < height; ++y) {
        const guchar* p = data + std::size_t(y) * stride;
        for (int x = 0; x < width; ++x, p += channels) {
            const unsigned a = alpha ? p[3] : 255;
            for (int c = 0; c < 3; ++c)
                *to++ = static_cast<std::uint8_t>((p[c] * a + 255 * (255 - a)) / 255);
        }
    }
    return out;
}

}  // namespace broadside::pdf
