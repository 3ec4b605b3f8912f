// hb-subset through the public API: small output, kept glyph ids, CFF tables for PDF.
#include <catch2/catch.hpp>

#include "broadside/fonts/catalog.hpp"
#include "broadside/fonts/subset.hpp"
#include "scratch_folder.hpp"

using namespace broadside::fonts;

namespace {

std::shared_ptr<Face> open_first(const std::string& script) {
    Catalog catalog;
    return Face::open(catalog.chain({script, "serif", false, false}).front());
}

/// Writes bytes to a temp file so a Face can open the subset again.
std::string to_temp(const std::vector<std::uint8_t>& bytes, const std::string& name) {
    std::string path = (broadside::test::scratch_root() / name).string();
    FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f);
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
    return path;
}

}  // namespace

TEST_CASE("a TrueType subset keeps glyph ids and only the asked glyphs", "[fonts][subset]") {
    auto face = open_first("latn");
    std::vector<std::uint32_t> glyphs{*face->nominal_glyph(U'A'), *face->nominal_glyph(U'V')};
    SubsetOptions options;
    options.retain_glyph_ids = true;
    auto bytes = subset_glyphs(*face, glyphs, options);
    REQUIRE(bytes);
    CHECK(bytes->size() < 20000);
    auto sub = Face::open({to_temp(*bytes, "latin.ttf"), 0});
    REQUIRE(sub);
    CHECK(sub->glyph_count() > glyphs[1]);  // ids kept: the table reaches the old id
    CHECK(sub->advance(glyphs[0]) == face->advance(glyphs[0]));
    CHECK_FALSE(sfnt_table(*bytes, "GSUB"));  // layout tables dropped for PDF
}

TEST_CASE("a CJK subset is small and keeps its CFF table", "[fonts][subset]") {
    auto face = open_first("hans");
    std::vector<std::uint32_t> glyphs;
    for (char32_t c : std::u32string(U"人权观察")) glyphs.push_back(*face->nominal_glyph(c));
    auto bytes = subset_glyphs(*face, glyphs, {});
    REQUIRE(bytes);
    CHECK(bytes->size() < 30000);
    auto cff = sfnt_table(*bytes, "CFF ");
    REQUIRE(cff);
    CHECK(cff->size() < bytes->size());
}

TEST_CASE("subsetting by code points keeps layout tables for ePub readers", "[fonts][subset]") {
    auto face = open_first("arab");
    std::u32string text = U"ئۇيغۇرچە";
    SubsetOptions options;
    options.keep_layout_tables = true;
    auto bytes = subset_code_points(*face, {text.data(), text.size()}, options);
    REQUIRE(bytes);
    CHECK(sfnt_table(*bytes, "GSUB"));
    auto sub = Face::open({to_temp(*bytes, "arabic.ttf"), 0});
    REQUIRE(sub);
    for (char32_t c : text) CHECK(sub->covers(c));
    CHECK_FALSE(sub->covers(U'A'));
}

TEST_CASE("sfnt_table rejects what is not a font", "[fonts][subset]") {
    std::vector<std::uint8_t> junk{1, 2, 3, 4, 5};
    CHECK_FALSE(sfnt_table(junk, "CFF "));
    CHECK_FALSE(sfnt_table(junk, "toolong"));
}
