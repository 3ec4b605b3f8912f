#include "figure_layout.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/image_header.hpp"
#include "broadside/pdf/item_offset.hpp"
#include "picture_probe.hpp"

namespace broadside::pdf {
namespace {

constexpr double points_per_pixel = 0.75;  // 96 dpi, the CSS reference pixel
constexpr double caption_gap = 4;          // between the picture and its caption
constexpr double placeholder_padding = 8;
constexpr double frame_thickness = 0.5;
constexpr Rgb placeholder_fill{238, 238, 238};
constexpr Rgb placeholder_frame{153, 153, 153};

/// Captions: the body face, a step smaller and italic.
styles::TextStyle caption_style(const styles::Style& style) {
    styles::TextStyle ts = style.body;
    ts.size = style.body.size * 0.9;
    ts.leading = style.body.leading * 0.9;
    ts.italic = true;
    ts.bold = false;
    ts.space_before = ts.space_after = 0;
    return ts;
}

std::string lower_extension(const std::string& path) {
    std::size_t slash = path.find_last_of('/');
    std::size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

/// A file whose name says one format and whose bytes another would be declared wrongly in the
/// ePub of the same document, so the name has to be fixed anyway.
std::string name_problem(const std::string& path, ImageFormat format) {
    std::string ext = lower_extension(path);
    bool png_name = ext == "png";
    bool jpeg_name = ext == "jpg" || ext == "jpeg" || ext == "jpe";
    if (format == ImageFormat::jpeg && png_name)
        return "the file is named .png but holds a JPEG image; rename it to .jpg";
    if (format == ImageFormat::png && jpeg_name)
        return "the file is named ." + ext + " but holds a PNG image; rename it to .png";
    return {};
}

/// `text` set in italic lines centred in `width`; no lines for no text.
std::vector<SetLine> set_text(TextSetter& setter, const std::string& text,
                              const core::SourceSpan& at, const styles::TextStyle& ts,
                              double width) {
    if (text.empty()) return {};
    TextSpan span{text, false, true, false, {}, at.line, at.column};
    return setter.set({span}, ts, width, 0, TextAlign::center).lines;
}

double lines_height(const std::vector<SetLine>& lines) {
    double h = 0;
    for (const auto& l : lines) h += l.height;
    return h;
}

void add_caption(std::vector<SetLine> lines, double left, VerticalList& out) {
    for (std::size_t n = 0; n < lines.size(); ++n) {
        VBox box;
        box.metrics.height = lines[n].height;
        box.metrics.space_before = n == 0 ? caption_gap : 0;
        box.metrics.break_before = false;  // the caption stays with its picture
        for (auto& [p, item] : lines[n].items)
            if (auto* line = std::get_if<TextLine>(&item))
                line->role =
                    "caption " + std::to_string(n + 1) + "/" + std::to_string(lines.size());
        offset_items(lines[n].items, left, 0);
        box.items = std::move(lines[n].items);
        box.dump_label = "caption";
        out.push_back(std::move(box));
    }
}

/// A light grey framed box of `size` with `text` centred in it: what the reader sees where a
/// picture could not be shown.
VBox placeholder(TextSetter& setter, const std::string& text, const core::SourceSpan& at,
                 double left, double width, Size size) {
    styles::TextStyle ts = caption_style(setter.style());
    ts.color = styles::Color{85, 85, 85};
    double inner = std::max(1.0, size.width - 2 * placeholder_padding);
    std::vector<SetLine> lines = set_text(setter, text, at, ts, inner);
    size.height = std::max(size.height, lines_height(lines) + 2 * placeholder_padding);
    double x = left + (width - size.width) / 2;
    VBox box;
    box.metrics.height = size.height;
    box.dump_label = "figure-placeholder";
    const double t = frame_thickness;
    box.items.emplace_back(Point{x, 0}, Rule{size, placeholder_fill});
    box.items.emplace_back(Point{x, 0}, Rule{Size{size.width, t}, placeholder_frame});
    box.items.emplace_back(Point{x, size.height - t}, Rule{Size{size.width, t}, placeholder_frame});
    box.items.emplace_back(Point{x, 0}, Rule{Size{t, size.height}, placeholder_frame});
    box.items.emplace_back(Point{x + size.width - t, 0},
                           Rule{Size{t, size.height}, placeholder_frame});
    double y = (size.height - lines_height(lines)) / 2;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        for (auto& [p, item] : lines[n].items)
            if (auto* line = std::get_if<TextLine>(&item))
                line->role =
                    "placeholder " + std::to_string(n + 1) + "/" + std::to_string(lines.size());
        offset_items(lines[n].items, x + placeholder_padding, y);
        y += lines[n].height;
        std::move(lines[n].items.begin(), lines[n].items.end(), std::back_inserter(box.items));
    }
    return box;
}

/// The picture's size on the page: the size the author gave in HTML (`width`/`height` in CSS
/// pixels), else the file's natural size, at 96 dpi, shrunk to the room available. The file's
/// proportions always hold: with both, the picture fits inside that box, as the ePub's
/// `height: auto` shows it too.
Size fitted_size(const core::ImageHeader& h, const core::Image& image, double width,
                 double height) {
    double px_w = h.width, px_h = h.height;
    if (image.width && image.height && h.width && h.height) {
        const double scale = std::min(image.width / px_w, image.height / px_h);
        px_w *= scale;
        px_h *= scale;
    } else if (image.width && h.width) {
        px_h = px_h * image.width / px_w;
        px_w = image.width;
    } else if (image.height && h.height) {
        px_w = px_w * image.height / px_h;
        px_h = image.height;
    }
    double w = px_w * points_per_pixel, ht = px_h * points_per_pixel;
    double scale = std::min({1.0, width / w, height / ht});
    return {w * scale, ht * scale};
}

}  // namespace

void layout_figure(const core::Image& image, const core::SourceSpan& at, double left, double width,
                   double max_height, TextSetter& setter, const core::ResourcePolicy& policy,
                   const std::string& document_dir, VerticalList& out) {
    width = std::max(1.0, width);
    max_height = std::max(1.0, max_height);
    const std::string& caption = image.alt.empty() ? image.title : image.alt;
    styles::TextStyle cs = caption_style(setter.style());
    std::vector<SetLine> caption_lines = set_text(setter, caption, at, cs, width);
    // The caption must share the page with the picture; a caption taller than half the page
    // is not given all of it.
    double caption_room = caption_lines.empty()
                              ? 0
                              : std::min(lines_height(caption_lines) + caption_gap, max_height / 2);
    double picture_room = max_height - caption_room;

    std::string problem;
    core::ResolvedResource resolved = policy.resolve(image.source, document_dir, "image");
    std::optional<core::ImageHeader> header;
    if (!resolved.ok) {
        problem = resolved.problem;
    } else {
        core::ImageProbe probe = probe_picture(resolved.path, policy.limits());
        problem = probe.problem;
        if (probe.header) {
            problem = name_problem(resolved.path, probe.header->format);
            if (problem.empty()) header = probe.header;
        }
        if (!problem.empty()) problem = "image " + core::quote_value(image.source) + ": " + problem;
    }

    if (header) {
        Size size = fitted_size(*header, image, width, picture_room);
        VBox box;
        box.metrics.height = size.height;
        box.items.emplace_back(Point{left + (width - size.width) / 2, 0},
                               Image{size, resolved.path, header->format, image.alt});
        box.dump_label = "figure";
        out.push_back(std::move(box));
        add_caption(std::move(caption_lines), left, out);
        return;
    }

    setter.diags().warning(setter.file(), at.line, at.column, problem,
                           "a placeholder with the image's description is shown instead");
    std::string text = image.alt.empty() ? image.source : image.alt;
    // As wide as the text and a quarter as tall: plain to see, without wasting the page.
    Size size{width, std::min(width / 4, picture_room)};
    out.push_back(placeholder(setter, text, at, left, width, size));
    if (caption != text) add_caption(std::move(caption_lines), left, out);
}

}  // namespace broadside::pdf
