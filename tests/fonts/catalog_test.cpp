// The catalog's chains: the right face (and face index) per script, real styles, overrides.
#include <catch2/catch.hpp>

#include "broadside/fonts/catalog.hpp"

using namespace broadside::fonts;

namespace {

std::shared_ptr<const Face> first(const Catalog& catalog, FontQuery q) {
    auto chain = catalog.chain(q);
    REQUIRE_FALSE(chain.empty());
    return Face::open(chain.front());
}

}  // namespace

TEST_CASE("script keys follow the language for Han", "[fonts][catalog]") {
    CHECK(script_key("Hani", "") == "hans");
    CHECK(script_key("Hani", "zh-Hans") == "hans");
    CHECK(script_key("Hani", "zh-Hant") == "hant");
    CHECK(script_key("Hani", "zh-TW") == "hant");
    CHECK(script_key("Hani", "zh-HK") == "hk");
    CHECK(script_key("Hani", "ja") == "jpan");
    CHECK(script_key("Arab", "ug") == "arab");
    CHECK(script_key("Latn", "en") == "latn");
}

TEST_CASE("Chinese picks the SC face of the serif collection, not JP", "[fonts][catalog]") {
    Catalog catalog;
    auto face = first(catalog, {"hans", "serif", false, false});
    REQUIRE(face);
    CHECK(face->ref().path.ends_with("NotoSerifCJK-Regular.ttc"));
    CHECK(face->ref().index == 2);
    CHECK(face->family_name() == "Noto Serif CJK SC");
    CHECK(face->is_cff());
    CHECK(face->is_cid_keyed());
    CHECK(face->covers(U'观'));
    auto tc = first(catalog, {"hant", "sans", true, false});
    CHECK(tc->family_name() == "Noto Sans CJK TC");
    CHECK(tc->ref().path.ends_with("NotoSansCJK-Bold.ttc"));
}

TEST_CASE("each script's chain starts with the table's family", "[fonts][catalog]") {
    Catalog catalog;
    CHECK(first(catalog, {"latn", "serif", false, false})->postscript_name() ==
          "NotoSerif-Regular");
    CHECK(first(catalog, {"cyrl", "sans", false, false})->postscript_name() == "NotoSans-Regular");
    auto naskh = first(catalog, {"arab", "serif", false, false});
    CHECK(naskh->postscript_name() == "NotoNaskhArabic-Regular");
    for (char32_t c : {U'ې', U'ۆ', U'ۈ', U'ۇ', U'ڭ', U'ئ', U'ە'}) CHECK(naskh->covers(c));
    CHECK(first(catalog, {"tibt", "serif", false, false})->covers(U'ཀ'));
    CHECK(first(catalog, {"latn", "mono", false, false})->postscript_name() ==
          "NotoSansMono-Regular");
}

TEST_CASE("bold and italic are real faces where the family has them", "[fonts][catalog]") {
    Catalog catalog;
    CHECK(first(catalog, {"latn", "serif", true, false})->postscript_name() == "NotoSerif-Bold");
    CHECK(first(catalog, {"latn", "serif", false, true})->postscript_name() == "NotoSerif-Italic");
    CHECK(first(catalog, {"latn", "serif", true, true})->postscript_name() ==
          "NotoSerif-BoldItalic");
    // Naskh has no italic: the nearest face is used, never a slanted fake.
    CHECK(first(catalog, {"arab", "serif", true, true})->postscript_name() ==
          "NotoNaskhArabic-Bold");
}

TEST_CASE("a style's override goes in front of the chain", "[fonts][catalog]") {
    Catalog catalog;
    catalog.set_override("latn", {"DejaVu Sans"});
    auto chain = catalog.chain({"latn", "serif", false, false});
    REQUIRE(chain.size() >= 2);
    CHECK(chain[0].path.ends_with("DejaVuSans.ttf"));
    CHECK(chain[1].path.ends_with("NotoSerif-Regular.ttf"));
    catalog.set_override("mono", {"DejaVu Sans Mono"});
    CHECK(catalog.chain({"latn", "mono", false, false})[0].path.ends_with("DejaVuSansMono.ttf"));
}

TEST_CASE("the resolver falls back per character across chains", "[fonts][catalog]") {
    Catalog catalog;
    FaceLibrary library;
    FontResolver resolver(catalog, library);
    FontQuery latin{"latn", "serif", false, false};
    CHECK(resolver.face_for(U'A', latin)->postscript_name() == "NotoSerif-Regular");
    // A CJK full stop in Latin text comes from the CJK chain, not fontconfig's guess.
    CHECK(resolver.face_for(U'。', latin)->family_name() == "Noto Serif CJK SC");
    // An unassigned code point: no chain has it and fontconfig finds nothing either.
    CHECK(resolver.face_for(char32_t{0x0378}, latin) == nullptr);
}

TEST_CASE("a missing font file is no face, not a crash", "[fonts][catalog]") {
    CHECK(Face::open({"/nonexistent/font.ttf", 0}) == nullptr);
    CHECK(Face::open({"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 99}) == nullptr);
    CHECK(Face::open({"/etc/hostname", 0}) == nullptr);
}

TEST_CASE("a missing chain's hint names the Debian packages of its families", "[fonts][catalog]") {
    CHECK(packages_to_install({"latn", "mono", false, false}) ==
          "fonts-noto-mono and fonts-dejavu-core");
    CHECK(packages_to_install({"hant", "serif", false, false}) == "fonts-noto-cjk");
    CHECK(packages_to_install({"tibt", "DejaVu Sans", false, false}) ==
          "fonts-dejavu-core and fonts-noto-core");
}
