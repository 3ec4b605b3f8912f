#include "text_setter.hpp"

#include <algorithm>
#include <optional>
#include <variant>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/language_tag.hpp"
#include "hyphenator.hpp"
#include "line_builder.hpp"

namespace broadside::pdf {
namespace {

Rgb rgb(const styles::Color& c) {
    return {c.r, c.g, c.b};
}

/// Distance from a line's top to its baseline: the glyphs' em box centred in the leading, with
/// the baseline where a typical face puts it (0.88 em below the em box's top).
double baseline_offset(const styles::TextStyle& ts) {
    return (ts.leading - ts.size) / 2 + ts.size * 0.88;
}

}  // namespace

TextSetter::TextSetter(const styles::Style& style, TextServices& services,
                       const LineBreaker& breaker, std::string lang, std::string file,
                       core::Diagnostics& diags)
    : style_(style),
      services_(services),
      breaker_(breaker),
      shaper_(services.shaper),
      lang_(std::move(lang)),
      file_(std::move(file)),
      diags_(diags) {
    // A language written in an alphabet but without a dictionary is set unhyphenated; say so
    // once. Chinese, Uyghur or Tibetan are never hyphenated and need no word.
    const std::string script = core::likely_script(lang_);
    // A document without `lang` is not hyphenated and has no language to name.
    if (style.hyphenate && !lang_.empty() &&
        (script == "Latn" || script == "Cyrl" || script == "Grek") &&
        !Hyphenator::for_language(lang_))
        diags_.info(file_, 0, 0,
                    "no hyphenation dictionary for " + core::quote_value(lang_) +
                        " is installed; its words are not hyphenated",
                    "install Debian's hyphen-* package for the language, or set 'body: "
                    "{justify: false}'");
}

namespace {

LineSetting::Align line_align(TextAlign align) {
    switch (align) {
        case TextAlign::end:
            return LineSetting::Align::end;
        case TextAlign::center:
            return LineSetting::Align::center;
        default:
            return LineSetting::Align::start;
    }
}

/// Numbers of the footnotes whose references sit on segments [begin, end), in order, once each.
std::vector<int> footnotes_of(const ShapedParagraph& p, LineRange line) {
    std::vector<int> out;
    for (std::size_t i = line.begin; i < line.end; ++i) {
        int n = p.itemized.spans[p.itemized.items[p.segments[i].item].span].footnote;
        if (n != 0 && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
    return out;
}

}  // namespace

SetParagraph TextSetter::set(std::vector<TextSpan> spans, const styles::TextStyle& ts, double width,
                             double first_indent, TextAlign align, std::optional<bool> rtl) {
    SetParagraph out;
    ParagraphFormat format{lang_, ts.family, ts.bold, ts.italic, file_, rtl};
    ShapedParagraph para = shaper_.shape(itemize(std::move(spans), format, services_.fonts, diags_),
                                         ts.size, style_.hyphenate);
    out.rtl = para.itemized.base_level & 1;
    width = std::max(1.0, width);
    first_indent = std::clamp(first_indent, 0.0, width / 2);
    const double widths[] = {width - first_indent, width};
    std::vector<LineRange> lines = breaker_.break_lines(para, widths);
    LineColors colors{rgb(ts.color), rgb(style_.link_color)};
    const auto& segs = para.segments;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const LineRange range = lines[n];
        LineSetting setting;
        setting.align = line_align(align);
        setting.justify = align == TextAlign::justify;
        setting.ends_paragraph = n + 1 == lines.size() || segs[range.end - 1].forced_break;
        // Where the line starts or ends at a hyphenation cut HarfBuzz marked unsafe, the piece
        // is shaped anew on its own (with the hyphen at the end); one piece alone on its line
        // gets both in one shaping.
        std::size_t last = range.end;
        while (last > range.begin && segs[last - 1].whitespace) --last;
        std::optional<Segment> first_piece, last_piece;
        bool cut_before = range.begin > 0 && segs[range.begin - 1].hyphen_after &&
                          segs[range.begin - 1].unsafe_cut;
        bool cut_after = last == range.end && last > range.begin && last < segs.size() &&
                         segs[last - 1].hyphen_after && segs[last - 1].unsafe_cut;
        if (cut_after) last_piece = shaper_.reshape(para, segs[last - 1], true);
        if (cut_before && !(cut_after && last - 1 == range.begin))
            first_piece = shaper_.reshape(para, segs[range.begin], false);
        setting.first = first_piece ? &*first_piece : nullptr;
        setting.last = last_piece ? &*last_piece : nullptr;

        SetLine line;
        line.height = ts.leading;
        double indent = n == 0 ? first_indent : 0;
        // The indent sits where the paragraph starts: left for LTR, right for RTL.
        double left = out.rtl ? 0 : indent;
        line.items =
            place_line(para, range, left, width - indent, baseline_offset(ts), colors, setting);
        if (!line.items.empty())
            if (const auto* text = std::get_if<TextLine>(&line.items.front().second)) {
                line.ratio = text->ratio;
                line.hyphenated = text->hyphenated;
            }
        line.footnotes = footnotes_of(para, range);
        out.lines.push_back(std::move(line));
    }
    return out;
}

}  // namespace broadside::pdf
