// Knuth–Plass total-fit line breaking, following "Breaking Paragraphs into Lines" (1981) and
// TeX's §813–§890: active breakpoints are kept per line number and fitness class, and each
// legal breakpoint is tried against every active one whose line could still fit.
#include "knuth_plass.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

namespace broadside::pdf {
namespace {

struct Totals {
    double width = 0, stretch = 0, shrink = 0;
};

struct Node {
    std::size_t index;  // item the break is at (items.size() for the paragraph start)
    std::size_t line;   // number of lines before this break
    int fitness;
    Totals totals;  // sums after the break (glue and penalties following it are dropped)
    double demerits;
    double ratio;
    bool flagged;
    bool overfull;
    const Node* previous;
};

int fitness_class(double r) {
    if (r < -0.5) return 0;
    if (r <= 0.5) return 1;
    if (r <= 1) return 2;
    return 3;
}

double badness(double r) {
    if (r < -1) return kp_infinity + 1;
    double b = 100 * std::fabs(r * r * r);
    return std::min(b, kp_infinity);
}

class Breaker {
  public:
    Breaker(const std::vector<KpItem>& items, std::span<const double> widths,
            const KpParameters& params)
        : items_(items), widths_(widths), params_(params) {}

    // Returns the best final node of one pass, or null when the pass found no feasible lines.
    const Node* run(double tolerance, bool hyphenate, double extra_stretch, bool emergency) {
        nodes_.clear();
        active_.clear();
        nodes_.push_back(
            std::make_unique<Node>(Node{items_.size(), 0, 1, {}, 0, 0, false, false, nullptr}));
        active_.push_back(nodes_.back().get());
        Totals sum;
        for (std::size_t i = 0; i < items_.size(); ++i) {
            const KpItem& it = items_[i];
            if (it.type == KpItem::Type::box) {
                sum.width += it.width;
                continue;
            }
            bool legal = false;
            if (it.type == KpItem::Type::glue) {
                legal = i > 0 && items_[i - 1].type == KpItem::Type::box;
            } else {
                legal = it.penalty < kp_infinity && (hyphenate || !it.hyphenation);
            }
            if (legal) consider(i, sum, tolerance, extra_stretch, emergency);
            if (active_.empty()) return nullptr;
            if (it.type == KpItem::Type::glue) {
                sum.width += it.width;
                sum.stretch += it.stretch;
                sum.shrink += it.shrink;
            }
        }
        const Node* best = nullptr;
        for (const Node* n : active_)
            if (n->index == items_.size() - 1 && (!best || n->demerits < best->demerits)) best = n;
        return best;
    }

  private:
    double width_of_line(std::size_t line) const {
        return widths_[std::min(line, widths_.size() - 1)];
    }

    // Sums after a break at `i`: skip the glue and non-forced penalties that follow it, up to
    // the next box or forced break (TeX drops discardable items at the start of a line).
    Totals after_break(std::size_t i, const Totals& sum) const {
        Totals t = sum;
        for (std::size_t k = i; k < items_.size(); ++k) {
            const KpItem& it = items_[k];
            if (it.type == KpItem::Type::box) break;
            if (it.type == KpItem::Type::penalty && it.penalty <= -kp_infinity && k > i) break;
            if (it.type == KpItem::Type::glue) {
                t.width += it.width;
                t.stretch += it.stretch;
                t.shrink += it.shrink;
            }
        }
        return t;
    }

