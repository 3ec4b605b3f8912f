// The paragraph engine: Knuth–Plass against greedy breaking, hyphenation, kinsoku, justification,
// right-to-left alignment, pathological words, and the inline looks (strike, superscript).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "broadside/pdf/layout_dump.hpp"
#include "broadside/pdf/line_breaker.hpp"
#include "broadside/pdf/pdf_writer.hpp"
#include "hyphenator.hpp"
#include "scratch_folder.hpp"
#include "text_setter.hpp"

using namespace broadside;
using namespace broadside::pdf;

namespace {

// 112 words of the Grimms' "Frog King": ordinary prose, no markup.
const std::string frog_king =
    "In olden times when wishing still helped one, there lived a king whose daughters were all "
    "beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, "
    "was astonished whenever it shone in her face. Close by the king's castle lay a great dark "
    "forest, and under an old lime-tree in the forest was a well, and when the day was very "
    "warm, the king's child went out into the forest and sat down by the side of the cool "
    "fountain; and when she was bored she took a golden ball, and threw it up on high and "
    "caught it; and this ball was her favorite plaything.";

struct Setter {
    fonts::Catalog catalog;
    fonts::FaceLibrary library;
    fonts::FontResolver resolver{catalog, library};
    fonts::Shaper shaper;
    TextServices services{resolver, shaper};
    styles::Style style;
    core::Diagnostics diags;

