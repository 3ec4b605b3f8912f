#include "picture_probe.hpp"

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

// Sniffed from the first bytes, as the ePub does: extensions lie more often than content.
bool looks_like_svg(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head.find("<svg") != std::string::npos;
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
    if (!(width >= 1 && height >= 1 && width * height <= double(limits.max_image_pixels)))
        return fail("the SVG's size " + std::to_string(std::lround(width)) + " × " +
                    std::to_string(std::lround(height)) + " is empty or too large; " +
                    core::raise_hint("--max-image-pixels N"));
    return {core::ImageHeader{core::ImageFormat::svg, static_cast<std::uint32_t>(std::lround(width)),
                              static_cast<std::uint32_t>(std::lround(height))},
            {}};
}

}  // namespace

core::ImageProbe probe_picture(const std::string& path, const core::Limits& limits) {
    if (looks_like_svg(path)) return probe_svg(path, limits);
    return core::probe_image(path, limits.max_image_pixels);
}

}  // namespace broadside::pdf
