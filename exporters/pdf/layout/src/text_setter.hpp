#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/pdf/itemize.hpp"
#include "broadside/pdf/layout.hpp"
#include "broadside/pdf/layout_engine.hpp"
#include "broadside/pdf/line_breaker.hpp"
#include "broadside/pdf/paragraph.hpp"
#include "broadside/styles/style.hpp"

namespace broadside::pdf {

/// How a paragraph's lines sit in their width.
enum class TextAlign { start, justify, center, end };

/// One line of set text: items relative to the line box's top-left corner (y down), the
/// line's height (its leading) and what the page builder must know about it.
struct SetLine {
    double height = 0;
    std::vector<std::pair<Point, Item>> items;
    std::vector<int> footnotes;  ///< numbers of the footnotes referenced on this line
    double ratio = 0;            ///< adjustment ratio the line breaker chose (layout dump)
    bool hyphenated = false;     ///< the line ends with an inserted hyphen
};

/// A paragraph set into lines.
struct SetParagraph {
    std::vector<SetLine> lines;
    bool rtl = false;  ///< the paragraph's base direction
};

/// Sets spans of text into lines of a given width: itemization, shaping, line breaking and
/// placing each line, with the style's size, leading, colour and alignment. One setter serves a
/// whole layout job (it owns the ICU break iterator); not thread-safe.
class TextSetter {
public:
    TextSetter(const styles::Style& style, TextServices& services, const LineBreaker& breaker,
               std::string lang, std::string file, core::Diagnostics& diags);

    /// Sets `spans` in `width` points; the first line is `first_indent` narrower (on the side
    /// the paragraph starts from). `align` start means ragged (flush left, or right for RTL).
    /// `rtl` forces the paragraph's base direction; unset, the text decides (UAX #9).
    SetParagraph set(std::vector<TextSpan> spans, const styles::TextStyle& ts, double width,
                     double first_indent, TextAlign align, std::optional<bool> rtl = std::nullopt);

    [[nodiscard]] const styles::Style& style() const { return style_; }
    [[nodiscard]] core::Diagnostics& diags() { return diags_; }
    [[nodiscard]] const std::string& file() const { return file_; }

private:
    const styles::Style& style_;
    TextServices& services_;
    const LineBreaker& breaker_;
    ParagraphShaper shaper_;
    std::string lang_;
    std::string file_;
    core::Diagnostics& diags_;
};

}  // namespace broadside::pdf
