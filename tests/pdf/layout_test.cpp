// Itemization, greedy lines and the layout dump, without a PDF in sight.
#include <catch2/catch.hpp>

#include "broadside/core/reader.hpp"
#include "broadside/pdf/itemize.hpp"
#include "broadside/pdf/layout_dump.hpp"
#include "broadside/pdf/layout_engine.hpp"
#include "broadside/pdf/line_breaker.hpp"
#include "broadside/pdf/paragraph.hpp"

using namespace broadside;
using namespace broadside::pdf;

namespace {

struct Services {
    fonts::Catalog catalog;
    fonts::FaceLibrary library;
    fonts::FontResolver resolver{catalog, library};
    fonts::Shaper shaper;
};

Itemized items_of(Services& s, const std::string& text, core::Diagnostics& diags,
                  const std::string& lang = "en") {
    return itemize({TextSpan{text, false, false, false, {}, 3, 1}},
                   {lang, "serif", false, false, "t.md", {}}, s.resolver, diags);
}

std::string item_text(const Itemized& p, const TextItem& item) {
    return p.text.substr(item.begin, item.end - item.begin);
}

}  // namespace

TEST_CASE("a Uyghur phrase inside English gets its own level, script and face", "[pdf][itemize]") {
    Services s;
    core::Diagnostics diags;
    Itemized p = items_of(s, "The word ئۇيغۇر تىلى means", diags);
    CHECK(diags.empty());
    CHECK(p.base_level == 0);
    REQUIRE(p.items.size() == 4);
    CHECK(item_text(p, p.items[0]) == "The word ");
    CHECK(p.items[0].level == 0);
    CHECK(item_text(p, p.items[1]) == "ئۇيغۇر تىلى");
    CHECK(p.items[1].level == 1);
    CHECK(p.items[1].script == "Arab");
    CHECK(p.items[1].face->postscript_name() == "NotoNaskhArabic-Regular");
    CHECK(p.items[3].face->postscript_name() == "NotoSerif-Regular");
}

TEST_CASE("digits inside Uyghur are a left-to-right run of a right-to-left paragraph",
          "[pdf][itemize]") {
    Services s;
    core::Diagnostics diags;
    Itemized p = items_of(s, "بۇ كىتاب 2021-يىلى", diags, "ug");
    CHECK(p.base_level == 1);
    bool digits_found = false;
    for (const auto& item : p.items)
        if (item_text(p, item) == "2021") {
            digits_found = true;
            CHECK(item.level == 2);
        }
    CHECK(digits_found);
}

TEST_CASE("five scripts in one paragraph each find their face", "[pdf][itemize]") {
    Services s;
    core::Diagnostics diags;
    Itemized p = items_of(s, "Wa 人权 ئۇيغۇر བོད་ Съешь", diags);
    CHECK(diags.empty());
    std::vector<std::string> faces;
    for (const auto& item : p.items)
        if (faces.empty() || faces.back() != item.face->postscript_name())
            faces.push_back(item.face->postscript_name());
    CHECK(faces == std::vector<std::string>{"NotoSerif-Regular", "NotoSerifCJKsc-Regular",
                                            "NotoNaskhArabic-Regular", "NotoSerifTibetan-Regular",
                                            "NotoSerif-Regular"});
}

TEST_CASE("a character no font covers is a warning with its place and code point",
          "[pdf][itemize]") {
    Services s;
    core::Diagnostics diags;
    items_of(s, "ab\xCD\xB8", diags);  // U+0378, unassigned
    REQUIRE(diags.items().size() == 1);
    const auto& d = diags.items().front();
    CHECK(d.severity == core::Severity::warning);
    CHECK(d.line == 3);
    CHECK(d.column == 3);
    CHECK(d.message.find("U+0378") != std::string::npos);
}

