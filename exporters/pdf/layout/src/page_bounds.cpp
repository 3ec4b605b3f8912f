#include "broadside/pdf/page_bounds.hpp"

#include <variant>

namespace broadside::pdf {
namespace {

constexpr double tolerance = 0.5;  // points: rounding, not a run off the page

bool outside(const Size& page, Point at, const GlyphRun& run) {
    const double descent = run.size / 3;
    return at.x < -tolerance || at.x + run.width() > page.width + tolerance ||
           at.y - run.size < -tolerance || at.y + descent > page.height + tolerance;
}

}  // namespace

std::vector<OffPageRun> runs_off_page(const Layout& layout) {
    std::vector<OffPageRun> out;
    for (std::size_t p = 0; p < layout.pages.size(); ++p) {
        const Page& page = layout.pages[p];
        for (const auto& frame : page.frames) {
            const Point origin = frame.box.origin;
            auto check = [&](Point at, const GlyphRun& run) {
                Point on_page{origin.x + at.x, origin.y + at.y};
                if (outside(page.size, on_page, run))
                    out.push_back({p, on_page, run.width(), run.text});
            };
            for (const auto& [at, item] : frame.items) {
                if (const auto* run = std::get_if<GlyphRun>(&item)) check(at, *run);
                if (const auto* line = std::get_if<TextLine>(&item))
                    for (const auto& [pos, run] : line->runs) check(pos, run);
            }
        }
    }
    return out;
}

}  // namespace broadside::pdf
