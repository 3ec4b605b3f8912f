// Figures: PNG and JPEG sizes read from their headers, scaled to the text width and never
// enlarged, captions kept with the picture, and placeholders with a warning for images that
// are missing, misnamed, truncated or too large — in bounded time.
#include <catch2/catch.hpp>

#include <chrono>

#include "broadside/core/image_header.hpp"
#include "broadside/core/limits.hpp"
#include "broadside/pdf/layout_dump.hpp"
#include "figure_layout.hpp"
#include "figure_table_fixture.hpp"

using namespace broadside;
using namespace broadside::pdf;

namespace {

const std::string inputs = std::string(BROADSIDE_SOURCE_DIR) + "/tests/pdf/inputs";

VerticalList figure(test::SetterFixture& f, const std::string& source, const std::string& alt,
                    double max_height = 1000, int width_px = 0, int height_px = 0) {
    core::ResourcePolicy policy(inputs);
    VerticalList out;
    layout_figure(core::Image{source, "", alt, width_px, height_px}, core::SourceSpan{5, 3, 5, 20},
                  0, f.body_width(), max_height, f.setter, policy, inputs, out);
    return out;
}

const Image* image_in(const VBox& box) {
    for (const auto& [at, item] : box.items)
        if (const auto* image = std::get_if<Image>(&item)) return image;
    return nullptr;
}

std::string text_in(const VBox& box) {
    std::string text;
    for (const auto& [at, item] : box.items)
        if (const auto* line = std::get_if<TextLine>(&item)) text += line->text;
    return text;
}

}  // namespace

TEST_CASE("image headers give format and size without decoding", "[pdf][figure]") {
    const std::uint64_t pixels = core::Limits{}.max_image_pixels;
    auto probe = [&](const std::string& path) { return core::probe_image(path, pixels); };
    auto png = probe(inputs + "/wide.png");
    REQUIRE(png.header);
    CHECK(png.header->format == ImageFormat::png);
    CHECK(png.header->width == 800);
    CHECK(png.header->height == 400);
    auto jpeg = probe(inputs + "/wide.jpg");
    REQUIRE(jpeg.header);
    CHECK(jpeg.header->format == ImageFormat::jpeg);
    CHECK(jpeg.header->width == 900);
    CHECK(jpeg.header->height == 300);
    CHECK(probe(inputs + "/truncated.png").problem.find("truncated") != std::string::npos);
    CHECK(probe(inputs + "/bomb.png").problem.find("20000 × 20000") != std::string::npos);
    CHECK(probe(inputs + "/figure_layout_missing.png").problem == "the file cannot be read");
    CHECK(probe(BROADSIDE_SOURCE_DIR "/README.md").problem.find("neither") != std::string::npos);
}