    SetParagraph set(const LineBreaker& breaker, std::vector<TextSpan> spans, double width,
                     TextAlign align, const std::string& lang = "en", double indent = 0) {
        TextSetter setter(style, services, breaker, lang, "t.md", diags);
        return setter.set(std::move(spans), style.body, width, indent, align);
    }
};

TextSpan plain(std::string text) {
    TextSpan s;
    s.text = std::move(text);
    return s;
}

/// The paragraph's lines stacked in one frame, as `--dump-layout` prints a page.
Layout stacked(const SetParagraph& para) {
    Frame frame;
    double y = 0;
    for (const auto& line : para.lines) {
        for (auto item : line.items) {
            item.first.y += y;
            if (auto* text = std::get_if<TextLine>(&item.second))
                for (auto& run : text->runs) run.first.y += y;
            frame.items.push_back(std::move(item));
        }
        y += line.height;
    }
    Page page;
    page.size = Size{595.28, 841.89};
    page.frames.push_back(std::move(frame));
    Layout layout;
    layout.pages.push_back(std::move(page));
    return layout;
}

/// The `r=` values of the dump's lines, in order.
std::vector<double> dumped_ratios(const std::string& dump) {
    std::vector<double> out;
    std::istringstream in(dump);
    for (std::string row; std::getline(in, row);) {
        auto at = row.find(" line ");
        auto r = row.find("r=", at == std::string::npos ? row.size() : at);
        if (at != std::string::npos && r != std::string::npos)
            out.push_back(std::stod(row.substr(r + 2)));
    }
    return out;
}

const TextLine& text_line(const SetLine& line) {
    for (const auto& [at, item] : line.items)
        if (const auto* t = std::get_if<TextLine>(&item)) return *t;
    FAIL("a set line without text");
    throw;
}

/// Left and right ends of a line's ink boxes (glyph advances), in the line's coordinates.
std::pair<double, double> extent(const SetLine& line) {
    double left = 1e9, right = -1e9;
    for (const auto& [at, run] : text_line(line).runs) {
        left = std::min(left, at.x);
        right = std::max(right, at.x + run.width());
    }
    return {left, right};
}

std::string first_code_point(const std::string& s) {
    std::size_t n = 1;
    while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
    return s.substr(0, n);
}

std::string last_code_point(const std::string& s) {
    std::size_t n = s.size();
    while (n > 0 && (static_cast<unsigned char>(s[n - 1]) & 0xC0) == 0x80) --n;
    return s.substr(n == 0 ? 0 : n - 1);
}

std::string collapse_whitespace(const std::string& s) {
    std::string out;
    for (char c : s) {
        bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

TEST_CASE("Knuth–Plass leaves no loose line where greedy breaking does", "[pdf][paragraph]") {
    Setter s;
    GreedyLineBreaker greedy;
    KnuthPlassLineBreaker total_fit;
    const double width = 350;
    std::string greedy_dump =
        dump_layout(stacked(s.set(greedy, {plain(frog_king)}, width, TextAlign::justify)));
    std::string kp_dump =
        dump_layout(stacked(s.set(total_fit, {plain(frog_king)}, width, TextAlign::justify)));
    INFO(greedy_dump);
    INFO(kp_dump);
    auto greedy_r = dumped_ratios(greedy_dump);
    auto kp_r = dumped_ratios(kp_dump);
    REQUIRE(greedy_r.size() > 5);
    REQUIRE(kp_r.size() > 5);
    CHECK(greedy_r.back() == 0);  // the last line keeps its natural width
    CHECK(kp_r.back() == 0);
    greedy_r.pop_back();
    kp_r.pop_back();
    CHECK(*std::max_element(greedy_r.begin(), greedy_r.end()) > 1);
    CHECK(*std::max_element(kp_r.begin(), kp_r.end()) < 1);
    CHECK(*std::min_element(kp_r.begin(), kp_r.end()) >= -1);
}

TEST_CASE("a word hyphenated at a line end splits where the dictionary allows",
          "[pdf][paragraph]") {
    Setter s;
    KnuthPlassLineBreaker total_fit;
    const std::string text =
        "Typesetting incomprehensibilities demands internationalization, characterization and "
        "extraordinarily considerate hyphenation of unquestionably troublesome vocabulary.";
    auto hyphenator = Hyphenator::for_language("en");
    REQUIRE(hyphenator);
    int hyphenated = 0;
    for (double width = 120; width <= 200; width += 10) {
        SetParagraph para = s.set(total_fit, {plain(text)}, width, TextAlign::justify);
        std::string dump = dump_layout(stacked(para));
        for (std::size_t n = 0; n + 1 < para.lines.size(); ++n) {
            if (!para.lines[n].hyphenated) continue;
            ++hyphenated;
            const std::string& line = text_line(para.lines[n]).text;
            const std::string& next = text_line(para.lines[n + 1]).text;
            INFO(dump);
            CHECK(dump.find(" hyphen \"" + line) != std::string::npos);
            REQUIRE(line.back() == '-');
            std::string head = line.substr(line.rfind(' ') + 1);
            head.pop_back();
            std::string tail = next.substr(0, next.find_first_of(" ,."));
            std::string word = head + tail;
            CHECK(text.find(word) != std::string::npos);
            auto points = hyphenator->points(word);
            CHECK(std::find(points.begin(), points.end(), head.size()) != points.end());
        }
    }
    CHECK(hyphenated > 0);
}

TEST_CASE("pdftotext joins a word hyphenated at a line end", "[pdf][paragraph]") {
    Setter s;
    KnuthPlassLineBreaker total_fit;
    const std::string text =
        "Typesetting incomprehensibilities demands internationalization, characterization and "
        "extraordinarily considerate hyphenation of unquestionably troublesome vocabulary.";
    SetParagraph para = s.set(total_fit, {plain(text)}, 130, TextAlign::justify);
    REQUIRE(std::any_of(para.lines.begin(), para.lines.end(),
                        [](const SetLine& l) { return l.hyphenated; }));
    Layout layout = stacked(para);
    for (auto& frame : layout.pages.front().frames) frame.box = {{72, 72}, {130, 600}};
    core::Diagnostics diags;
    auto bytes = render_pdf(layout, {}, diags, "t.md");
    REQUIRE(bytes);
    auto path = broadside::test::scratch_root() / "hyphen.pdf";
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes->data()),
               static_cast<std::streamsize>(bytes->size()));
    std::string extracted;
    FILE* pipe = popen(("pdftotext -enc UTF-8 '" + path.string() + "' -").c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        extracted.append(buffer, n);
    CHECK(pclose(pipe) == 0);
    std::filesystem::remove(path);
    // Poppler drops a hyphen that ends a line and joins the word's halves.
    CHECK(collapse_whitespace(extracted) == text);
}

TEST_CASE("kinsoku: no CJK line starts with closing or ends with opening punctuation",
          "[pdf][paragraph]") {
    Setter s;
    KnuthPlassLineBreaker total_fit;
    const std::string text =
        "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。"
        "「人人有资格享受本宣言所载的一切权利和自由」，不分种族、肤色、性别、语言、宗教、政治或其他"
        "见"
        "解、国籍或社会出身、财产、出生或其他身分等任何区别。";
    const std::vector<std::string> closing{"。", "，", "、", "」", "）", "！", "？", "；", "："};
    for (double width = 100; width <= 260; width += 7) {
        SetParagraph para = s.set(total_fit, {plain(text)}, width, TextAlign::justify, "zh-Hans");
        REQUIRE(para.lines.size() > 1);
        for (std::size_t n = 0; n < para.lines.size(); ++n) {
            const std::string& line = text_line(para.lines[n]).text;
            INFO("width " << width << " line " << n << ": " << line);
            CHECK(std::find(closing.begin(), closing.end(), first_code_point(line)) ==
                  closing.end());
            CHECK(last_code_point(line) != "「");
            if (n + 1 < para.lines.size()) {
                // Justified Chinese fills the measure by spacing the ideographs.
                auto [left, right] = extent(para.lines[n]);
                CHECK(right - left == Approx(width).margin(0.01));
            }
        }
    }
}

TEST_CASE("right-to-left lines end at the right edge, justified or ragged", "[pdf][paragraph]") {
    Setter s;
    KnuthPlassLineBreaker total_fit;
    std::string text;
    for (int i = 0; i < 6; ++i) text += "ئۇيغۇر تىلى تۈركىي تىللار ئائىلىسىگە مەنسۇپ بىر تىل. ";
    text.pop_back();
    const double width = 220;
    for (TextAlign align : {TextAlign::justify, TextAlign::start}) {
        SetParagraph para = s.set(total_fit, {plain(text)}, width, align, "ug");
        CHECK(para.rtl);
        REQUIRE(para.lines.size() > 2);
        int ragged = 0;  // lines that do not reach the left edge
        for (std::size_t n = 0; n < para.lines.size(); ++n) {
            auto [left, right] = extent(para.lines[n]);
            CHECK(right == Approx(width).margin(0.01));
            CHECK(left > -0.01);
            if (align == TextAlign::justify && n + 1 < para.lines.size())
                CHECK(left == Approx(0).margin(0.01));
            ragged += left > 1;
        }
        // Ragged lines are never stretched (they shrink when they must, like justified ones).
        CHECK(ragged >= (align == TextAlign::justify ? 1 : 2));
    }
}

TEST_CASE("justified lines fill their width within 0.01 pt and ragged ones keep their spaces",
          "[pdf][paragraph]") {
    Setter s;
    KnuthPlassLineBreaker total_fit;
    const double indent = 15;
    for (double width = 200; width <= 440; width += 40) {
        SetParagraph para =
            s.set(total_fit, {plain(frog_king)}, width, TextAlign::justify, "en", indent);
        REQUIRE(para.lines.size() > 2);
        for (std::size_t n = 0; n + 1 < para.lines.size(); ++n) {
            auto [left, right] = extent(para.lines[n]);
            INFO("width " << width << " line " << n);
            CHECK(left == Approx(n == 0 ? indent : 0).margin(0.001));
            CHECK(right == Approx(width).margin(0.01));
        }
        auto [left, right] = extent(para.lines.back());
        CHECK(right < width);  // the last line is not stretched
    }
    SetParagraph ragged = s.set(total_fit, {plain(frog_king)}, 300, TextAlign::start);
    int short_lines = 0;
    for (const auto& line : ragged.lines) short_lines += extent(line).second < 299;
    CHECK(short_lines > 1);
}

TEST_CASE("a 100,000-character word ends in bounded time on one overfull line",
          "[pdf][paragraph]") {
    Setter s;
    KnuthPlassLineBreaker total_fit;
    std::string text = "A word: " + std::string(100000, 'x') + " ends here.";
    auto start = std::chrono::steady_clock::now();
    SetParagraph para = s.set(total_fit, {plain(text)}, 300, TextAlign::justify);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 5);
    REQUIRE(para.lines.size() >= 2);
    int overfull = 0;
    for (const auto& line : para.lines) overfull += extent(line).second > 300;
    CHECK(overfull == 1);
}

TEST_CASE("struck-through text gets a rule through it in the text colour", "[pdf][paragraph]") {
    Setter s;
    KnuthPlassLineBreaker total_fit;
    TextSpan struck = plain("struck words");
    struck.strike = true;
    SetParagraph para =
        s.set(total_fit, {plain("Plain and "), struck, plain(" again.")}, 400, TextAlign::start);
    REQUIRE(para.lines.size() == 1);
    const SetLine& line = para.lines.front();
    const Rule* rule = nullptr;
    Point rule_at;
    for (const auto& [at, item] : line.items)
        if (const auto* r = std::get_if<Rule>(&item)) {
            rule = r;
            rule_at = at;
        }
    REQUIRE(rule);
    const auto& c = s.style.body.color;
    CHECK(rule->fill == Rgb{c.r, c.g, c.b});
    for (const auto& [at, run] : text_line(line).runs) {
        if (run.text != "struck words") continue;
        CHECK(rule_at.x == Approx(at.x));
        CHECK(rule->size.width == Approx(run.width()));
        // Through the middle of the lowercase letters, above the baseline.
        CHECK(rule_at.y < at.y - 0.2 * run.size);
        CHECK(rule_at.y > at.y - 0.4 * run.size);
    }
}

TEST_CASE("a footnote reference is smaller, raised, and listed on its line", "[pdf][paragraph]") {
    Setter s;
    KnuthPlassLineBreaker total_fit;
    TextSpan mark = plain("1");
    mark.superscript = true;
    mark.footnote = 1;
    SetParagraph para =
        s.set(total_fit, {plain("A claim"), mark, plain(" and more text.")}, 400, TextAlign::start);
    REQUIRE(para.lines.size() == 1);
    CHECK(para.lines.front().footnotes == std::vector<int>{1});
    const TextLine& line = text_line(para.lines.front());
    CHECK(line.text == "A claim1 and more text.");
    REQUIRE(line.runs.size() == 3);
    const auto& [at, run] = line.runs[1];
    CHECK(run.text == "1");
    CHECK(run.size == Approx(s.style.body.size * superscript_scale));
    CHECK(at.y == Approx(line.runs[0].first.y - s.style.body.size * superscript_raise));
}

TEST_CASE("a line ending in a hard break keeps its natural width in justified text",
          "[pdf][paragraph]") {
    Setter s;
    KnuthPlassLineBreaker total_fit;
    SetParagraph para = s.set(total_fit, {plain("A short line"), plain("\n"), plain(frog_king)},
                              300, TextAlign::justify);
    REQUIRE(para.lines.size() > 3);
    CHECK(text_line(para.lines[0]).text == "A short line");
    CHECK(para.lines[0].ratio == 0);
    CHECK(extent(para.lines[0]).second < 100);
    CHECK(extent(para.lines[1]).second == Approx(300).margin(0.01));
}