    void consider(std::size_t i, const Totals& sum, double tolerance, double extra_stretch,
                  bool emergency) {
        const KpItem& it = items_[i];
        const bool forced = it.type == KpItem::Type::penalty && it.penalty <= -kp_infinity;
        const double penalty = it.type == KpItem::Type::penalty ? it.penalty : 0;
        const double break_width = it.type == KpItem::Type::penalty ? it.width : 0;
        const bool flagged = it.type == KpItem::Type::penalty && it.flagged;

        struct Candidate {
            const Node* from = nullptr;
            double demerits = 0;
            double ratio = 0;
            bool overfull = false;
        };
        Candidate best[4];
        const Node* last_deactivated = nullptr;
        double last_ratio = 0;

        for (auto a = active_.begin(); a != active_.end();) {
            const Node* n = *a;
            double natural = sum.width - n->totals.width + break_width;
            double target = width_of_line(n->line);
            double r;
            if (natural < target) {
                double stretch = sum.stretch - n->totals.stretch + extra_stretch;
                r = stretch > 0 ? (target - natural) / stretch : kp_infinity;
            } else if (natural > target) {
                double shrink = sum.shrink - n->totals.shrink;
                r = shrink > 0 ? (target - natural) / shrink : -kp_infinity;
            } else {
                r = 0;
            }
            if (r < -1 || forced) {
                // This node can no longer start a line that fits (or the paragraph must break
                // here): it leaves the active list.
                if (r < -1) {
                    last_deactivated = n;
                    last_ratio = r;
                }
                a = active_.erase(a);
                if (r < -1) continue;
            } else {
                ++a;
            }
            double b = badness(r);
            if (b > tolerance) continue;
            double d = demerits(b, penalty, forced, flagged, n);
            int f = fitness_class(r);
            if (std::abs(f - n->fitness) > 1) d += params_.adj_demerits;
            d += n->demerits;
            if (!best[f].from || d < best[f].demerits) best[f] = {n, d, r, false};
        }

        // In the emergency pass, when the last way to reach this point was just lost to an
        // overfull line, keep that line rather than leave the paragraph unbreakable.
        bool any = false;
        for (const auto& c : best) any = any || c.from;
        if (!any && emergency && active_.empty() && last_deactivated) {
            best[0] = {last_deactivated, last_deactivated->demerits + kp_infinity, last_ratio,
                       true};
        }

        Totals after = after_break(i, sum);
        for (int f = 0; f < 4; ++f) {
            const Candidate& c = best[f];
            if (!c.from) continue;
            nodes_.push_back(std::make_unique<Node>(Node{i, c.from->line + 1, f, after, c.demerits,
                                                         c.ratio, flagged, c.overfull, c.from}));
            active_.push_back(nodes_.back().get());
        }
    }

    double demerits(double b, double p, bool forced, bool flagged, const Node* from) const {
        double l = params_.line_penalty + b;
        double d = l * l;
        if (p > 0) {
            d += p * p;
        } else if (!forced && p < 0) {
            d -= p * p;
        }
        if (flagged && from->flagged) d += params_.double_hyphen_demerits;
        if (forced && from->flagged) d += params_.final_hyphen_demerits;
        return d;
    }

    const std::vector<KpItem>& items_;
    std::span<const double> widths_;
    const KpParameters& params_;
    std::vector<std::unique_ptr<Node>> nodes_;
    std::vector<const Node*> active_;
};

}  // namespace

void kp_finish_paragraph(std::vector<KpItem>& items) {
    items.push_back({KpItem::Type::penalty, 0, 0, 0, kp_infinity});
    items.push_back({KpItem::Type::glue, 0, kp_infinity, 0});
    items.push_back({KpItem::Type::penalty, 0, 0, 0, -kp_infinity});
}

KpResult knuth_plass(const std::vector<KpItem>& items, std::span<const double> widths,
                     const KpParameters& params) {
    KpResult result;
    if (items.empty() || widths.empty()) return result;
    Breaker breaker(items, widths, params);
    const Node* end = breaker.run(params.pretolerance, false, 0, false);
    result.pass = 1;
    if (!end) {
        end = breaker.run(params.tolerance, true, 0, false);
        result.pass = 2;
    }
    if (!end) {
        end = breaker.run(kp_infinity, true, params.emergency_stretch, true);
        result.pass = 3;
    }
    for (const Node* n = end; n && n->previous; n = n->previous)
        result.breaks.push_back({n->index, n->ratio, n->fitness, n->overfull});
    std::reverse(result.breaks.begin(), result.breaks.end());
    return result;
}

}  // namespace broadside::pdf
