#include "broadside/pdf/paragraph.hpp"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace broadside::pdf {

struct ParagraphShaper::BreakIterator {
    UBreakIterator* iterator = nullptr;
    ~BreakIterator() {
        if (iterator) ubrk_close(iterator);
    }
};

namespace {

/// Byte offsets after which UAX #14 allows a break, and those where it forces one.
void break_opportunities(UBreakIterator* bi, const std::string& text, std::vector<char>& allowed,
                         std::vector<char>& forced) {
    allowed.assign(text.size() + 1, 0);
    forced.assign(text.size() + 1, 0);
    allowed[text.size()] = 1;
    if (!bi) return;
    UErrorCode err = U_ZERO_ERROR;
    // A UTF-8 UText makes ICU report native (byte) offsets: no UTF-16 copy, no index mapping.
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err);
    if (U_FAILURE(err)) return;
    ubrk_setUText(bi, ut, &err);
    if (U_SUCCESS(err)) {
        for (int32_t pos = ubrk_next(bi); pos != UBRK_DONE; pos = ubrk_next(bi)) {
            allowed[static_cast<std::size_t>(pos)] = 1;
            int32_t status = ubrk_getRuleStatus(bi);
            if (status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT)
                forced[static_cast<std::size_t>(pos)] = 1;
        }
    }
    utext_close(ut);
}

/// Start of the white space that ends [begin, end), or `end` when there is none.
std::size_t trailing_space_start(const std::string& text, std::size_t begin, std::size_t end) {
    std::size_t cut = end;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    while (cut > begin) {
        auto i = static_cast<int32_t>(cut);
        UChar32 c = 0;
        U8_PREV(s, static_cast<int32_t>(begin), i, c);
        if (c < 0 || !u_isUWhiteSpace(c)) break;
        cut = static_cast<std::size_t>(i);
    }
    return cut;
}

}  // namespace

ParagraphShaper::ParagraphShaper(fonts::Shaper& shaper)
    : shaper_(shaper), breaks_(std::make_unique<BreakIterator>()) {
    UErrorCode err = U_ZERO_ERROR;
    // The root locale's line rules: language-specific tailorings (Japanese strictness) come with
    // the Knuth–Plass engine.
    breaks_->iterator = ubrk_open(UBRK_LINE, "", nullptr, 0, &err);
    if (U_FAILURE(err)) breaks_->iterator = nullptr;
}

ParagraphShaper::~ParagraphShaper() = default;

ShapedParagraph ParagraphShaper::shape(Itemized itemized, double size) {
    ShapedParagraph out;
    out.size = size;
    out.itemized = std::move(itemized);
    const Itemized& p = out.itemized;
    std::vector<char> allowed, forced;
    break_opportunities(breaks_->iterator, p.text, allowed, forced);

    auto add = [&](std::size_t item_index, std::size_t begin, std::size_t end, bool whitespace,
                   bool break_after, bool forced_break) {
        const TextItem& item = p.items[item_index];
        Segment seg{begin, end, item_index, {}, 0, whitespace, break_after, forced_break};
        const fonts::Face& face = *item.face;
        const fonts::ShapedText& shaped =
            shaper_.shape(face, {std::string_view(p.text).substr(begin, end - begin),
                                 item.level & 1 ? fonts::Direction::rtl : fonts::Direction::ltr,
                                 item.script, p.lang});
        double scale = size / face.units_per_em();
        seg.glyphs.reserve(shaped.glyphs.size());
        for (const auto& g : shaped.glyphs)
            seg.glyphs.push_back(
                {g.glyph, g.x_advance * scale, g.x_offset * scale, g.y_offset * scale, g.cluster});
        seg.width = static_cast<double>(shaped.advance) * scale;
        out.segments.push_back(std::move(seg));
    };

    for (std::size_t i = 0; i < p.items.size(); ++i) {
        const TextItem& item = p.items[i];
        if (!item.face) continue;  // itemize reported the missing font
        std::size_t begin = item.begin;
        while (begin < item.end) {
            std::size_t end = begin + 1;
            while (end < item.end && !allowed[end]) ++end;
            std::size_t space = trailing_space_start(p.text, begin, end);
            bool breakable = allowed[end] != 0;
            if (space > begin) add(i, begin, space, false, breakable && space == end, false);
            if (space < end) add(i, space, end, true, breakable, forced[end] != 0);
            begin = end;
        }
    }
    return out;
}

}  // namespace broadside::pdf