TEST_CASE("greedy lines stay inside the width and keep words whole", "[pdf][lines]") {
    Services s;
    core::Diagnostics diags;
    ParagraphShaper shaper(s.shaper);
    std::string text;
    for (int i = 0; i < 40; ++i) text += "office affluence ";
    ShapedParagraph para = shaper.shape(items_of(s, text, diags), 10);
    GreedyLineBreaker breaker;
    const double widths[] = {150, 200};
    auto lines = breaker.break_lines(para, widths);
    REQUIRE(lines.size() > 5);
    for (const auto& line : lines) {
        double width = 0;
        std::size_t end = line.end;
        while (end > line.begin && para.segments[end - 1].whitespace) --end;
        for (std::size_t i = line.begin; i < end; ++i) width += para.segments[i].width;
        CHECK(width <= (&line == &lines.front() ? 150 : 200));
        CHECK_FALSE(para.segments[line.begin].whitespace);
    }
    CHECK(lines.back().end == para.segments.size());
}

TEST_CASE("one very long word overflows its line instead of looping", "[pdf][lines]") {
    Services s;
    core::Diagnostics diags;
    ParagraphShaper shaper(s.shaper);
    ShapedParagraph para = shaper.shape(items_of(s, std::string(20000, 'x'), diags), 10);
    const double widths[] = {100};
    auto lines = GreedyLineBreaker().break_lines(para, widths);
    CHECK(lines.size() == 1);
}

TEST_CASE("the layout dump shows pages, frames, lines and anchors", "[pdf][layout]") {
    core::Diagnostics diags;
    auto doc = core::read_document_text("# Title\n\nThe office.\n\n---\n", "t.md", diags);
    REQUIRE(doc);
    styles::Style style;
    Services s;
    TextServices services{s.resolver, s.shaper};
    Layout layout = PageEngine(std::make_unique<GreedyLineBreaker>())
                        .layout(*doc, style, services, core::ResourcePolicy("."), diags, 1);
    REQUIRE(layout.pages.size() == 1);
    std::string dump = dump_layout(layout);
    CHECK(dump.find("page 1 595.28x841.89") != std::string::npos);
    CHECK(dump.find("anchor h1 #title \"Title\"") != std::string::npos);
    CHECK(dump.find("line [paragraph 1/1] r=0.00 \"The office.\"") != std::string::npos);
    CHECK(dump.find("rule ") != std::string::npos);
    // "office" shapes with the ffi ligature: 11 characters, 9 glyphs.
    CHECK(dump.find("glyphs=9") != std::string::npos);
}

TEST_CASE("long documents flow onto more pages", "[pdf][layout]") {
    core::Diagnostics diags;
    std::string md;
    for (int i = 0; i < 200; ++i) md += "Paragraph number " + std::to_string(i) + ".\n\n";
    auto doc = core::read_document_text(md, "long.md", diags);
    REQUIRE(doc);
    Services s;
    TextServices services{s.resolver, s.shaper};
    Layout layout =
        PageEngine(std::make_unique<GreedyLineBreaker>())
            .layout(*doc, styles::Style{}, services, core::ResourcePolicy("."), diags, 1);
    CHECK(layout.pages.size() >= 4);
    for (const auto& page : layout.pages)
        for (const auto& [at, item] : page.frames.front().items)
            CHECK(at.y <= page.frames.front().box.size.height);
}

TEST_CASE("with no font installed at all the text is an error, not a crash", "[pdf][itemize]") {
    fonts::CatalogOptions none;
    none.use_fontconfig = false;
    fonts::Catalog catalog(none);
    fonts::FaceLibrary library;
    fonts::FontResolver resolver(catalog, library);
    fonts::Shaper shaper;
    core::Diagnostics diags;
    Itemized p = itemize({TextSpan{"Hello", false, false, false, {}, 1, 1}},
                         {"en", "serif", false, false, "t.md", {}}, resolver, diags);
    CHECK(diags.has_errors());
    ParagraphShaper paragraphs(shaper);
    CHECK(paragraphs.shape(std::move(p), 10).segments.empty());
}
