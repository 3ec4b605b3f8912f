#include "inline_spans.hpp"

#include <type_traits>

namespace broadside::pdf {
namespace {

struct State {
    bool bold = false;
    bool italic = false;
    bool strike = false;
    bool superscript = false;
    std::string link;
    std::string lang;
};

class Flattener {
  public:
    void run(const std::vector<core::Inline>& inlines, const State& state) {
        for (const auto& in : inlines) node(in, state);
    }

    std::vector<TextSpan> take() { return std::move(out_); }

  private:
    void add(std::string text, const State& s, const core::SourceSpan& at, bool mono = false) {
        if (text.empty()) return;
        TextSpan span{std::move(text), s.bold, s.italic, mono, s.link, at.line, at.column};
        span.strike = s.strike;
        span.superscript = s.superscript;
        span.lang = s.lang;
        out_.push_back(std::move(span));
    }

    void node(const core::Inline& in, const State& state) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                State s = state;
                if constexpr (std::is_same_v<T, core::Text>) {
                    add(n.text, state, in.span);
                } else if constexpr (std::is_same_v<T, core::SoftBreak>) {
                    add(" ", state, in.span);
                } else if constexpr (std::is_same_v<T, core::HardBreak>) {
                    add("\n", state, in.span);
                } else if constexpr (std::is_same_v<T, core::Emphasis>) {
                    s.italic = true;
                    run(n.children, s);
                } else if constexpr (std::is_same_v<T, core::Strong>) {
                    s.bold = true;
                    run(n.children, s);
                } else if constexpr (std::is_same_v<T, core::Strikethrough>) {
                    s.strike = true;
                    run(n.children, s);
                } else if constexpr (std::is_same_v<T, core::InlineCode>) {
                    add(n.code, state, in.span, true);
                } else if constexpr (std::is_same_v<T, core::Link>) {
                    s.link = n.url;
                    run(n.children, s);
                } else if constexpr (std::is_same_v<T, core::Image>) {
                    add(n.alt, state, in.span);
                } else if constexpr (std::is_same_v<T, core::FootnoteReference>) {
                    add(std::to_string(n.number), state, in.span);
                    out_.back().superscript = true;
                    out_.back().footnote = n.number;
                } else if constexpr (std::is_same_v<T, core::Anchor>) {
                    // A destination, not text: the paragraph places it (block_layout.cpp).
                } else if constexpr (std::is_same_v<T, core::Phrase>) {
                    // Superscripts are raised as footnote numbers are; the other phrases
                    // (subscript, underline, highlight…) print as plain text.
                    s.superscript = s.superscript || n.kind == core::PhraseKind::superscript;
                    if (!n.language.empty()) s.lang = n.language;
                    run(n.children, s);
                }
            },
            in.node);
    }

    std::vector<TextSpan> out_;
};

}  // namespace

std::vector<TextSpan> inline_spans(const std::vector<core::Inline>& inlines,
                                   const InlineLook& look) {
    Flattener f;
    f.run(inlines, State{look.bold, look.italic, false, false, {}, {}});
    return f.take();
}

}  // namespace broadside::pdf
