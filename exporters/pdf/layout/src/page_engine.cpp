#include <filesystem>

#include "block_layout.hpp"
#include "broadside/pdf/layout_engine.hpp"
#include "page_composer.hpp"

namespace broadside::pdf {

PageEngine::PageEngine(std::unique_ptr<LineBreaker> breaker) : breaker_(std::move(breaker)) {}

Layout PageEngine::layout(const core::Document& doc, const styles::Style& style,
                          TextServices& services, const core::ResourcePolicy& resources,
                          core::Diagnostics& diags) {
    TextSetter setter(style, services, *breaker_, doc.meta.lang().value_or(""), doc.source_path,
                      diags);
    const double width = std::max(36.0, style.page_width - style.margin_left - style.margin_right);
    const double height = std::max(36.0, style.page_height - style.margin_top - style.margin_bottom);
    BlockEnvironment env{setter, style, resources,
                         std::filesystem::path(doc.source_path).parent_path().string(), width,
                         height};
    VerticalList list = layout_blocks(doc, env);

    std::vector<VItem> metrics;
    metrics.reserve(list.size());
    for (const auto& box : list) metrics.push_back(box.metrics);
    std::vector<PageSlice> slices = paginate(metrics, height, footnote_separator(style));
    for (const auto& s : slices)
        if (s.overfull)
            diags.warning(doc.source_path, 0, 0,
                          "something is taller than the page and runs past its foot",
                          "make images and tables smaller, or the page larger");

    PageFurniture furniture;
    furniture.page_numbers = style.page_numbers;
    if (style.running_head) furniture.running_head = doc.meta.title().value_or("");
    return compose_pages(list, slices, furniture, setter);
}

}  // namespace broadside::pdf
