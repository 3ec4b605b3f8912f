#pragma once

// What the table and figure tests share: a text setter over the installed fonts and the default
// style, and pages built from a vertical list the way the page engine builds them.
#include <string>

#include "broadside/core/diagnostics.hpp"
#include "broadside/fonts/catalog.hpp"
#include "broadside/fonts/shaper.hpp"
#include "broadside/pdf/item_offset.hpp"
#include "broadside/pdf/layout.hpp"
#include "broadside/pdf/layout_engine.hpp"
#include "broadside/pdf/line_breaker.hpp"
#include "broadside/styles/style.hpp"
#include "paginator.hpp"
#include "text_setter.hpp"
#include "vertical_list.hpp"

namespace broadside::test {

/// The default style, loaded once (an unloadable style fails the test run loudly).
inline const styles::Style& default_style() {
    static const styles::Style style = [] {
        core::Diagnostics diags;
        auto s = styles::load_style("default", diags);
        return s ? *s : styles::Style{};
    }();
    return style;
}

/// Fonts, shaper, line breaker and a text setter for "t.md" in English.
struct SetterFixture {
    fonts::Catalog catalog;
    fonts::FaceLibrary library;
    fonts::FontResolver resolver{catalog, library};
    fonts::Shaper shaper;
    pdf::TextServices services{resolver, shaper};
    pdf::GreedyLineBreaker breaker;
    core::Diagnostics diags;
    const styles::Style& style = default_style();
    pdf::TextSetter setter{style, services, breaker, "en", "t.md", diags};

    [[nodiscard]] double body_width() const {
        return style.page_width - style.margin_left - style.margin_right;
    }
    [[nodiscard]] double body_height() const {
        return style.page_height - style.margin_top - style.margin_bottom;
    }

    /// Paginates `list` with the page engine's paginator and stacks each page's boxes in the
    /// body frame (the repeated header first, space before a box dropped at a page's top), as
    /// the page engine does, without footnotes and page furniture.
    pdf::Layout pages(const pdf::VerticalList& list) const {
        std::vector<pdf::VItem> metrics;
        for (const auto& box : list) metrics.push_back(box.metrics);
        pdf::Layout layout;
        for (const auto& slice : pdf::paginate(metrics, {body_height()}, 0)) {
            pdf::Frame frame{pdf::Rect{pdf::Point{style.margin_left, style.margin_top},
                                       pdf::Size{body_width(), body_height()}},
                             {}};
            double y = 0;
            auto stack = [&](const pdf::VBox& box, bool top) {
                y += top ? 0 : box.metrics.space_before;
                auto items = box.items;
                pdf::offset_items(items, 0, y);
                for (auto& item : items) frame.items.push_back(std::move(item));
                y += box.metrics.height;
            };
            if (slice.repeated_header >= 0)
                stack(list[static_cast<std::size_t>(slice.repeated_header)], true);
            for (std::size_t i = slice.begin; i < slice.end; ++i)
                stack(list[i], i == slice.begin && slice.repeated_header < 0);
            layout.pages.push_back(
                pdf::Page{pdf::Size{style.page_width, style.page_height}, {std::move(frame)}, {}});
        }
        return layout;
    }
};

}  // namespace broadside::test
