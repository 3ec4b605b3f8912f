// The one walk over the document model: every pass that visits all blocks or all inlines (the
// book's plan, links between chapters, mail-merge filling) goes through it, so none can forget
// a container. A node type added to the model is a compile error here until the walk says
// whether it holds blocks or inlines.
#pragma once

#include <type_traits>
#include <variant>
#include <vector>

#include "broadside/core/document.hpp"

namespace broadside::core {

template <class T>
inline constexpr bool unknown_model_node = false;

/// Calls `on_inline(inline)` for every inline of `inlines` and of the inlines inside them
/// (emphasis, links, phrases…), containers before their children, in document order. Works on
/// a const or a mutable model: `on_inline` gets `const Inline&` or `Inline&` to match.
template <class Inlines, class OnInline>
void walk_inlines(Inlines& inlines, OnInline&& on_inline) {
    for (auto& in : inlines) {
        on_inline(in);
        std::visit(
            [&](auto& node) {
                using T = std::remove_cvref_t<decltype(node)>;
                if constexpr (std::is_same_v<T, Emphasis> || std::is_same_v<T, Strong> ||
                              std::is_same_v<T, Strikethrough> || std::is_same_v<T, Link> ||
                              std::is_same_v<T, Phrase>) {
                    walk_inlines(node.children, on_inline);
                } else if constexpr (!(std::is_same_v<T, Text> || std::is_same_v<T, SoftBreak> ||
                                       std::is_same_v<T, HardBreak> ||
                                       std::is_same_v<T, InlineCode> || std::is_same_v<T, Image> ||
                                       std::is_same_v<T, Anchor> ||
                                       std::is_same_v<T, FootnoteReference>)) {
                    static_assert(unknown_model_node<T>, "say whether this inline holds inlines");
                }
            },
            in.node);
    }
}

/// Calls `on_block(block)` for every block of `blocks` and of the blocks inside them (quotes,
/// list items, footnotes), and `on_inline` for every inline of every block (walk_inlines), in
/// document order.
template <class Blocks, class OnBlock, class OnInline>
void walk_blocks(Blocks& blocks, OnBlock&& on_block, OnInline&& on_inline) {
    for (auto& block : blocks) {
        on_block(block);
        std::visit(
            [&](auto& node) {
                using T = std::remove_cvref_t<decltype(node)>;
                if constexpr (std::is_same_v<T, Paragraph> || std::is_same_v<T, Heading>) {
                    walk_inlines(node.children, on_inline);
                } else if constexpr (std::is_same_v<T, BlockQuote> ||
                                     std::is_same_v<T, FootnoteDefinition>) {
                    walk_blocks(node.children, on_block, on_inline);
                } else if constexpr (std::is_same_v<T, List>) {
                    for (auto& item : node.items) walk_blocks(item.children, on_block, on_inline);
                } else if constexpr (std::is_same_v<T, Table>) {
                    for (auto& cell : node.header.cells) walk_inlines(cell.children, on_inline);
                    for (auto& row : node.rows)
                        for (auto& cell : row.cells) walk_inlines(cell.children, on_inline);
                } else if constexpr (!(std::is_same_v<T, CodeBlock> ||
                                       std::is_same_v<T, ThematicBreak>)) {
                    static_assert(unknown_model_node<T>, "say whether this block holds others");
                }
            },
            block.node);
    }
}

}  // namespace broadside::core
