// The page engine, asserted from the layout dump: widows, orphans, stranded headings, repeated
// table headers, footnotes on the page that refers to them, and whole documents whose PDF text
// equals the model's text.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "broadside/core/plain_text.hpp"
#include "broadside/core/reader.hpp"
#include "layout_text.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using namespace broadside;
using test::dump_text;
using test::DumpText;
using test::first_difference;
using test::letters;
using test::run_command;
using test::scratch_folder;
using test::shell_quote;

namespace {

const std::string program = BROADSIDE_BINARY;
const std::string source_dir = BROADSIDE_SOURCE_DIR;

/// One line of the body frame as the dump shows it.
struct DumpLine {
    std::string role;  ///< e.g. "paragraph 2/7"
    std::string text;
};

/// Body lines per page, in placement order, without footnotes, markers and furniture.
std::vector<std::vector<DumpLine>> body_lines(const std::string& dump) {
    std::vector<std::vector<DumpLine>> pages;
    std::istringstream in(dump);
    std::string line;
    static const std::regex item(R"(^    @\S+ line \[([^\]]*)\] r=\S+ (?:hyphen )?"(.*)\"$)");
    int frame = 0;
    while (std::getline(in, line)) {
        if (line.rfind("page ", 0) == 0) {
            pages.emplace_back();
            frame = 0;
        } else if (line.rfind("  frame ", 0) == 0) {
            ++frame;
        } else if (std::smatch m; frame == 1 && std::regex_match(line, m, item)) {
            std::string role = m[1];
            if (role.rfind("footnote", 0) == 0 || role == "marker") continue;
            pages.back().push_back({role, m[2]});
        }
    }
    return pages;
}

std::pair<int, int> position(const std::string& role) {  // "paragraph 2/7" -> {2, 7}
    auto space = role.rfind(' '), slash = role.rfind('/');
    return {std::stoi(role.substr(space + 1, slash - space - 1)),
            std::stoi(role.substr(slash + 1))};
}

bool starts(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

// Mixed content for about 200 pages: headings, paragraphs of 1 to 12 lines, lists, quotes,
// code, long tables and footnotes.
std::string long_document() {
    static const char* words[] = {"rights",     "defenders",      "detained",      "international",
                                  "law",        "accountability", "transnational", "repression",
                                  "report",     "organisations",  "government",    "freedom",
                                  "expression", "association",    "lawyers",       "families"};
    std::string md = "---\ntitle: Two hundred pages\nlang: en\n---\n\n";
    unsigned seed = 7;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) & 0xffff; };
    for (int section = 0; md.size() < 700000; ++section) {
        md += "## Section " + std::to_string(section) + "\n\n";
        for (int p = 0; p < 6; ++p) {
            int n = 5 + static_cast<int>(next() % 140);  // from one line to about twelve
            for (int w = 0; w < n; ++w) md += std::string(w ? " " : "") + words[next() % 16];
            if (p == 2 && section % 4 == 0) md += "[^n" + std::to_string(section) + "]";
            md += ".\n\n";
        }
        if (section % 4 == 0)
            md += "[^n" + std::to_string(section) + "]: A note for section " +
                  std::to_string(section) + ", at the foot of its page.\n\n";
        if (section % 5 == 1) md += "- first point\n- second point\n  - nested point\n\n";
        if (section % 7 == 2) md += "> A quoted passage that runs over a line or two of text.\n\n";
        if (section % 9 == 3) md += "```\ncode line one\ncode line two\ncode line three\n```\n\n";
        if (section % 11 == 5) {
            md += "| Year | Cases | Region |\n|---:|---:|:--|\n";
            for (int r = 0; r < 90; ++r)
                md += "| " + std::to_string(1990 + r) + " | " + std::to_string(next() % 1000) +
                      " | region " + std::to_string(r) + " |\n";
            md += "\n";
        }
    }
    return md;
}

}  // namespace

