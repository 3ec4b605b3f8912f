#include "broadside/pdf/paragraph.hpp"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <utility>

#include "hyphenator.hpp"

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

/// Byte range of the letters of `word` with leading and trailing punctuation and an elided
/// article (l’, d’) left out, or an empty range when something other than a letter sits
/// between letters (digits, symbols): such words are not hyphenated.
std::pair<std::size_t, std::size_t> letter_core(std::string_view word) {
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    auto length = static_cast<int32_t>(word.size());
    std::size_t first = word.size(), last = 0;
    bool gap = false;  // a non-letter after the first letter
    for (int32_t i = 0; i < length;) {
        auto at = static_cast<std::size_t>(i);
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c >= 0 && u_isalpha(c)) {
            if (first != word.size() && gap) return {0, 0};
            if (first == word.size()) first = at;
            last = static_cast<std::size_t>(i);
        } else if ((c == '\'' || c == 0x2019) && first != word.size() && !gap) {
            // An elision (French l’, d’, qu’; Italian dell’): the word proper starts after it.
            first = word.size();
        } else if (first != word.size()) {
            gap = true;
        }
    }
    return first < last ? std::pair{first, last} : std::pair<std::size_t, std::size_t>{0, 0};
}

/// Hyphenation points of `word` as byte offsets into it.
std::vector<std::size_t> hyphen_points(const Hyphenator& hyphenator, std::string_view word) {
    auto [first, last] = letter_core(word);
    std::vector<std::size_t> points;
    if (first == last) return points;
    for (std::size_t p : hyphenator.points(word.substr(first, last - first)))
        points.push_back(first + p);
    return points;
}

}  // namespace

ParagraphShaper::ParagraphShaper(fonts::Shaper& shaper)
    : shaper_(shaper), breaks_(std::make_unique<BreakIterator>()) {
    UErrorCode err = U_ZERO_ERROR;
    // The root locale's line rules: they already keep closing punctuation off a line's start
    // and opening punctuation off its end (kinsoku), which is what Chinese needs.
    breaks_->iterator = ubrk_open(UBRK_LINE, "", nullptr, 0, &err);
    if (U_FAILURE(err)) breaks_->iterator = nullptr;
}

ParagraphShaper::~ParagraphShaper() = default;

double ParagraphShaper::item_size(const ShapedParagraph& p, const TextItem& item) {
    return p.itemized.spans[item.span].superscript ? p.size * superscript_scale : p.size;
}

const fonts::ShapedText& ParagraphShaper::shape_text(const ShapedParagraph& p, const TextItem& item,
                                                     std::string_view text) {
    return shaper_.shape(*item.face,
                         {text, item.level & 1 ? fonts::Direction::rtl : fonts::Direction::ltr,
                          item.script, p.itemized.lang});
}

