#include "broadside/merge/combined_layout.hpp"

#include <variant>

#include "broadside/core/overloaded.hpp"

namespace broadside::merge {

void CombinedLayout::adopt(pdf::Page& page, const std::string& id_prefix) {
    faces_.adopt(page);
    for (auto& frame : page.frames)
        for (auto& [at, item] : frame.items)
            std::visit(core::overloaded{
                           [&](pdf::Anchor& anchor) {
                               // Every letter comes from one template: same heading ids.
                               anchor.id = id_prefix + anchor.id;
                               if (anchor.level > 0) ++anchor.level;
                           },
                           [&](pdf::Link& link) {
                               if (link.url.starts_with('#'))
                                   link.url = "#" + id_prefix + link.url.substr(1);
                           },
                           [](auto&) {},
                       },
                       item);
}

void CombinedLayout::append(pdf::Layout letter, int number, const std::string& title) {
    if (letter.pages.empty()) return;
    const std::string prefix = "letter-" + std::to_string(number);
    const std::size_t count = letter.pages.size();
    const pdf::Size sheet = letter.pages.back().size;
    for (auto& page : letter.pages) adopt(page, prefix + "-");

    pdf::Page& first = letter.pages.front();
    first.label = pdf::PageLabel{1, ""};
    // A frame of its own covering the page, so the bookmark opens at the top of the sheet.
    pdf::Frame mark{pdf::Rect{{0, 0}, first.size}, {}};
    mark.items.emplace_back(pdf::Point{0, 0}, pdf::Anchor{prefix, title, 1});
    first.frames.insert(first.frames.begin(), std::move(mark));

    for (auto& page : letter.pages) sink_(std::move(page));
    if (duplex_ && count % 2 == 1) sink_(pdf::Page{sheet, {}, std::nullopt});
}

}  // namespace broadside::merge