TEST_CASE("the pixel limit is the caller's: the same image passes or is refused", "[pdf][figure]") {
    // wide.png is 800 × 400 = 320,000 pixels.
    CHECK(core::probe_image(inputs + "/wide.png", 320'000).header);
    auto refused = core::probe_image(inputs + "/wide.png", 319'999);
    CHECK_FALSE(refused.header);
    CHECK(refused.problem.find("over the limit of 319999 pixels") != std::string::npos);
    CHECK(refused.problem.find("--max-image-pixels") != std::string::npos);
}

TEST_CASE("a PNG wider than the text is scaled to the text width, with its caption",
          "[pdf][figure]") {
    test::SetterFixture f;
    VerticalList out = figure(f, "wide.png", "A gradient from blue to orange");
    CHECK(f.diags.empty());
    REQUIRE(out.size() == 2);
    const Image* image = image_in(out[0]);
    REQUIRE(image);
    CHECK(image->format == ImageFormat::png);
    CHECK(image->size.width == Approx(f.body_width()));
    CHECK(image->size.height == Approx(f.body_width() / 2));
    CHECK(out[0].metrics.height == Approx(image->size.height));
    CHECK(out[0].dump_label == "figure");
    CHECK(out[1].dump_label == "caption");
    CHECK_FALSE(out[1].metrics.break_before);
    CHECK(text_in(out[1]) == "A gradient from blue to orange");
    CHECK(dump_layout(f.pages(out))
              .find("@0.00,0.00 image png 442.21x221.10 \"wide.png\" \"A gradient from blue to "
                    "orange\"\n") != std::string::npos);
}

TEST_CASE("a JPEG is scaled the same way, and a small image keeps its 96 dpi size",
          "[pdf][figure]") {
    test::SetterFixture f;
    VerticalList jpeg = figure(f, "wide.jpg", "");
    REQUIRE(jpeg.size() == 1);  // no alt text, no title: no caption
    const Image* image = image_in(jpeg[0]);
    REQUIRE(image);
    CHECK(image->format == ImageFormat::jpeg);
    CHECK(image->size.width == Approx(f.body_width()));
    CHECK(image->size.height == Approx(f.body_width() / 3));

    VerticalList small = figure(f, "small.png", "red");
    image = image_in(small[0]);
    REQUIRE(image);
    CHECK(image->size.width == Approx(30));  // 40 px at 0.75 pt
    CHECK(image->size.height == Approx(15));
    for (const auto& [at, item] : small[0].items)
        CHECK(at.x == Approx((f.body_width() - 30) / 2));  // centred
    CHECK(f.diags.empty());
}

TEST_CASE("the size an HTML <img> gives wins over the file's, in its proportions",
          "[pdf][figure]") {
    test::SetterFixture f;
    auto size_of = [&](int w, int h) {
        VerticalList out = figure(f, "wide.png", "", 1000, w, h);  // 800 × 400 px
        const Image* image = image_in(out[0]);
        REQUIRE(image);
        return image->size;
    };
    Size by_width = size_of(200, 0);  // 150 pt wide, the file's 2:1 kept
    CHECK(by_width.width == Approx(150));
    CHECK(by_width.height == Approx(75));
    Size by_height = size_of(0, 40);
    CHECK(by_height.width == Approx(60));
    CHECK(by_height.height == Approx(30));
    Size both = size_of(100, 100);  // fits the box, the file's 2:1 kept
    CHECK(both.width == Approx(75));
    CHECK(both.height == Approx(37.5));
    CHECK(size_of(4000, 0).width == Approx(f.body_width()));  // never wider than the text
}

TEST_CASE("a figure fits the height it is given, caption included", "[pdf][figure]") {
    test::SetterFixture f;
    VerticalList out = figure(f, "wide.png", "caption", 120);
    REQUIRE(out.size() == 2);
    double total = out[0].metrics.height + out[1].metrics.space_before + out[1].metrics.height;
    CHECK(total <= 120 + 1e-6);
    const Image* image = image_in(out[0]);
    REQUIRE(image);
    CHECK(image->size.width == Approx(2 * image->size.height));  // aspect ratio kept
}

TEST_CASE("unusable images become a warning and a placeholder with their alt text",
          "[pdf][figure]") {
    struct Case {
        std::string file, message;
    };
    const Case cases[] = {{"nothing-here.png", "not found"},
                          {"photo-named.png", "named .png but holds a JPEG"},
                          {"truncated.png", "truncated"},
                          {"bomb.png", "20000 × 20000 pixels"},
                          {"../../../README.md", "outside"}};
    for (const auto& c : cases) {
        INFO(c.file);
        test::SetterFixture f;
        auto start = std::chrono::steady_clock::now();
        VerticalList out = figure(f, c.file, "Map of the region");
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
        REQUIRE(f.diags.items().size() == 1);
        const auto& d = f.diags.items()[0];
        CHECK(d.severity == core::Severity::warning);
        CHECK(d.file == "t.md");
        CHECK(d.line == 5);
        CHECK(d.column == 3);
        CHECK(d.message.find(c.message) != std::string::npos);
        REQUIRE(out.size() == 1);  // the alt text is inside; no caption repeats it
        CHECK(out[0].dump_label == "figure-placeholder");
        CHECK(image_in(out[0]) == nullptr);
        CHECK(text_in(out[0]) == "Map of the region");
        int rules = 0;
        for (const auto& [at, item] : out[0].items) rules += std::holds_alternative<Rule>(item);
        CHECK(rules == 5);  // the grey fill and four sides of the frame
        CHECK(out[0].metrics.height > 20);
    }
}

TEST_CASE("a placeholder without alt text shows the reference and keeps the title as caption",
          "[pdf][figure]") {
    test::SetterFixture f;
    core::ResourcePolicy policy(inputs);
    VerticalList out;
    layout_figure(core::Image{"gone.jpg", "The title", ""}, core::SourceSpan{2, 1, 2, 9}, 0,
                  f.body_width(), 600, f.setter, policy, inputs, out);
    REQUIRE(out.size() == 2);
    CHECK(text_in(out[0]) == "gone.jpg");
    CHECK(text_in(out[1]) == "The title");
}
