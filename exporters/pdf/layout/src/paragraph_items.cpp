#include "paragraph_items.hpp"

#include <string_view>

namespace broadside::pdf {
namespace {

constexpr double cjk_stretch = 0.1;      // ems of inter-character stretch in CJK text
constexpr double hyphen_penalty = 50;    // TeX's \hyphenpenalty
constexpr double exhyphen_penalty = 50;  // TeX's \exhyphenpenalty

bool is_cjk(std::string_view script) {
    return script == "Hani" || script == "Hira" || script == "Kana" || script == "Bopo";
}

/// The segment's text ends with a hyphen the author typed (hyphen-minus, U+2010 or U+2013).
bool ends_with_hyphen(std::string_view text) {
    return text.ends_with("-") || text.ends_with("\u2010") || text.ends_with("\u2013");
}

}  // namespace

Flex segment_flex(const ShapedParagraph& p, std::size_t i) {
    const Segment& s = p.segments[i];
    if (s.whitespace) return s.forced_break ? Flex{} : Flex{s.width / 2, s.width / 3};
    if (!s.break_after || s.forced_break || i + 1 >= p.segments.size()) return {};
    const auto& items = p.itemized.items;
    const Segment& next = p.segments[i + 1];
    if (next.whitespace || !is_cjk(items[s.item].script) || !is_cjk(items[next.item].script))
        return {};
    return {cjk_stretch * p.size, 0};
}

BreakItems break_items(const ShapedParagraph& p) {
    BreakItems out;
    const std::size_t n = p.segments.size();
    auto push = [&](KpItem item, std::size_t end) {
        out.items.push_back(item);
        out.ends.push_back(end);
    };
    using T = KpItem::Type;
    for (std::size_t i = 0; i < n; ++i) {
        const Segment& s = p.segments[i];
        if (s.whitespace && s.forced_break) {
            // \hfil\break: the line before a hard break keeps its natural width.
            push({T::penalty, 0, 0, 0, kp_infinity}, i + 1);
            push({T::glue, 0, kp_infinity, 0}, i + 1);
            push({T::penalty, 0, 0, 0, -kp_infinity}, i + 1);
            continue;
        }
        if (s.whitespace) {
            if (!s.break_after) push({T::penalty, 0, 0, 0, kp_infinity}, i + 1);
            Flex f = segment_flex(p, i);
            push({T::glue, s.width, f.stretch, f.shrink}, i + 1);
            continue;
        }
        push({T::box, s.width}, i + 1);
        if (s.hyphen_after) {
            KpItem hyphen{T::penalty, s.hyphen_width, 0, 0, hyphen_penalty, true};
            hyphen.hyphenation = true;
            push(hyphen, i + 1);
        } else if (s.break_after && !s.forced_break) {
            Flex f = segment_flex(p, i);
            std::string_view text(p.itemized.text.data() + s.begin, s.end - s.begin);
            if (f.stretch > 0)
                push({T::glue, 0, f.stretch, 0}, i + 1);
            else if (ends_with_hyphen(text))
                push({T::penalty, 0, 0, 0, exhyphen_penalty, true}, i + 1);
            else
                push({T::penalty, 0, 0, 0, 0}, i + 1);
        }
    }
    if (out.items.empty()) return out;
    const KpItem& last = out.items.back();
    if (last.type != T::penalty || last.penalty > -kp_infinity) {
        kp_finish_paragraph(out.items);
        out.ends.resize(out.items.size(), n);
    }
    return out;
}

}  // namespace broadside::pdf
