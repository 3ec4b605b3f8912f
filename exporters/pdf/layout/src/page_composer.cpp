#include "page_composer.hpp"

#include <algorithm>

#include "item_offset.hpp"

namespace broadside::pdf {
namespace {

Rgb rgb(const styles::Color& c) { return {c.r, c.g, c.b}; }

void place(Frame& frame, const VBox& box, double y) {
    auto items = box.items;
    offset_items(items, 0, y);
    for (auto& entry : items) frame.items.push_back(std::move(entry));
}

// One line of furniture text, centred (page numbers) or at the start (running head).
Frame furniture_frame(TextSetter& setter, const std::string& text, const std::string& role,
                      double top, TextAlign align) {
    const styles::Style& style = setter.style();
    double width = style.page_width - style.margin_left - style.margin_right;
    styles::TextStyle ts = style.footnote;
    ts.italic = role == "running-head";
    Frame frame{Rect{Point{style.margin_left, top}, Size{width, ts.leading}}, {}};
    TextSpan span{text, false, false, false, {}, 0, 0};
    SetParagraph set = setter.set({span}, ts, width, 0, align);
    if (set.lines.empty()) return frame;
    for (auto& [p, item] : set.lines.front().items) {
        if (auto* line = std::get_if<TextLine>(&item)) line->role = role;
        frame.items.emplace_back(p, std::move(item));
    }
    return frame;
}

}  // namespace

double footnote_separator(const styles::Style& style) { return style.footnote.leading; }

Layout compose_pages(const VerticalList& list, const std::vector<PageSlice>& slices,
                     const PageFurniture& furniture, TextSetter& setter) {
    const styles::Style& style = setter.style();
    const double width = style.page_width - style.margin_left - style.margin_right;
    const double height = style.page_height - style.margin_top - style.margin_bottom;
    Layout layout;
    for (std::size_t n = 0; n < slices.size(); ++n) {
        const PageSlice& slice = slices[n];
        Page page;
        page.size = Size{style.page_width, style.page_height};
        Frame body{Rect{Point{style.margin_left, style.margin_top}, Size{width, height}}, {}};
        double y = 0;
        std::vector<const VBox*> notes;
        if (slice.repeated_header >= 0) {
            const VBox& header = list[static_cast<std::size_t>(slice.repeated_header)];
            place(body, header, 0);
            y = header.metrics.height;
        }
        for (std::size_t i = slice.begin; i < slice.end; ++i) {
            const VBox& box = list[i];
            if (i > slice.begin) y += box.metrics.space_before;
            place(body, box, y);
            y += box.metrics.height;
            for (const auto& note : box.footnotes) notes.push_back(&note);
        }
        if (!notes.empty()) {
            double total = 0;
            for (const VBox* note : notes) total += note->metrics.space_before + note->metrics.height;
            double top = height - total;
            // A short rule above the notes, as books have; its gap is footnote_separator().
            body.items.emplace_back(Point{0, top - footnote_separator(style) / 2},
                                    Rule{Size{width / 4, 0.4}, rgb(style.rule_color)});
            for (const VBox* note : notes) {
                top += note->metrics.space_before;
                place(body, *note, top);
                top += note->metrics.height;
            }
        }
        page.frames.push_back(std::move(body));
        if (!furniture.running_head.empty() && n > 0)
            page.frames.push_back(furniture_frame(setter, furniture.running_head, "running-head",
                                                  style.margin_top / 2 - style.footnote.leading / 2,
                                                  TextAlign::start));
        if (furniture.page_numbers)
            page.frames.push_back(furniture_frame(
                setter, std::to_string(n + 1), "page-number",
                style.page_height - style.margin_bottom / 2 - style.footnote.leading / 2,
                TextAlign::center));
        layout.pages.push_back(std::move(page));
    }
    return layout;
}

}  // namespace broadside::pdf
