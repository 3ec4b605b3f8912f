#include "text_setter.hpp"

#include <algorithm>

#include "line_builder.hpp"

namespace broadside::pdf {
namespace {

Rgb rgb(const styles::Color& c) { return {c.r, c.g, c.b}; }

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
      diags_(diags) {}

SetParagraph TextSetter::set(std::vector<TextSpan> spans, const styles::TextStyle& ts, double width,
                             double first_indent, TextAlign align) {
    SetParagraph out;
    ParagraphFormat format{lang_, ts.family, ts.bold, ts.italic, file_};
    ShapedParagraph para =
        shaper_.shape(itemize(std::move(spans), format, services_.fonts, diags_), ts.size);
    out.rtl = para.itemized.base_level & 1;
    width = std::max(1.0, width);
    first_indent = std::clamp(first_indent, 0.0, width / 2);
    const double widths[] = {width - first_indent, width};
    std::vector<LineRange> lines = breaker_.break_lines(para, widths);
    LineColors colors{rgb(ts.color), rgb(style_.link_color)};
    (void)align;  // ragged placement until the paragraph engine justifies
    for (std::size_t n = 0; n < lines.size(); ++n) {
        SetLine line;
        line.height = ts.leading;
        double indent = n == 0 ? first_indent : 0;
        // The indent sits where the paragraph starts: left for LTR, right for RTL.
        double left = out.rtl ? 0 : indent;
        line.items = place_line(para, lines[n], left, width - indent, baseline_offset(ts), colors);
        out.lines.push_back(std::move(line));
    }
    return out;
}

}  // namespace broadside::pdf
