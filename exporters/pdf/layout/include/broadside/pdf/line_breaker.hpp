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

/// Chooses where a paragraph's lines end. The greedy breaker below is the first implementation;
/// the Knuth–Plass breaker (issue 4) replaces it behind this interface.
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
/// last break opportunity. Linear in the number of segments.
class GreedyLineBreaker final : public LineBreaker {
  public:
    [[nodiscard]] std::vector<LineRange> break_lines(const ShapedParagraph& paragraph,
                                                     std::span<const double> widths) const override;
};

}  // namespace broadside::pdf
