// Right-to-left text through the real pdftotext: every line must come back in logical order,
// exactly as in the source once the invisible bidi controls are dropped. The writer aims its
// line ActualText at Poppler's reordering (extraction_order.cpp); these tests hold it to the
// installed Poppler rather than to a model of it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extraction_order.hpp"
#include "font_usage.hpp"
#include "pdf_text.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"

using broadside::test::without_bidi_controls;

using broadside::test::run_command;
using broadside::test::shell_quote;

namespace {

const std::string source_dir = BROADSIDE_SOURCE_DIR;

/// This test program's own folder (each test case runs in a program of its own under ctest).
std::string temp_dir() {
    return broadside::test::scratch_root().string();
}

/// Writes `markdown` to NAME.md, renders NAME.pdf with the real program and returns its path.
std::string render(const std::string& name, const std::string& markdown) {
    std::string md = temp_dir() + "/" + name + ".md";
    std::string pdf = temp_dir() + "/" + name + ".pdf";
    std::ofstream(md) << markdown;
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(md) + " -o " +
                         shell_quote(pdf));
    INFO(r.err);
    REQUIRE(r.status == 0);
    return pdf;
}


/// pdftotext's lines (form feeds and blank lines dropped), bidi controls removed.
std::vector<std::string> pdftotext_lines(const std::string& pdf, bool raw) {
    auto r = run_command(std::string("pdftotext ") + (raw ? "-raw " : "") + "-enc UTF-8 " +
                         shell_quote(pdf) + " -");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("\xEF\xBF\xBD") == std::string::npos);  // no U+FFFD
    std::vector<std::string> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        std::string clean = without_bidi_controls(line);
        std::erase(clean, '\f');
        if (!clean.empty()) lines.push_back(clean);
    }
    return lines;
}

// One paragraph per case, each short enough to stay on one line.
const std::vector<std::string> rtl_paragraphs = {
    "بۈگۈن بىز دوكلات ئېلان قىلدۇق. دوكلاتتا گۇۋاھلىق بار.",  // two sentences, "A. B"
    "بۇ كىتاب 2021-يىلى 350 نۇسخا بېسىلدى.",                  // digits
    "بۇ PDF ھۆججىتى HarfBuzz بىلەن ياسالدى.",                 // Latin words
    "ئاتا-ئانىلار نېمە دېدى؟",                                // hyphen; Arabic question mark
    "ياشىسۇن ئانا تىل!",                                      // ends in a neutral
    "20-ئۆكتەبىر، 2023 · ئايگۈل مەمەت",                       // starts with "20-", Arabic comma
    "«ئانا تىل» دېگەن سۆز: 3/4 قىسمى.",                       // guillemets, colon, slash
};

std::string paragraphs(const std::vector<std::string>& ps) {
    std::string md;
    for (const auto& p : ps) md += p + "\n\n";
    return md;
}

}  // namespace

TEST_CASE("pdftotext returns right-to-left lines in logical order on a right-to-left page",
          "[pdf][cli][rtl]") {
    std::string pdf = render("rtl-page", "---\ntitle: \"ئانا تىل\"\nlang: ug\n---\n\n" +
                                             paragraphs(rtl_paragraphs) + "## تەلەپلىرىمىز\n");
    std::vector<std::string> expected = {"ئانا تىل"};
    expected.insert(expected.end(), rtl_paragraphs.begin(), rtl_paragraphs.end());
    expected.push_back("تەلەپلىرىمىز");  // one word, all right-to-left letters
    expected.push_back("1");             // page number
    CHECK(pdftotext_lines(pdf, false) == expected);
}

TEST_CASE("pdftotext and pdftotext -raw return logical order on a left-to-right page",
          "[pdf][cli][rtl]") {
    // Enough English to make the page left-to-right for Poppler, the common case of a report
    // with a summary; -raw always reorders that way, so here both modes must agree.
    std::vector<std::string> ltr = {
        "This page is mostly English, so Poppler reads it from the left.",
        "The phrase ئانا تىل means mother tongue, as in Article 30.",
        "Two names: ئۇيغۇر and تىبەت, then a number 42.",
        "English words around enough letters to outweigh the Uyghur text.",
        "More English words around enough letters to outweigh the Uyghur.",
        "Still more English words so that the count of letters stays ahead.",
    };
    std::vector<std::string> all = ltr;
    all.insert(all.end(), rtl_paragraphs.begin(), rtl_paragraphs.end());
    std::string pdf = render("ltr-page", "---\ntitle: Mixed\n---\n\n" + paragraphs(all));
    std::vector<std::string> expected = {"Mixed"};
    expected.insert(expected.end(), all.begin(), all.end());
    expected.push_back("1");
    CHECK(pdftotext_lines(pdf, false) == expected);
    CHECK(pdftotext_lines(pdf, true) == expected);
}

