#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "broadside/pdf/paragraph.hpp"

namespace broadside::pdf {

/// A line as a range of segments [begin, end) of a shaped paragraph, in logical order.
struct LineRange {
    std::size_t begin = 0, end = 0;
};

/// Chooses where a paragraph's lines end: Knuth–Plass total fit (the default), or greedy first
/// fit (the baseline it is compared against).
class LineBreaker {
  public:
    virtual ~LineBreaker() = default;
    /// Breaks `paragraph` into lines; line n (0-based) may be `widths[min(n, size - 1)]`
    /// points wide (a first-line indent makes the first entry shorter), trailing white space
    /// not counted. `widths` must not be empty. A piece wider than its line with no break
    /// opportunity overflows the line rather than being cut. An empty paragraph gives no lines.
    [[nodiscard]] virtual std::vector<LineRange> break_lines(
        const ShapedParagraph& paragraph, std::span<const double> widths) const = 0;
};

/// First fit: each line takes segments until the next word would not fit, then ends at the
/// last break opportunity; never hyphenates. Linear in the number of segments.
class GreedyLineBreaker final : public LineBreaker {
  public:
    [[nodiscard]] std::vector<LineRange> break_lines(const ShapedParagraph& paragraph,
                                                     std::span<const double> widths) const override;
};

/// Total fit (Knuth & Plass, as in TeX with plain.tex's parameters): chooses all of a
/// paragraph's breaks together so as to minimise the sum of the lines' demerits, trying first
/// without hyphenation (pretolerance 100), then with hyphenation points (tolerance 200), then
/// an emergency pass (with 3 em of \emergencystretch) that accepts overfull lines rather than
/// fail. Segments become boxes,
/// glue and penalties as `break_items` (paragraph_items.hpp) describes. Time is the items times
/// the breakpoints a line can span: microseconds for a paragraph.
class KnuthPlassLineBreaker final : public LineBreaker {
  public:
    [[nodiscard]] std::vector<LineRange> break_lines(const ShapedParagraph& paragraph,
                                                     std::span<const double> widths) const override;
};

}  // namespace broadside::pdf