TEST_CASE("200 pages: no stranded heading, no widow or orphan, table headers repeat",
          "[pdf][pages]") {
    fs::path dir = scratch_folder("long");
    std::ofstream(dir / "long.md") << long_document();
    auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "long.md").string()) +
                         " --dump-layout -o " + shell_quote((dir / "long.pdf").string()));
    REQUIRE(r.status == 0);
    auto pages = body_lines(r.out);
    REQUIRE(pages.size() >= 200);
    int continued_tables = 0, split_paragraphs = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        INFO("page " << p + 1);
        const auto& lines = pages[p];
        if (lines.empty()) continue;  // a page of end notes only
        if (p + 1 < pages.size()) CHECK_FALSE(starts(lines.back().role, "heading"));
        const DumpLine& first = lines.front();
        const DumpLine& last = lines.back();
        if (starts(first.role, "paragraph")) {
            auto [k, n] = position(first.role);
            if (k > 1) {
                ++split_paragraphs;
                CHECK(k >= 3);      // at least two lines stayed behind
                CHECK(n - k >= 1);  // at least two lines came over
            }
        }
        if (starts(last.role, "paragraph") && p + 1 < pages.size()) {
            auto [k, n] = position(last.role);
            if (k < n) CHECK(k >= 2);
            if (k < n) CHECK(n - k >= 2);
        }
        // A table that goes on from the previous page starts with its header again, marked
        // as a repetition.
        if (p > 0 && starts(pages[p - 1].back().role, "table-") &&
            (starts(first.role, "table-") || starts(first.role, "repeated-table-"))) {
            ++continued_tables;
            CHECK(first.role == "repeated-table-header");
            CHECK(first.text.find("Year") != std::string::npos);
        }
    }
    CHECK(continued_tables >= 3);
    CHECK(split_paragraphs >= 10);
    auto check = run_command("qpdf --check " + shell_quote((dir / "long.pdf").string()));
    CHECK(check.status == 0);
    fs::remove_all(dir);
}

TEST_CASE("a footnote is set at the foot of the page that refers to it", "[pdf][pages]") {
    fs::path dir = scratch_folder("notes");
    std::string md;
    for (int i = 0; i < 90; ++i) {
        md += "Paragraph " + std::to_string(i) + " of plain text that fills the page a little.";
        if (i == 70) md += " Here is the reference marker[^x] in paragraph seventy.";
        md += "\n\n";
    }
    md += "[^x]: The footnote text sits at the foot of the page.\n";
    std::ofstream(dir / "notes.md") << md;
    auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "notes.md").string()) +
                         " --dump-layout");
    REQUIRE(r.status == 0);
    std::istringstream in(r.out);
    int page = 0, reference_page = 0, note_page = 0;
    double reference_y = 0, note_y = 0;
    for (std::string l; std::getline(in, l);) {
        if (starts(l, "page ")) ++page;
        static const std::regex at(R"(^    @[-0-9.]+,([-0-9.]+) line)");
        std::smatch m;
        if (!std::regex_search(l, m, at)) continue;
        if (l.find("reference marker") != std::string::npos) {
            reference_page = page;
            reference_y = std::stod(m[1]);
        }
        if (l.find("[footnote 1/1]") != std::string::npos &&
            l.find("The footnote text") != std::string::npos) {
            note_page = page;
            note_y = std::stod(m[1]);
        }
    }
    CHECK(page >= 2);
    CHECK(reference_page >= 2);
    CHECK(note_page == reference_page);
    CHECK(note_y > reference_y);
    fs::remove_all(dir);
}