TEST_CASE("every right-to-left line of the Uyghur sample comes out as laid out",
          "[pdf][cli][rtl]") {
    std::string md = source_dir + "/samples/archive/2023-10-20-uyghur-language-report.md";
    std::string pdf = temp_dir() + "/sample.pdf";
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(md) +
                         " --dump-layout -o " + shell_quote(pdf));
    INFO(r.err);
    REQUIRE(r.status == 0);
    // The logical text of each laid-out line with Arabic script (the sample quotes no '"').
    std::vector<std::string> rtl_lines, markers;
    std::istringstream dump(r.out);
    for (std::string line; std::getline(dump, line);) {
        if (line.find(" line [") == std::string::npos) continue;
        auto open = line.find('"'), close = line.rfind('"');
        if (open == std::string::npos || close <= open) continue;
        std::string text = line.substr(open + 1, close - open - 1);
        if (line.find(" line [marker]") != std::string::npos) markers.push_back(text);
        // UTF-8 lead bytes 0xD8..0xDB start the Arabic block, U+0600..U+06FF.
        if (std::any_of(text.begin(), text.end(), [](char c) {
                auto b = static_cast<unsigned char>(c);
                return b >= 0xD8 && b <= 0xDB;
            }))
            rtl_lines.push_back(text);
    }
    REQUIRE(rtl_lines.size() >= 10);
    for (bool raw : {false, true}) {
        auto got = pdftotext_lines(pdf, raw);
        for (const auto& want : rtl_lines) {
            INFO((raw ? "-raw: " : "") << want);
            // -raw follows the content stream, where a list marker on the same baseline comes
            // first; it prints "• " and then the line.
            CHECK(std::any_of(got.begin(), got.end(), [&](const std::string& g) {
                return g == want ||
                       std::any_of(markers.begin(), markers.end(),
                                   [&](const std::string& m) { return g == m + " " + want; });
            }));
        }
    }
}

namespace {

/// A minimal PDF in which every line draws "abc" in Helvetica inside an ActualText span that
/// holds the line's text (BMP characters only), one line every `leading` points down the page.
/// It feeds Poppler exact strings without going through the layout.
void write_span_pdf(const std::string& path, const std::vector<std::vector<std::u32string>>& pages,
                    int leading) {
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
    std::string kids;
    for (const auto& lines : pages) {
        std::string content;
        int y = 780;
        for (const auto& line : lines) {
            std::string hex = "FEFF";
            char buf[8];
            for (char32_t c : line) {
                std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
                hex += buf;
            }
            content += "BT /F1 10 Tf 72 " + std::to_string(y) + " Td /Span<</ActualText<" + hex +
                       ">>>BDC (abc) Tj EMC ET\n";
            y -= leading;
        }
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
                          content + "endstream");
        objects.push_back(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
            "/Font << /F1 3 0 R >> >> /Contents " +
            std::to_string(objects.size()) + " 0 R >>");
        kids += std::to_string(objects.size()) + " 0 R ";
    }
    objects[1] =
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
    std::string file = "%PDF-1.5\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(file.size());
        file += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = file.size();
    file += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        char row[24];
        std::snprintf(row, sizeof row, "%010zu 00000 n \n", off);
        file += row;
    }
    file += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
            " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    std::ofstream(path, std::ios::binary) << file;
}

/// pdftotext's output as pages of non-empty lines of code points, as it printed them.
std::vector<std::vector<std::u32string>> pdftotext_pages(const std::string& pdf, bool raw) {
    auto r = run_command(std::string("pdftotext ") + (raw ? "-raw " : "") + "-enc UTF-8 " +
                         shell_quote(pdf) + " -");
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::vector<std::vector<std::u32string>> pages(1);
    std::u32string line;
    for (char32_t c : broadside::pdf::utf8_to_u32(r.out)) {
        if (c == U'\n' || c == U'\f') {
            if (!line.empty()) pages.back().push_back(line);
            line.clear();
            if (c == U'\f') pages.emplace_back();
        } else {
            line += c;
        }
    }
    if (pages.back().empty()) pages.pop_back();
    return pages;
}