void ParagraphShaper::add_segment(ShapedParagraph& out, Segment seg, const Hyphenator* hyphenator) {
    const TextItem& item = out.itemized.items[seg.item];
    std::string_view text =
        std::string_view(out.itemized.text).substr(seg.begin, seg.end - seg.begin);
    const fonts::ShapedText& shaped = shape_text(out, item, text);
    double scale = item_size(out, item) / item.face->units_per_em();
    auto points = [&](std::size_t from, std::size_t to, std::uint32_t shift, Segment& piece) {
        piece.glyphs.clear();
        piece.width = 0;
        for (std::size_t k = from; k < to; ++k) {
            const auto& g = shaped.glyphs[k];
            piece.glyphs.push_back({g.glyph, g.x_advance * scale, g.x_offset * scale,
                                    g.y_offset * scale, g.cluster - shift});
            piece.width += g.x_advance * scale;
        }
    };
    // Hyphenation points where the word's glyphs can be cut: left-to-right text only (clusters
    // ascend), and only where a glyph cluster starts (a ligature across the point hides it).
    // Code and footnote marks are never hyphenated: a hyphen would change what they say.
    std::vector<std::pair<std::size_t, std::size_t>> cuts;  // (byte offset, first glyph index)
    const TextSpan& span = out.itemized.spans[item.span];
    // Pattern dictionaries are per language and alphabet: Chinese, Tibetan or Arabic words in
    // a German paragraph, or Latin ones in a Russian paragraph, never meet its patterns.
    if (hyphenator && item.script == hyphenator->script() && !seg.whitespace && !(item.level & 1) &&
        !span.mono && !span.superscript) {
        std::size_t g = 0;
        for (std::size_t at : hyphen_points(*hyphenator, text)) {
            while (g < shaped.glyphs.size() && shaped.glyphs[g].cluster < at) ++g;
            if (g < shaped.glyphs.size() && shaped.glyphs[g].cluster == at)
                cuts.emplace_back(at, g);
        }
    }
    if (cuts.empty()) {
        points(0, shaped.glyphs.size(), 0, seg);
        out.segments.push_back(std::move(seg));
        return;
    }
    const fonts::ShapedText& dash = shape_text(out, item, "-");
    std::vector<Glyph> hyphen;
    double hyphen_width = 0;
    for (const auto& g : dash.glyphs) {
        if (g.glyph == 0) {  // the face has no hyphen: keep the word whole
            points(0, shaped.glyphs.size(), 0, seg);
            out.segments.push_back(std::move(seg));
            return;
        }
        hyphen.push_back({g.glyph, g.x_advance * scale, g.x_offset * scale, g.y_offset * scale, 0});
        hyphen_width += g.x_advance * scale;
    }
    std::size_t from_byte = 0, from_glyph = 0;
    for (auto [at, glyph] : cuts) {
        Segment piece = seg;
        piece.begin = seg.begin + from_byte;
        piece.end = seg.begin + at;
        piece.break_after = piece.forced_break = false;
        piece.hyphen_after = true;
        piece.unsafe_cut = shaped.glyphs[glyph].unsafe_to_break;
        points(from_glyph, glyph, static_cast<std::uint32_t>(from_byte), piece);
        piece.hyphen = hyphen;
        for (auto& g : piece.hyphen) g.cluster = static_cast<std::uint32_t>(at - from_byte);
        piece.hyphen_width = hyphen_width;
        out.segments.push_back(std::move(piece));
        from_byte = at;
        from_glyph = glyph;
    }
    seg.begin += from_byte;
    points(from_glyph, shaped.glyphs.size(), static_cast<std::uint32_t>(from_byte), seg);
    out.segments.push_back(std::move(seg));
}

ShapedParagraph ParagraphShaper::shape(Itemized itemized, double size, bool hyphenate) {
    ShapedParagraph out;
    out.size = size;
    out.itemized = std::move(itemized);
    const Itemized& p = out.itemized;
    std::vector<char> allowed, forced;
    break_opportunities(breaks_->iterator, p.text, allowed, forced);
    std::shared_ptr<const Hyphenator> hyphenator;
    if (hyphenate && !p.lang.empty()) hyphenator = Hyphenator::for_language(p.lang);

    for (std::size_t i = 0; i < p.items.size(); ++i) {
        const TextItem& item = p.items[i];
        if (!item.face) continue;  // itemize reported the missing font
        std::size_t begin = item.begin;
        while (begin < item.end) {
            std::size_t end = begin + 1;
            while (end < item.end && !allowed[end]) ++end;
            std::size_t space = trailing_space_start(p.text, begin, end);
            bool breakable = allowed[end] != 0;
            if (space > begin) {
                Segment word;
                word.begin = begin;
                word.end = space;
                word.item = i;
                word.break_after = breakable && space == end;
                add_segment(out, std::move(word), hyphenator.get());
            }
            if (space < end) {
                Segment blank;
                blank.begin = space;
                blank.end = end;
                blank.item = i;
                blank.whitespace = true;
                blank.break_after = breakable;
                blank.forced_break = forced[end] != 0;
                add_segment(out, std::move(blank), nullptr);
            }
            begin = end;
        }
    }
    return out;
}

Segment ParagraphShaper::reshape(const ShapedParagraph& p, const Segment& segment, bool hyphen) {
    const TextItem& item = p.itemized.items[segment.item];
    std::string text = p.itemized.text.substr(segment.begin, segment.end - segment.begin);
    if (hyphen) text += '-';
    const fonts::ShapedText& shaped = shape_text(p, item, text);
    double scale = item_size(p, item) / item.face->units_per_em();
    Segment out = segment;
    out.glyphs.clear();
    for (const auto& g : shaped.glyphs)
        out.glyphs.push_back(
            {g.glyph, g.x_advance * scale, g.x_offset * scale, g.y_offset * scale, g.cluster});
    out.width = static_cast<double>(shaped.advance) * scale;
    // The hyphen is part of the glyphs now; the hyphen's cluster is the piece's end.
    out.hyphen.clear();
    out.hyphen_width = 0;
    return out;
}

}  // namespace broadside::pdf
