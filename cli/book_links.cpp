#include "book_links.hpp"

#include <type_traits>

#include "links.hpp"

namespace broadside::cli {

ChapterLinks::ChapterLinks(const epub::BookPlan& plan) : plan_(plan) {}

std::string ChapterLinks::target(const std::string& url, std::size_t index,
                                 const core::SourceSpan& at, core::Diagnostics* diags) const {
    epub::LinkTarget t = epub::resolve_link(url, plan_, index);
    if (diags && !t.problem.empty())
        diags->warning(plan_.posts[index].path, at.line, at.column, t.problem);
    if (t.kind == epub::LinkTarget::Kind::external) return t.href;
    if (t.kind == epub::LinkTarget::Kind::none) return {};
    // The anchors of chapter i are named `p<i>-<id>` (pdf_book_command.cpp).
    std::string out = "#p" + std::to_string(t.chapter);
    if (!t.id.empty()) out += "-" + t.id;
    return out;
}

void ChapterLinks::inlines(std::vector<core::Inline>& list, std::size_t index,
                           core::Diagnostics* diags) const {
    for (auto& in : list) {
        std::visit(
            [&](auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, core::Link>)
                    n.url = target(n.url, index, in.span, diags);
                // An image the plan found from the post's site address instead of its file.
                if constexpr (std::is_same_v<T, core::Image>)
                    for (const auto& [written, found] : plan_.posts[index].image_sources)
                        if (n.source == written) n.source = found;
                if constexpr (requires { n.children; }) inlines(n.children, index, diags);
            },
            in.node);
    }
}

void ChapterLinks::blocks(std::vector<core::Block>& list, std::size_t index,
                          core::Diagnostics* diags) const {
    for (auto& b : list) {
        std::visit(
            [&](auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, core::Paragraph> ||
                              std::is_same_v<T, core::Heading>) {
                    inlines(n.children, index, diags);
                } else if constexpr (std::is_same_v<T, core::BlockQuote> ||
                                     std::is_same_v<T, core::FootnoteDefinition>) {
                    blocks(n.children, index, diags);
                } else if constexpr (std::is_same_v<T, core::List>) {
                    for (auto& item : n.items) blocks(item.children, index, diags);
                } else if constexpr (std::is_same_v<T, core::Table>) {
                    for (auto& cell : n.header.cells) inlines(cell.children, index, diags);
                    for (auto& row : n.rows)
                        for (auto& cell : row.cells) inlines(cell.children, index, diags);
                }
            },
            b.node);
    }
}

void ChapterLinks::apply(core::Document& doc, std::size_t index, core::Diagnostics* diags) const {
    blocks(doc.blocks, index, diags);
}

}  // namespace broadside::cli
