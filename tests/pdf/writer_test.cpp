// The writer's pure parts: TJ arithmetic, ToUnicode, ActualText and extraction order.
#include <catch2/catch.hpp>

#include "broadside/fonts/catalog.hpp"
#include "broadside/fonts/shaper.hpp"
#include "extraction_order.hpp"
#include "font_usage.hpp"
#include "run_operators.hpp"

using namespace broadside;
using namespace broadside::pdf;

namespace {

GlyphRun shaped_run(const std::string& script, const std::string& text, bool rtl, const char* iso) {
    fonts::Catalog catalog;
    FontRef face = fonts::Face::open(catalog.chain({script, "serif", false, false}).front());
    fonts::Shaper shaper;
    const auto& shaped =
        shaper.shape(*face, {text, rtl ? fonts::Direction::rtl : fonts::Direction::ltr, iso, ""});
    GlyphRun run;
    run.font = face;
    run.size = 10;
    run.text = text;
    run.rtl = rtl;
    double scale = 10.0 / face->units_per_em();
    for (const auto& g : shaped.glyphs)
        run.glyphs.push_back(
            {g.glyph, g.x_advance * scale, g.x_offset * scale, g.y_offset * scale, g.cluster});
    return run;
}

// Poppler's reorderText (TextOutputDev.cc) as the tests' model of what pdftotext does with a
// line held in one ActualText span: Poppler 22.12 takes the span's characters in the order
// given (it has no xpdf-style reversal of all-R spans) and classes them with its own table,
// where '.', ',', '-' and ':' count as numbers. The table itself is checked against the real
// pdftotext in rtl_extraction_test.cpp.
enum class K { r, ln, n };
K kind(char32_t c) {
    switch (poppler_class(c)) {
        case PopplerClass::rtl:
            return K::r;
        case PopplerClass::ltr:
        case PopplerClass::number:
            return K::ln;
        default:
            return K::n;
    }
}
std::u32string poppler(const std::u32string& x, bool ltr_page) {
    std::u32string out;
    if (ltr_page) {
        for (std::size_t i = 0; i < x.size();) {
            std::size_t j = i;
            while (j < x.size() && kind(x[j]) != K::r) ++j;
            out.append(x, i, j - i);
            i = j;
            while (j < x.size() && kind(x[j]) != K::ln) ++j;
            for (std::size_t k = j; k > i; --k) out += x[k - 1];
            i = j;
        }
    } else {
        for (std::size_t i = x.size(); i > 0;) {
            std::size_t j = i;
            while (j > 0 && kind(x[j - 1]) != K::ln) --j;
            for (std::size_t k = i; k > j; --k) out += x[k - 1];
            i = j;
            while (j > 0 && kind(x[j - 1]) != K::r) --j;
            out.append(x, j, i - j);
            i = j;
        }
    }
    std::u32string visible;
    for (char32_t c : out)
        if (c != 0x200E && c != 0x200F) visible += c;
    return visible;
}

}  // namespace

TEST_CASE("numbers in content streams are short and locale-free", "[pdf][writer]") {
    CHECK(pdf_number(1.5) == "1.5");
    CHECK(pdf_number(2.0) == "2");
    CHECK(pdf_number(-0.0001) == "0");
    CHECK(pdf_number(-12.3456) == "-12.346");
}

TEST_CASE("kerning becomes a TJ number and codes are original glyph ids", "[pdf][writer]") {
    GlyphRun run = shaped_run("latn", "AV", false, "Latn");
    FontUsage usage(run.font);
    Point start;
    std::string ops = run_operators(run, "F1", {72, 700}, start, usage);
    CHECK(ops.find("/F1 10 Tf") != std::string::npos);
    CHECK(ops.find("72 700 Td") != std::string::npos);
    char a[8], v[8];
    std::snprintf(a, sizeof a, "<%04X>", run.glyphs[0].id);
    std::snprintf(v, sizeof v, "<%04X>", run.glyphs[1].id);
    auto pa = ops.find(a), pv = ops.find(v);
    REQUIRE(pa != std::string::npos);
    REQUIRE(pv != std::string::npos);
    // Between A and V a positive number pulls V left: the kerning.
    std::string between = ops.substr(pa + 6, pv - pa - 6);
    REQUIRE_FALSE(between.empty());
    CHECK(std::stod(between) > 0);
    CHECK(start.x == 72);
}

TEST_CASE("a ligature glyph maps to all its characters", "[pdf][writer]") {
    GlyphRun run = shaped_run("latn", "fi", false, "Latn");
    REQUIRE(run.glyphs.size() == 1);
    FontUsage usage(run.font);
    Point start;
    std::string ops = run_operators(run, "F1", {0, 0}, start, usage);
    CHECK(ops.find("ActualText") == std::string::npos);
    CHECK(usage.unicode().at(usage.code(run.glyphs[0].id)) == U"fi");
}

