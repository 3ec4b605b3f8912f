#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace broadside::pdf {

/// One element of Knuth and Plass's paragraph model. Widths in points.
struct KpItem {
    enum class Type { box, glue, penalty };
    Type type = Type::box;
    double width = 0;      ///< box/glue width; for a penalty, the width added if we break here
    double stretch = 0;    ///< glue only
    double shrink = 0;     ///< glue only
    double penalty = 0;    ///< penalty only; <= -kp_infinity forces, >= kp_infinity forbids
    bool flagged = false;  ///< a hyphen break (for double/final hyphen demerits)
    /// Inserted by hyphenation (not typed by the author): legal from the second pass on.
    bool hyphenation = false;
};

inline constexpr double kp_infinity = 10000;

/// TeX's defaults (plain.tex). `tolerance` applies to the second pass, `pretolerance` to the
/// first (pass 1 ignores hyphenation points, as TeX does).
struct KpParameters {
    double pretolerance = 100;
    double tolerance = 200;
    double line_penalty = 10;
    double double_hyphen_demerits = 10000;
    double final_hyphen_demerits = 5000;
    double adj_demerits = 10000;
    /// Extra stretch per line granted in the emergency pass (TeX's \emergencystretch).
    double emergency_stretch = 0;
};

/// One chosen break: the item index where the line ends, and how that line is set.
struct KpBreak {
    std::size_t index = 0;  ///< the glue or penalty item the line ends at
    double ratio = 0;       ///< adjustment ratio: >0 stretched, <0 shrunk, in [-1, tolerance]
    int fitness = 1;        ///< 0 tight, 1 decent, 2 loose, 3 very loose
    bool overfull = false;  ///< no feasible break existed: the line is wider than allowed
};

/// Which pass found the breaks: 1 without hyphenation, 2 with, 3 emergency.
struct KpResult {
    std::vector<KpBreak> breaks;
    int pass = 0;
};

/// Ends a paragraph as TeX does: `\penalty10000 \hskip\parfillskip \penalty-10000`, so the last
/// line is set at its natural width and cannot end before the final glue.
void kp_finish_paragraph(std::vector<KpItem>& items);

/// Total-fit line breaking (Knuth & Plass 1981, as in TeX). `items` must end with a forced
/// break (penalty -infinity). Line n (0-based) is `widths[min(n, widths.size() - 1)]` points
/// wide; `widths` must not be empty. Always returns breaks: when no pass finds feasible lines,
/// the emergency pass accepts overfull lines rather than failing. Time is linear in the items
/// times the active breakpoints, which a line's width bounds.
KpResult knuth_plass(const std::vector<KpItem>& items, std::span<const double> widths,
                     const KpParameters& params);

}  // namespace broadside::pdf