TEST_CASE("the seed and every sample: model text = layout text = PDF text, outline, qpdf",
          "[pdf][pages]") {
    std::vector<std::string> inputs = {source_dir + "/tests/seed/000_76c02472bb265b5b.txt",
                                       source_dir + "/samples/letter.md",
                                       source_dir + "/tests/pdf/scripts.md"};
    for (const auto& e : fs::directory_iterator(source_dir + "/samples/archive"))
        if (e.path().extension() == ".md") inputs.push_back(e.path().string());
    std::sort(inputs.begin(), inputs.end());
    fs::path dir = scratch_folder("samples");
    for (const auto& input : inputs) {
        INFO(input);
        std::string pdf = (dir / "out.pdf").string();
        auto r = run_command(shell_quote(program) + " " + shell_quote(input) +
                             " --dump-layout -o " + shell_quote(pdf));
        REQUIRE(r.status == 0);
        core::Diagnostics diags;
        auto doc = core::read_document_file(input, diags);
        REQUIRE(doc);
        core::Document body = *doc, notes = *doc;
        std::erase_if(body.blocks, [](const core::Block& b) {
            return std::holds_alternative<core::FootnoteDefinition>(b.node);
        });
        std::erase_if(notes.blocks, [](const core::Block& b) {
            return !std::holds_alternative<core::FootnoteDefinition>(b.node);
        });
        DumpText layout = dump_text(r.out);
        CHECK(first_difference(letters(layout.body), letters(core::plain_text(body))) == "equal");
        CHECK(first_difference(letters(layout.footnotes), letters(core::plain_text(notes))) ==
              "equal");
        // -raw keeps the drawing order, which is the dump's: letters set zones side by side.
        auto text = run_command("pdftotext -raw " + shell_quote(pdf) + " -");
        REQUIRE(text.status == 0);
        CHECK(first_difference(letters(text.out), letters(layout.all)) == "equal");
        CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);
        bool has_headings = std::any_of(doc->blocks.begin(), doc->blocks.end(), [](const auto& b) {
            return std::holds_alternative<core::Heading>(b.node);
        });
        auto outline = run_command("qpdf --json --json-key=outlines " + shell_quote(pdf));
        if (has_headings) CHECK(outline.out.find("\"title\":") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("10,000 nested list items finish quickly, readable and valid", "[pdf][pages]") {
    fs::path dir = scratch_folder("nested");
    std::string deep, stairs;
    for (int i = 0; i < 10000; ++i) deep += "- ";
    deep += "leaf\n";
    for (int i = 0; i < 10000; ++i)
        stairs += std::string(static_cast<std::size_t>(2 * std::min(i, 40)), ' ') + "- item " +
                  std::to_string(i) + "\n";
    for (const auto& [name, md] : {std::pair{"deep", deep}, std::pair{"stairs", stairs}}) {
        INFO(name);
        std::ofstream(dir / (std::string(name) + ".md")) << md;
        std::string pdf = (dir / (std::string(name) + ".pdf")).string();
        auto start = std::chrono::steady_clock::now();
        auto r = run_command(shell_quote(program) + " " +
                             shell_quote((dir / (std::string(name) + ".md")).string()) +
                             " --dump-layout -o " + shell_quote(pdf));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
        REQUIRE(r.status == 0);
        CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);
        // Indentation stops at a third of the measure: every line keeps its words whole.
        static const std::regex item_line(R"re(line \[paragraph 1/1\] r=\S+ "item \d+")re");
        std::size_t lines = 0;
        for (std::sregex_iterator it(r.out.begin(), r.out.end(), item_line), end; it != end; ++it)
            ++lines;
        if (std::string(name) == "stairs") CHECK(lines == 10000);
    }
    fs::remove_all(dir);
}

TEST_CASE("a right-to-left list hangs its markers on the right", "[pdf][pages]") {
    fs::path dir = scratch_folder("rtl-list");
    std::ofstream(dir / "l.md")
        << "---\nlang: ug\n---\n- \xD8\xA6\xDB\x87\xD9\x8A\xD8\xBA\xDB\x87\xD8\xB1\n";
    auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                         " --dump-layout");
    REQUIRE(r.status == 0);
    // The bullet is a small drawn square.
    static const std::regex marker(R"(^    @([-0-9.]+),\S+ rule ([0-9.]+)x\2 )");
    static const std::regex item(R"(^    @([-0-9.]+),\S+ line \[paragraph 1/1\])");
    double marker_x = -1, item_x = -1;
    std::istringstream in(r.out);
    for (std::string l; std::getline(in, l);) {
        std::smatch m;
        if (std::regex_search(l, m, marker)) marker_x = std::stod(m[1]);
        if (std::regex_search(l, m, item)) item_x = std::stod(m[1]);
    }
    REQUIRE(marker_x >= 0);
    CHECK(marker_x > item_x);
    CHECK(marker_x > 400);  // in the indent on the right of the measure
    fs::remove_all(dir);
}
