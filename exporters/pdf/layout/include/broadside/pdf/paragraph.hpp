#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "broadside/fonts/shaper.hpp"
#include "broadside/pdf/itemize.hpp"
#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// The smallest piece line breaking deals with: a word, or the white space after it, shaped
/// within one item. Lines break only after a segment whose `break_after` is set.
struct Segment {
    std::size_t begin = 0, end = 0;  ///< bytes in the paragraph text
    std::size_t item = 0;            ///< index into Itemized::items
    std::vector<Glyph> glyphs;       ///< visual order; clusters relative to `begin`
    double width = 0;                ///< points
    bool whitespace = false;         ///< dropped when it ends a line
    bool break_after = false;        ///< UAX #14 allows a line break after this segment
    bool forced_break = false;       ///< a hard line break follows
};

/// A paragraph itemized, cut at its break opportunities and shaped at one point size.
struct ShapedParagraph {
    Itemized itemized;
    std::vector<Segment> segments;
    double size = 10;  ///< points
};

/// Cuts itemized paragraphs at UAX #14 line-break opportunities (ICU) and shapes the pieces
/// word by word through the shaper's cache. Keeps one ICU break iterator for all paragraphs;
/// not thread-safe.
class ParagraphShaper {
  public:
    explicit ParagraphShaper(fonts::Shaper& shaper);
    ~ParagraphShaper();
    ParagraphShaper(const ParagraphShaper&) = delete;
    ParagraphShaper& operator=(const ParagraphShaper&) = delete;

    /// Shapes `itemized` at `size` points. Never fails: text ICU cannot segment is treated as
    /// one unbreakable piece per item.
    ShapedParagraph shape(Itemized itemized, double size);

  private:
    struct BreakIterator;
    fonts::Shaper& shaper_;
    std::unique_ptr<BreakIterator> breaks_;
};

}  // namespace broadside::pdf
