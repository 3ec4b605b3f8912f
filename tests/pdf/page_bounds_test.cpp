// The check every layout goes through: a glyph run outside its page is found, warned about by
// the engine and listed at the end of the layout dump.
#include <catch2/catch.hpp>

#include "broadside/pdf/layout_dump.hpp"
#include "broadside/pdf/page_bounds.hpp"

using namespace broadside::pdf;

namespace {

GlyphRun run(const std::string& text, double advance) {
    GlyphRun r;
    r.size = 10;
    r.text = text;
    r.glyphs.push_back(Glyph{1, advance, 0, 0, 0});
    return r;
}

Layout one_page(Point frame_origin, Point line_at, double advance) {
    TextLine line;
    line.text = "x";
    line.runs.emplace_back(line_at, run("x", advance));
    Frame frame{Rect{frame_origin, Size{100, 100}}, {}};
    frame.items.emplace_back(Point{0, line_at.y}, line);
    frame.items.emplace_back(Point{10, 40}, run("loose", 5));
    return Layout{{Page{Size{200, 300}, {frame}, std::nullopt}}};
}

}  // namespace

TEST_CASE("runs inside the page pass, runs past any edge are found", "[pdf][bounds]") {
    CHECK(runs_off_page(one_page({20, 20}, {0, 30}, 50)).empty());
    // The Uyghur address of issue 12: flushed right against an unbounded measure.
    auto far = runs_off_page(one_page({20, 20}, {1000000 - 50, 30}, 50));
    REQUIRE(far.size() == 1);
    CHECK(far.front().page == 0);
    CHECK(far.front().at.x == Approx(1000000 - 30));
    CHECK(far.front().text == "x");
    CHECK(runs_off_page(one_page({20, 20}, {0, 30}, 181)).size() == 1);  // past the right edge
    CHECK(runs_off_page(one_page({-5, 20}, {0, 30}, 10)).size() == 1);   // past the left edge
    CHECK(runs_off_page(one_page({20, 0}, {0, 5}, 10)).size() == 1);     // above the top
    CHECK(runs_off_page(one_page({20, 250}, {0, 49}, 10)).size() == 1);  // below the foot
    CHECK(runs_off_page(one_page({20, 20}, {0, 30}, 180.4)).empty());    // within rounding
}

TEST_CASE("the layout dump ends with the runs off their page", "[pdf][bounds]") {
    std::string dump = dump_layout(one_page({20, 20}, {1000000 - 50, 30}, 50));
    CHECK(dump.find("\noff page 1 @999970.00,50.00 w=50.00 \"x\"\n") != std::string::npos);
    CHECK(dump_layout(one_page({20, 20}, {0, 30}, 50)).find("off page") == std::string::npos);
}