std::string utf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {  // the tests use the BMP only
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

/// `s` without the embedding controls Poppler adds (U+202A..U+202C) and, with `marks`, the
/// LRM/RLM marks the writer adds.
std::u32string visible(const std::u32string& s, bool marks = true) {
    std::u32string out;
    for (char32_t c : s)
        if ((c < 0x202A || c > 0x202C) && !(marks && (c == 0x200E || c == 0x200F))) out += c;
    return out;
}

}  // namespace

TEST_CASE("Poppler's bidi classes match the installed pdftotext", "[pdf][cli][rtl]") {
    // Each probed character between two Hebrew letters, then between two Latin ones, one span
    // per line. pdftotext -raw reverses a section of R and neutral characters, so the first
    // probe tells R-or-neutral from L-or-number; in the second only an R character opens a
    // right-to-left section (embedding controls around it).
    std::vector<char32_t> probed;
    for (char32_t c = 0x21; c < 0x7F; ++c) probed.push_back(c);
    for (char32_t c = 0xA0; c < 0x100; ++c) probed.push_back(c);
    for (char32_t c = 0x600; c < 0x700; ++c) probed.push_back(c);
    for (char32_t c = 0x2000; c < 0x2070; ++c)
        if (c < 0x2028 || (c > 0x202E && c < 0x2060)) probed.push_back(c);
    for (char32_t c = 0x3000; c < 0x3040; ++c) probed.push_back(c);
    const char32_t alef = 0x05D0, bet = 0x05D1;
    std::vector<std::vector<std::u32string>> pages;
    for (std::size_t i = 0; i < probed.size(); ++i) {
        if (i % 30 == 0) pages.emplace_back();
        pages.back().push_back({alef, probed[i], bet});
        pages.back().push_back({U'a', probed[i], U'a'});
    }
    std::string pdf = temp_dir() + "/classes.pdf";
    write_span_pdf(pdf, pages, 12);
    auto got = pdftotext_pages(pdf, true);
    REQUIRE(got.size() == pages.size());
    using broadside::pdf::PopplerClass;
    for (std::size_t i = 0; i < probed.size(); ++i) {
        const auto& lines = got[i / 30];
        REQUIRE(lines.size() == pages[i / 30].size());
        char32_t c = probed[i];
        bool reversed = visible(lines[2 * (i % 30)], false) == std::u32string{bet, c, alef};
        bool opens_rtl = lines[2 * (i % 30) + 1].find(U'\u202B') != std::u32string::npos;
        PopplerClass k = broadside::pdf::poppler_class(c);
        INFO("U+" << std::hex << static_cast<unsigned>(c));
        CHECK(reversed == (k == PopplerClass::rtl || k == PopplerClass::neutral));
        CHECK(opens_rtl == (k == PopplerClass::rtl));
    }
}

TEST_CASE("poppler_actual_text round-trips random mixes through the real pdftotext",
          "[pdf][cli][rtl]") {
    // Strings drawn from the characters that matter to Poppler's rule (R letters, L letters,
    // digits, number-like punctuation, neutrals), one per page. A second line far below, of
    // Latin or Hebrew letters, decides the page's direction; normal mode reorders by it.
    const std::u32string alphabet = U"ئۇبAbc19.,-:/ !()«»،؟·";
    std::uint32_t seed = 12345;
    auto next = [&seed](std::uint32_t n) {
        seed = seed * 1664525u + 1013904223u;  // a fixed LCG: the same strings every run
        return (seed >> 8) % n;
    };
    std::vector<std::u32string> inputs;
    while (inputs.size() < 150) {
        std::u32string s;
        for (std::uint32_t n = 2 + next(14); n > 0; --n) s += alphabet[next(alphabet.size())];
        // Real lines neither start nor end with a space; pdftotext treats a final '-' as a
        // hyphen to join, as for any line.
        if (s.front() == U' ' || s.back() == U' ' || s.back() == U'-') continue;
        inputs.push_back(s);
    }
    for (bool ltr_page : {true, false}) {
        INFO("ltr page " << ltr_page);
        std::vector<std::vector<std::u32string>> pages;
        const std::u32string weight(40, ltr_page ? U'a' : U'\u05D0');
        for (const auto& s : inputs)
            pages.push_back({broadside::pdf::poppler_actual_text(s, ltr_page), weight});
        std::string pdf = temp_dir() + "/random.pdf";
        write_span_pdf(pdf, pages, 300);
        auto got = pdftotext_pages(pdf, false);
        REQUIRE(got.size() == inputs.size());
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            REQUIRE_FALSE(got[i].empty());
            INFO("input " << utf8(inputs[i]));
            CHECK(visible(got[i].front()) == inputs[i]);
        }
    }
}
