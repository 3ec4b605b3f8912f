// The picture module: SVG through librsvg and cairo, GIF through gdk-pixbuf (see
// picture_codecs.hpp for why this is a module of its own).
#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#include <memory>

#include "broadside/pdf/picture_codecs.hpp"

namespace broadside::pdf {
namespace {

struct GObjectUnref {
    void operator()(gpointer object) const { g_object_unref(object); }
};
struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Handle = std::unique_ptr<RsvgHandle, GObjectUnref>;

Handle read_svg(const std::string& svg, std::string* problem) {
    GError* error = nullptr;
    Handle handle(
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
    if (!handle && problem)
        *problem = std::string("librsvg cannot read the SVG: ") +
                   (error ? error->message : "unknown error");
    g_clear_error(&error);
    return handle;
}

SvgSize svg_size(const std::string& svg) {
    SvgSize size;
    Handle handle = read_svg(svg, &size.problem);
    if (!handle) return size;
    rsvg_handle_set_dpi(handle.get(), 96);
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &size.width, &size.height)) {
        gboolean has_width, has_height, has_box;
        RsvgLength width, height;
        RsvgRectangle box;
        rsvg_handle_get_intrinsic_dimensions(handle.get(), &has_width, &width, &has_height, &height,
                                             &has_box, &box);
        if (!has_box) size.problem = "the SVG gives neither its size nor a viewBox";
        size.width = box.width;
        size.height = box.height;
    }
    return size;
}

bool gif_size(const std::string& path, int& width, int& height) {
    return gdk_pixbuf_get_file_info(path.c_str(), &width, &height) != nullptr;
}

RgbImage render_svg(const std::string& svg, std::uint32_t width, std::uint32_t height) {
    Handle handle = read_svg(svg, nullptr);
    if (!handle || width == 0 || height == 0) return {};
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, static_cast<int>(width), static_cast<int>(height)));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
    std::unique_ptr<cairo_t, ContextDestroy> cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    const RsvgRectangle viewport{0, 0, double(width), double(height)};
    GError* error = nullptr;
    const bool drawn = rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error);
    g_clear_error(&error);
    if (!drawn) return {};
    cairo_surface_flush(surface.get());

    // Cairo's RGB24 is one native-endian 32-bit word per pixel, 0x00RRGGBB.
    RgbImage out{width, height, std::vector<std::uint8_t>(std::size_t{width} * height * 3)};
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    std::uint8_t* to = out.rgb.data();
    for (std::uint32_t y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + std::size_t(y) * stride);
        for (std::uint32_t x = 0; x < width; ++x) {
            *to++ = static_cast<std::uint8_t>(row[x] >> 16);
            *to++ = static_cast<std::uint8_t>(row[x] >> 8);
            *to++ = static_cast<std::uint8_t>(row[x]);
        }
    }
    return out;
}

RgbImage decode_gif(const std::string& path) {
    GError* error = nullptr;
    std::unique_ptr<GdkPixbuf, GObjectUnref> pixbuf(gdk_pixbuf_new_from_file(path.c_str(), &error));
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

constexpr PictureCodecs codecs{svg_size, gif_size, render_svg, decode_gif};

}  // namespace
}  // namespace broadside::pdf

extern "C" __attribute__((visibility("default"))) const broadside::pdf::PictureCodecs*
broadside_picture_codecs_1() {
    return &broadside::pdf::codecs;
}
