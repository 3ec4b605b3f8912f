#include "svg_raster.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <fstream>
#include <iterator>
#include <memory>

namespace broadside::pdf {
namespace {

struct HandleUnref {
    void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};

}  // namespace

RgbImage render_svg(const std::string& path, std::uint32_t width, std::uint32_t height) {
    // From memory, without a base file: the drawing cannot reach any other file.
    std::ifstream in(path, std::ios::binary);
    const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    GError* error = nullptr;
    std::unique_ptr<RsvgHandle, HandleUnref> handle(
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
    g_clear_error(&error);
    if (!handle || width == 0 || height == 0) return {};
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, static_cast<int>(width), static_cast<int>(height)));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
    std::unique_ptr<cairo_t, ContextDestroy> cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    const RsvgRectangle viewport{0, 0, double(width), double(height)};
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

}  // namespace broadside::pdf
