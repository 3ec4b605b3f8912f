// HarfBuzz shaping through the cache: ligatures, kerning, joining, stacking.
#include <catch2/catch.hpp>

#include "broadside/fonts/catalog.hpp"
#include "broadside/fonts/shaper.hpp"

using namespace broadside::fonts;

namespace {

std::shared_ptr<const Face> face_for(const std::string& script) {
    Catalog catalog;
    return Face::open(catalog.chain({script, "serif", false, false}).front());
}

std::int64_t nominal_width(const Face& face, std::u32string_view text) {
    std::int64_t w = 0;
    for (char32_t c : text) w += face.advance(*face.nominal_glyph(c));
    return w;
}

}  // namespace

TEST_CASE("fi, ffi and fl become one glyph each", "[fonts][shaper]") {
    auto face = face_for("latn");
    Shaper shaper;
    const auto& office = shaper.shape(*face, {"office", Direction::ltr, "Latn", "en"});
    CHECK(office.glyphs.size() == 4);  // o, ffi, c, e
    CHECK(office.glyphs[1].cluster == 1);
    CHECK(office.glyphs[2].cluster == 4);
    CHECK(shaper.shape(*face, {"flyer", Direction::ltr, "Latn", "en"}).glyphs.size() == 4);
}

TEST_CASE("kerning pairs come closer than their nominal advances", "[fonts][shaper]") {
    auto face = face_for("latn");
    Shaper shaper;
    for (auto [text, wide] : {std::pair{"AV", U"AV"}, {"To", U"To"}, {"Wa", U"Wa"}}) {
        const auto& shaped = shaper.shape(*face, {text, Direction::ltr, "Latn", "en"});
        CHECK(shaped.advance < nominal_width(*face, wide));
    }
}

TEST_CASE("Uyghur joins: shaped glyphs are not the isolated forms", "[fonts][shaper]") {
    auto face = face_for("arab");
    Shaper shaper;
    const auto& shaped = shaper.shape(*face, {"ئۇيغۇر", Direction::rtl, "Arab", "ug"});
    REQUIRE(shaped.glyphs.size() >= 5);
    // Right to left: the first glyph is the last character.
    CHECK(shaped.glyphs.front().cluster > shaped.glyphs.back().cluster);
    int contextual = 0;
    for (const auto& g : shaped.glyphs) {
        bool nominal = false;
        for (char32_t c : std::u32string(U"ئۇيغۇر")) nominal |= face->nominal_glyph(c) == g.glyph;
        contextual += nominal ? 0 : 1;
    }
    CHECK(contextual >= 2);  // at least the medial yeh and ghain
}

TEST_CASE("Tibetan stacks put subjoined letters below the base", "[fonts][shaper]") {
    auto face = face_for("tibt");
    Shaper shaper;
    const auto& shaped = shaper.shape(*face, {"སྐད", Direction::ltr, "Tibt", "bo"});
    // The stack སྐ (sa with subjoined ka) is drawn as one stacked glyph: three characters,
    // two glyphs, the second starting at ད's byte offset.
    REQUIRE(shaped.glyphs.size() == 2);
    CHECK(shaped.glyphs[0].cluster == 0);
    CHECK(shaped.glyphs[1].cluster == 6);
    CHECK(shaped.glyphs[0].glyph != face->nominal_glyph(U'ས'));
}

TEST_CASE("repeated words come from the cache", "[fonts][shaper]") {
    auto face = face_for("latn");
    Shaper shaper;
    for (int i = 0; i < 10; ++i) shaper.shape(*face, {"repeated", Direction::ltr, "Latn", "en"});
    CHECK(shaper.cache_size() == 1);
    CHECK(shaper.glyphs_shaped() == 8);
    CHECK(shaper.glyphs_returned() == 80);
    // A different language is a different shaping request.
    shaper.shape(*face, {"repeated", Direction::ltr, "Latn", "tr"});
    CHECK(shaper.cache_size() == 2);
}