TEST_CASE("a cluster of several glyphs carries ActualText, or not inside a line span",
          "[pdf][writer]") {
    GlyphRun run = shaped_run("tibt", "བོ", false, "Tibt");  // base and vowel sign o
    REQUIRE(run.glyphs.size() == 2);
    FontUsage usage(run.font);
    Point start;
    std::string ops = run_operators(run, "F1", {0, 0}, start, usage);
    INFO(ops);
    CHECK(ops.find("/Span<</ActualText<FEFF0F560F7C>>>BDC") != std::string::npos);
    FontUsage plain(run.font);
    Point again;
    CHECK(run_operators(run, "F1", {0, 0}, again, plain, false).find("ActualText") ==
          std::string::npos);
    // Extractors that ignore ActualText still get every character somewhere.
    std::u32string all;
    for (const auto& [code, text] : plain.unicode()) all += text;
    for (char32_t c : std::u32string(U"བོ")) CHECK(all.find(c) != std::u32string::npos);
}

TEST_CASE("ToUnicode CMaps come in blocks of at most 100", "[pdf][writer]") {
    std::map<std::uint32_t, std::u32string> m;
    for (std::uint32_t i = 0; i < 250; ++i) m[i + 3] = U"a";
    m[1] = U"\U0001F600";
    std::string cmap = to_unicode_cmap(m);
    CHECK(cmap.find("100 beginbfchar") != std::string::npos);
    CHECK(cmap.find("51 beginbfchar") != std::string::npos);
    CHECK(cmap.find("<0001> <D83DDE00>") != std::string::npos);
}

TEST_CASE("line ActualText survives Poppler's bidi reordering", "[pdf][writer]") {
    for (std::u32string logical :
         {std::u32string(U"بۇ كىتاب 2021-يىلى 350 نۇسخا بېسىلدى."),
          std::u32string(U"The word ئۇيغۇر تىلى means the language."), std::u32string(U"ئۇيغۇرچە"),
          std::u32string(U"(ئۇيغۇر) 12"), std::u32string(U"plain English, no RTL"),
          std::u32string(U"مرحبا بالعالم")}) {
        for (bool ltr_page : {true, false}) {
            INFO("ltr page " << ltr_page);
            CHECK(poppler(poppler_actual_text(logical, ltr_page), ltr_page) == logical);
        }
    }
    CHECK(direction_balance(U"abc ئۇ") == 1);
    // Poppler counts neither numbers nor characters above U+FFFF.
    CHECK(direction_balance(U"12.5% 𝐀") == 0);
}

TEST_CASE("line ActualText survives reordering with Poppler's own classes", "[pdf][writer]") {
    // '.', '-', ':' and ARABIC COMMA are numbers to Poppler, so they split a right-to-left
    // line into sections that Unicode's rules would have kept together.
    for (std::u32string logical :
         {std::u32string(U"بۈگۈن بىز دوكلات ئېلان قىلدۇق. دوكلاتتا ئۇيغۇر تىلى"),
          std::u32string(U"ئاتا-ئانىلاردىن ئېلىنغان گۇۋاھلىق بار."),
          std::u32string(U"20-ئۆكتەبىر، 2023 · ئايگۈل مەمەت"), std::u32string(U"تەلەپلىرىمىز"),
          std::u32string(U"سوئال؟ جاۋاب!"), std::u32string(U"«ئانا تىل» — mother tongue: 3/4"),
          std::u32string(U"ABC ئۇيغۇر, DEF ئۇيغۇر."), std::u32string(U" ئۇيغۇر "),
          std::u32string(U"-ئۇيغۇر-"), std::u32string(U"ئۇ (1) بۇ")}) {
        for (bool ltr_page : {true, false}) {
            INFO("ltr page " << ltr_page);
            std::u32string x = poppler_actual_text(logical, ltr_page);
            CHECK(poppler(x, ltr_page) == logical);
            // pdftotext would drop a final '-' as a hyphen the logical line does not end in.
            if (!x.empty() && x.back() == U'-') CHECK(logical.back() == U'-');
            // Marks lean the page's way, so they cannot flip Poppler's page direction.
            int added = direction_balance(x) - direction_balance(logical);
            CHECK((ltr_page ? added >= 0 : added <= 0));
        }
    }
    CHECK(poppler_class(U'.') == PopplerClass::number);
    CHECK(poppler_class(U'\u060C') == PopplerClass::number);
    CHECK(poppler_class(U'\u061F') == PopplerClass::rtl);
    CHECK(poppler_class(U' ') == PopplerClass::neutral);
    CHECK(poppler_class(U'\u200E') == PopplerClass::ltr);
    CHECK(poppler_class(U'\u200F') == PopplerClass::rtl);
}
