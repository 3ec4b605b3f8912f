#include "page_composer.hpp"

#include <algorithm>

#include "broadside/pdf/item_offset.hpp"
#include "structure_tags.hpp"

namespace broadside::pdf {
namespace {

Rgb rgb(const styles::Color& c) {
    return {c.r, c.g, c.b};
}

// A box placed again under `role` (a continued table's header) is page furniture: the
// structure has it once, where it first stands.
void place(Frame& frame, const VBox& box, double y, const char* role = nullptr) {
    auto items = box.items;
    offset_items(items, 0, y);
    if (role) untag_items(items);
    for (auto& entry : items) {
        if (auto* line = std::get_if<TextLine>(&entry.second); line && role) line->role = role;
        frame.items.push_back(std::move(entry));
    }
}

}  // namespace

double footnote_separator(const styles::Style& style) {
    return style.footnote.leading;
}

Frame furniture_line(TextSetter& setter, const std::string& text, const std::string& role,
                     Point origin, double width, TextAlign align, bool italic,
                     std::optional<bool> rtl) {
    styles::TextStyle ts = setter.style().footnote;
    ts.italic = italic;
    Frame frame{Rect{origin, Size{width, ts.leading}}, {}};
    TextSpan span{text, false, false, false, {}, 0, 0};
    SetParagraph set = setter.set({span}, ts, width, 0, align, rtl);
    if (set.lines.empty()) return frame;
    for (auto& [p, item] : set.lines.front().items) {
        if (auto* line = std::get_if<TextLine>(&item)) line->role = role;
        frame.items.emplace_back(p, std::move(item));
    }
    return frame;
}

Layout compose_pages(const VerticalList& list, const std::vector<PageSlice>& slices,
                     const PagePlan& plan, const styles::Style& style) {
    Layout layout;
    for (std::size_t n = 0; n < slices.size(); ++n) {
        const PageSlice& slice = slices[n];
        const Rect& box = plan.bodies[std::min(n, plan.bodies.size() - 1)];
        Page page;
        page.size = Size{style.page_width, style.page_height};
        Frame body{box, {}};
        double y = 0;
        std::vector<const VBox*> notes;
        if (slice.repeated_header >= 0) {
            const VBox& header = list[static_cast<std::size_t>(slice.repeated_header)];
            // Its text is printed once more, not said once more: tagged apart from the
            // table's own header, so text comparisons and screen readers can skip it.
            place(body, header, 0, "repeated-table-header");
            y = header.metrics.height;
        }
        for (std::size_t i = slice.begin; i < slice.end; ++i) {
            const VBox& b = list[i];
            if (i > slice.begin) y += b.metrics.space_before;
            place(body, b, y);
            y += b.metrics.height;
            for (const auto& note : b.footnotes) notes.push_back(&note);
        }
        if (!notes.empty()) {
            double total = 0;
            for (const VBox* note : notes)
                total += note->metrics.space_before + note->metrics.height;
            double top = box.size.height - total;
            // A short rule above the notes, as books have; its gap is footnote_separator().
            body.items.emplace_back(Point{0, top - footnote_separator(style) / 2},
                                    Rule{Size{box.size.width / 4, 0.4}, rgb(style.rule_color)});
            for (const VBox* note : notes) {
                top += note->metrics.space_before;
                place(body, *note, top);
                top += note->metrics.height;
            }
        }
        page.frames.push_back(std::move(body));
        if (plan.decorate) plan.decorate(page, n, slices.size());
        layout.pages.push_back(std::move(page));
    }
    return layout;
}

}  // namespace broadside::pdf
