#include "block_flow.hpp"

#include <algorithm>
#include <string>
#include <type_traits>

#include "broadside/core/plain_text.hpp"

namespace broadside::pdf {
namespace {

constexpr double indent_step = 18;  // points per list or quote level

/// The look inline nesting gives to the text inside it.
struct InlineState {
    bool bold = false;
    bool italic = false;
    std::string link;
};

void add_span(std::vector<TextSpan>& out, std::string text, const InlineState& s,
              const core::SourceSpan& at, bool mono = false) {
    if (text.empty()) return;
    out.push_back({std::move(text), s.bold, s.italic, mono, s.link, at.line, at.column});
}

void flatten_inlines(const std::vector<core::Inline>& inlines, const InlineState& state,
                     std::vector<TextSpan>& out) {
    for (const auto& in : inlines) {
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, core::Text>) {
                    add_span(out, node.text, state, in.span);
                } else if constexpr (std::is_same_v<T, core::SoftBreak>) {
                    add_span(out, " ", state, in.span);
                } else if constexpr (std::is_same_v<T, core::HardBreak>) {
                    add_span(out, "\n", state, in.span);
                } else if constexpr (std::is_same_v<T, core::Emphasis>) {
                    InlineState s = state;
                    s.italic = true;
                    flatten_inlines(node.children, s, out);
                } else if constexpr (std::is_same_v<T, core::Strong>) {
                    InlineState s = state;
                    s.bold = true;
                    flatten_inlines(node.children, s, out);
                } else if constexpr (std::is_same_v<T, core::Strikethrough>) {
                    flatten_inlines(node.children, state, out);
                } else if constexpr (std::is_same_v<T, core::InlineCode>) {
                    add_span(out, node.code, state, in.span, true);
                } else if constexpr (std::is_same_v<T, core::Link>) {
                    InlineState s = state;
                    s.link = node.url;
                    flatten_inlines(node.children, s, out);
                } else if constexpr (std::is_same_v<T, core::Image>) {
                    add_span(out, node.alt, state, in.span);  // images come with issue 4
                } else if constexpr (std::is_same_v<T, core::FootnoteReference>) {
                    add_span(out, std::to_string(node.number), state, in.span);
                }
                // Raw HTML is not text a reader sees; it is left out as in plain_text.
            },
            in.node);
    }
}

class Flow {
  public:
    Flow(const styles::Style& style) : style_(style) {}

    void blocks(const std::vector<core::Block>& blocks, double indent,
                const styles::TextStyle& text_style, std::string prefix = {}) {
        for (const auto& b : blocks) {
            block(b, indent, text_style, prefix);
            prefix.clear();  // a list marker goes in front of the item's first block only
        }
    }

    std::vector<FlowBlock> take() { return std::move(out_); }

  private:
    void text(std::vector<TextSpan> spans, const styles::TextStyle& ts, double indent,
              const std::string& prefix, const core::SourceSpan& at) {
        if (!prefix.empty())
            spans.insert(spans.begin(), {prefix, false, false, false, {}, at.line, at.column});
        FlowBlock fb;
        fb.spans = std::move(spans);
        fb.style = ts;
        fb.indent = indent;
        out_.push_back(std::move(fb));
    }

    void block(const core::Block& b, double indent, const styles::TextStyle& ts,
               const std::string& prefix) {
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, core::Paragraph>) {
                    std::vector<TextSpan> spans;
                    flatten_inlines(node.children, {}, spans);
                    text(std::move(spans), ts, indent, prefix, b.span);
                    out_.back().paragraph = prefix.empty();
                } else if constexpr (std::is_same_v<T, core::Heading>) {
                    std::vector<TextSpan> spans;
                    flatten_inlines(node.children, {}, spans);
                    int level = std::clamp(node.level, 1, 6);
                    text(std::move(spans), style_.headings[static_cast<std::size_t>(level - 1)],
                         indent, prefix, b.span);
                    out_.back().anchor = Anchor{node.id, core::plain_text(node.children), level};
                    out_.back().keep_with_next = true;
                } else if constexpr (std::is_same_v<T, core::BlockQuote>) {
                    blocks(node.children, indent + indent_step, ts, prefix);
                } else if constexpr (std::is_same_v<T, core::List>) {
                    int number = node.start;
                    for (const auto& item : node.items) {
                        std::string marker =
                            node.ordered ? std::to_string(number++) + ". " : std::string("\u2022 ");
                        if (item.task == core::TaskState::checked) marker += "\u2612 ";
                        if (item.task == core::TaskState::unchecked) marker += "\u2610 ";
                        blocks(item.children, indent + indent_step, ts, marker);
                    }
                } else if constexpr (std::is_same_v<T, core::CodeBlock>) {
                    code(node.code, indent, b.span);
                } else if constexpr (std::is_same_v<T, core::ThematicBreak>) {
                    FlowBlock fb;
                    fb.kind = FlowBlock::Kind::rule;
                    fb.style = style_.body;
                    fb.indent = indent;
                    out_.push_back(std::move(fb));
                } else if constexpr (std::is_same_v<T, core::Table>) {
                    table(node, indent);
                } else if constexpr (std::is_same_v<T, core::FootnoteDefinition>) {
                    blocks(node.children, indent, style_.footnote,
                           std::to_string(node.number) + ". ");
                }
            },
            b.node);
    }

    void code(const std::string& source, double indent, const core::SourceSpan& at) {
        std::vector<TextSpan> spans;
        std::string code = source;
        while (!code.empty() && code.back() == '\n') code.pop_back();
        int line = at.line > 0 ? at.line + 1 : 0;  // the fence is the block's first line
        std::size_t start = 0;
        while (start <= code.size()) {
            std::size_t nl = code.find('\n', start);
            std::string text = code.substr(start, nl == std::string::npos ? nl : nl - start);
            // Tabs have no glyph; four spaces keep code columns readable.
            for (std::size_t t; (t = text.find('\t')) != std::string::npos;)
                text.replace(t, 1, "    ");
            if (!text.empty()) spans.push_back({text, false, false, true, {}, line, 1});
            if (nl == std::string::npos) break;
            spans.push_back({"\n", false, false, true, {}, line, 1});
            start = nl + 1;
            if (line > 0) ++line;
        }
        text(std::move(spans), style_.code, indent, {}, at);
    }

    void table(const core::Table& t, double indent) {
        auto row = [&](const core::TableRow& r, bool header) {
            std::vector<TextSpan> spans;
            InlineState state;
            state.bold = header;
            for (std::size_t c = 0; c < r.cells.size(); ++c) {
                if (c > 0) add_span(spans, " | ", state, r.cells[c].span);
                flatten_inlines(r.cells[c].children, state, spans);
            }
            text(std::move(spans), style_.body, indent, {}, r.span);
        };
        row(t.header, true);
        for (const auto& r : t.rows) row(r, false);
    }

    const styles::Style& style_;
    std::vector<FlowBlock> out_;
};

}  // namespace

std::vector<FlowBlock> flow_blocks(const core::Document& doc, const styles::Style& style) {
    Flow flow(style);
    flow.blocks(doc.blocks, 0, style.body);
    return flow.take();
}

}  // namespace broadside::pdf
