#include "picture_probe.hpp"

#include <cmath>
#include <fstream>

#include "broadside/core/input_file.hpp"
#include "broadside/core/svg_check.hpp"
#include "broadside/pdf/picture_codecs.hpp"

namespace broadside::pdf {
namespace {

core::ImageProbe fail(std::string problem) {
    return {std::nullopt, std::move(problem)};
}

// The file's first bytes: the kind is sniffed, as the ePub does, since extensions lie more
// often than content.
std::string head_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

core::ImageProbe within_limits(const core::ImageHeader& header, const core::Limits& limits) {
    if (std::string problem = core::pixel_limit_problem(header, limits.max_image_pixels);
        !problem.empty())
        return fail(std::move(problem));
    return {header, {}};
}

core::ImageProbe probe_gif(const std::string& path, const core::Limits& limits,
                           const PictureCodecs& codecs) {
    int width = 0, height = 0;
    if (!codecs.gif_size(path, width, height) || width <= 0 || height <= 0)
        return fail("the GIF file is damaged");
    return within_limits({core::ImageFormat::gif, static_cast<std::uint32_t>(width),
                          static_cast<std::uint32_t>(height)},
                         limits);
}

core::ImageProbe probe_svg(const std::string& path, const core::Limits& limits,
                           const PictureCodecs& codecs) {
    core::Diagnostics unused;  // the problem below says it in the figure's words
    auto text = core::read_input_file(path, limits.max_file_bytes, "image", unused);
    if (!text) return fail("the SVG file cannot be read or is too large");
    if (std::string why = core::svg_problem(*text); !why.empty()) return fail("the file " + why);
    const SvgSize size = codecs.svg_size(*text);
    if (!size.problem.empty()) return fail(size.problem);
    if (!(size.width >= 1 && size.height >= 1 && size.width < 1e9 && size.height < 1e9))
        return fail("the SVG's width and height leave nothing to draw");
    return within_limits(
        {core::ImageFormat::svg, static_cast<std::uint32_t>(std::lround(size.width)),
         static_cast<std::uint32_t>(std::lround(size.height))},
        limits);
}

}  // namespace

core::ImageProbe probe_picture(const std::string& path, const core::Limits& limits) {
    const std::string head = head_of(path);
    const bool gif = head.starts_with("GIF87a") || head.starts_with("GIF89a");
    const bool svg = !gif && head.find("<svg") != std::string::npos;
    if (!gif && !svg) return core::probe_image(path, limits.max_image_pixels);
    std::string problem;
    const PictureCodecs* codecs = picture_codecs(problem);
    if (!codecs) return fail(std::move(problem));
    return gif ? probe_gif(path, limits, *codecs) : probe_svg(path, limits, *codecs);
}

}  // namespace broadside::pdf
