#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "broadside/fonts/shaper.hpp"
#include "broadside/pdf/itemize.hpp"
#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

class Hyphenator;

/// The smallest piece line breaking deals with: a word, the white space after it, or a piece of
/// a word between hyphenation points, shaped within one item. Lines break only after a segment
/// whose `break_after` is set, or with an inserted hyphen after one whose `hyphen_after` is.
struct Segment {
    std::size_t begin = 0, end = 0;  ///< bytes in the paragraph text
    std::size_t item = 0;            ///< index into Itemized::items
    std::vector<Glyph> glyphs;       ///< visual order; clusters relative to `begin`
    double width = 0;                ///< points
    bool whitespace = false;         ///< dropped when it ends a line
    bool break_after = false;        ///< UAX #14 allows a line break after this segment
    bool forced_break = false;       ///< a hard line break follows
    /// A hyphenation point follows: the word goes on in the next segment, and a line ending
    /// here gets `hyphen` drawn after the glyphs.
    bool hyphen_after = false;
    /// HarfBuzz marked the cut after this piece unsafe to break: a line ending or starting at
    /// it is reshaped (ligatures, kerning and contextual forms change at the cut).
    bool unsafe_cut = false;
    std::vector<Glyph> hyphen;  ///< the hyphen's glyphs in this segment's face and size
    double hyphen_width = 0;    ///< points
};

/// A paragraph itemized, cut at its break opportunities and shaped at one point size.
struct ShapedParagraph {
    Itemized itemized;
    std::vector<Segment> segments;
    double size = 10;  ///< points; superscript spans are shaped at `superscript_scale` of it
};

/// Size of superscript text (footnote references) relative to the paragraph's size.
inline constexpr double superscript_scale = 0.7;
/// How far superscript text is raised, in ems of the paragraph's size.
inline constexpr double superscript_raise = 0.35;

/// Cuts itemized paragraphs at UAX #14 line-break opportunities (ICU) and shapes the pieces
/// word by word through the shaper's cache. Keeps one ICU break iterator for all paragraphs;
/// not thread-safe.
class ParagraphShaper {
  public:
    explicit ParagraphShaper(fonts::Shaper& shaper);
    ~ParagraphShaper();
    ParagraphShaper(const ParagraphShaper&) = delete;
    ParagraphShaper& operator=(const ParagraphShaper&) = delete;

    /// Shapes `itemized` at `size` points. With `hyphenate`, words of the paragraph's language
    /// (when libhyphen has a dictionary for it) in left-to-right items, except monospace and
    /// superscript spans, are cut into pieces at their hyphenation points; pieces split the
    /// word's own glyphs at cluster boundaries, so an unbroken word looks exactly as shaped
    /// whole. Never fails: text ICU cannot segment is treated as one unbreakable piece per item.
    ShapedParagraph shape(Itemized itemized, double size, bool hyphenate = false);

    /// Shapes `segment` of `paragraph` anew on its own, followed by the hyphen when `hyphen`:
    /// what a piece looks like at a line end or start where its cut was unsafe to break.
    [[nodiscard]] Segment reshape(const ShapedParagraph& paragraph, const Segment& segment,
                                  bool hyphen);

  private:
    struct BreakIterator;
    static double item_size(const ShapedParagraph& p, const TextItem& item);
    const fonts::ShapedText& shape_text(const ShapedParagraph& p, const TextItem& item,
                                        std::string_view text);
    /// Shapes `seg` and appends it, cut into pieces at hyphenation points when `hyphenator`.
    void add_segment(ShapedParagraph& out, Segment seg, const Hyphenator* hyphenator);

    fonts::Shaper& shaper_;
    std::unique_ptr<BreakIterator> breaks_;
};

}  // namespace broadside::pdf
