#include "picture_probe.hpp"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <memory>

#include "broadside/core/input_file.hpp"
#include "broadside/core/svg_check.hpp"

namespace broadside::pdf {
namespace {

core::ImageProbe fail(std::string problem) { return {std::nullopt, std::move(problem)}; }

// The file's first bytes: the kind is sniffed, as the ePub does, since extensions lie more
// often than content.
std::string head_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

core::ImageProbe probe_gif(const std::string& path, const core::Limits& limits) {
    int width = 0, height = 0;
    if (!gdk_pixbuf_get_file_info(path.c_str(), &width, &height) || width <= 0 || height <= 0)
        return fail("the GIF file is damaged");
    core::ImageHeader header{core::ImageFormat::gif, static_cast<std::uint32_t>(width),
                             static_cast<std::uint32_t>(height)};
    if (std::string problem = core::pixel_limit_problem(header, limits.max_image_pixels);
        !problem.empty())
        return fail(std::move(problem));
    return {header, {}};
}

struct HandleUnref {
    void operator()(RsvgHandle* h) const { g_object_unref(h); }
};

core::ImageProbe probe_svg(const std::string& path, const core::Limits& limits) {
    core::Diagnostics unused;  // the problem below says it in the figure's words
    auto text = core::read_input_file(path, limits.max_file_bytes, "image", unused);
    if (!text) return fail("the SVG file cannot be read or is too large");
    if (std::string why = core::svg_problem(*text); !why.empty()) return fail("the file " + why);
    GError* error = nullptr;
    std::unique_ptr<RsvgHandle, HandleUnref> handle(rsvg_handle_new_from_data(
        reinterpret_cast<const guint8*>(text->data()), text->size(), &error));
    if (!handle) {
        std::string why = error ? error->message : "unknown error";
        g_clear_error(&error);
        return fail("librsvg cannot read the SVG: " + why);
    }
    rsvg_handle_set_dpi(handle.get(), 96);
    double width = 0, height = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height)) {
        // Width and height in percent or missing: the viewBox gives the proportions.
        gboolean has_w, has_h, has_box;
        RsvgLength w, h;
        RsvgRectangle box;
        rsvg_handle_get_intrinsic_dimensions(handle.get(), &has_w, &w, &has_h, &h, &has_box,
                                             &box);
        if (!has_box) return fail("the SVG gives neither its size nor a viewBox");
        width = box.width;
        height = box.height;
    }
    if (!(width >= 1 && height >= 1 && width < 1e9 && height < 1e9))
        return fail("the SVG's width and height leave nothing to draw");
    const core::ImageHeader header{core::ImageFormat::svg,
                                   static_cast<std::uint32_t>(std::lround(width)),
                                   static_cast<std::uint32_t>(std::lround(height))};
    if (std::string problem = core::pixel_limit_problem(header, limits.max_image_pixels);
        !problem.empty())
        return fail(std::move(problem));
    return {header, {}};
}

}  // namespace

core::ImageProbe probe_picture(const std::string& path, const core::Limits& limits) {
    const std::string head = head_of(path);
    if (head.starts_with("GIF87a") || head.starts_with("GIF89a")) return probe_gif(path, limits);
    if (head.find("<svg") != std::string::npos) return probe_svg(path, limits);
    return core::probe_image(path, limits.max_image_pixels);
}

}  // namespace broadside::pdf
