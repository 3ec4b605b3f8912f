// Tables as boxes of the vertical list: column widths from content, alignment, wrapping, the
// header repeated on continuation pages, rows cut only when taller than a page, and a
// 1,000-column table in bounded time.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <sstream>

#include "broadside/core/reader.hpp"
#include "broadside/pdf/layout_dump.hpp"
#include "figure_table_fixture.hpp"
#include "table_layout.hpp"

using namespace broadside;
using namespace broadside::pdf;

namespace {

core::Table table_of(const std::string& markdown) {
    core::Diagnostics diags;
    auto doc = core::read_document_text(markdown, "t.md", diags);
    REQUIRE(doc);
    for (const auto& b : doc->blocks)
        if (const auto* t = std::get_if<core::Table>(&b.node)) return *t;
    FAIL("no table in the Markdown");
    return {};
}

/// The text lines of a box with their item position and the extent of their runs.
struct PlacedLine {
    std::string text, role;
    double x = 0, left = 0, right = 0;
};

std::vector<PlacedLine> lines_of(const VBox& box) {
    std::vector<PlacedLine> out;
    for (const auto& [at, item] : box.items)
        if (const auto* line = std::get_if<TextLine>(&item)) {
            PlacedLine p{line->text, line->role, at.x, 1e9, -1e9};
            for (const auto& [pos, run] : line->runs) {
                p.left = std::min(p.left, pos.x);
                p.right = std::max(p.right, pos.x + run.width());
            }
            out.push_back(p);
        }
    return out;
}

const PlacedLine& line_with(const std::vector<PlacedLine>& lines, const std::string& text) {
    for (const auto& l : lines)
        if (l.text == text) return l;
    FAIL("no line " << text);
    return lines.front();
}

const std::string small_table =
    "| Name | Amount | Note |\n"
    "|:-----|-------:|:----:|\n"
    "| Alice | 12 | short |\n"
    "| Bob | 1,234,567 | a much longer note that cannot stay on one line, because the three "
    "columns of this table would then be far wider than the text of the page, so it wraps |\n";

}  // namespace

TEST_CASE("table columns take their widths from the content and wrap only the long cell",
          "[pdf][table]") {
    test::SetterFixture f;
    VerticalList out;
    layout_table(table_of(small_table), 10, f.body_width() - 10, f.setter, f.style, 7, out);
    CHECK(f.diags.empty());
    REQUIRE(out.size() == 3);
    CHECK(out[0].dump_label == "table-header");
    CHECK(out[0].metrics.repeat_header);
    CHECK(out[1].dump_label == "table-row");
    CHECK_FALSE(out[1].metrics.break_before);  // the header keeps the first row
    CHECK(out[2].metrics.break_before);
    for (const auto& box : out) CHECK(box.metrics.group == 7);

    auto header = lines_of(out[0]);
    auto alice = lines_of(out[1]);
    auto bob = lines_of(out[2]);
    CHECK(line_with(header, "Name").role == "table-header");
    CHECK(line_with(alice, "Alice").role == "table-row 1/2");
    CHECK(line_with(bob, "Bob").role == "table-row 2/2");

    // Column starts: the first at the left edge plus padding; the short columns keep their
    // natural widths and the note column takes the rest.
    double name_x = line_with(header, "Name").x;
    double amount_x = line_with(alice, "12").x;
    double note_x = line_with(alice, "short").x;
    CHECK(name_x == Approx(14));
    CHECK(amount_x > name_x);
    CHECK(note_x > amount_x);
    CHECK(note_x - amount_x ==
          Approx(line_with(bob, "1,234,567").right - line_with(bob, "1,234,567").left + 8)
              .margin(0.01));
    // Only the note wraps, and every line stays inside the table.
    CHECK(bob.size() > 4);
    for (const auto& l : bob) CHECK(l.right <= f.body_width() + 0.01);
    // Right alignment: both amounts end at the same x; centred: "short" sits mid-column.
    CHECK(line_with(alice, "12").right == Approx(line_with(bob, "1,234,567").right).margin(0.01));
    const auto& shrt = line_with(alice, "short");
    double note_right = f.body_width() - 4;
    CHECK((shrt.left + shrt.right) / 2 == Approx((note_x + note_right) / 2).margin(0.5));
    // Rules: above and below the header, under each row; the last one thicker.
    int header_rules = 0;
    for (const auto& [at, item] : out[0].items) header_rules += std::holds_alternative<Rule>(item);
    CHECK(header_rules == 2);
}

TEST_CASE("a narrow table keeps its natural width", "[pdf][table]") {
    test::SetterFixture f;
    VerticalList out;
    layout_table(table_of("| a | b |\n|---|---|\n| 1 | 2 |\n"), 0, f.body_width(), f.setter,
                 f.style, 1, out);
    REQUIRE(out.size() == 2);
    double rule_width = 0;
    for (const auto& [at, item] : out[1].items)
        if (const auto* rule = std::get_if<Rule>(&item)) rule_width = rule->size.width;
    CHECK(rule_width > 20);
    CHECK(rule_width < 60);
}

TEST_CASE("a long table repeats its header at the top of each continuation page", "[pdf][table]") {
    test::SetterFixture f;
    std::string md = "| Number | Name | Remark |\n|---:|---|---|\n";
    for (int i = 1; i <= 150; ++i)
        md += "| " + std::to_string(i) + " | person " + std::to_string(i) + " | " +
              (i % 10 == 0 ? "a remark long enough to wrap onto a second line of the cell, and "
                             "perhaps a third one, depending on the width of the column"
                           : "—") +
              " |\n";
    VerticalList out;
    layout_table(table_of(md), 0, f.body_width(), f.setter, f.style, 3, out);
    Layout layout = f.pages(out);
    REQUIRE(layout.pages.size() >= 3);
    std::string dump = dump_layout(layout);
    // Each page's first body line is the header, and every row is whole on one page.
    int pages = 0;
    std::map<std::string, int> row_pages;
    int page = 0;
    std::istringstream in(dump);
    bool first_line = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("page ", 0) == 0) {
            ++page;
            first_line = true;
            continue;
        }
        auto role = line.find(" line [");
        if (role == std::string::npos) continue;
        std::string name = line.substr(role + 7, line.find(']', role) - role - 7);
        if (first_line) {
            CHECK(name == "table-header");
            ++pages;
        }
        first_line = false;
        if (name.rfind("table-row", 0) == 0) {
            auto [it, fresh] = row_pages.emplace(name, page);
            CHECK(it->second == page);
        }
    }
    CHECK(pages == static_cast<int>(layout.pages.size()));
    CHECK(row_pages.size() == 150);
}

TEST_CASE("a row taller than a page is cut between lines", "[pdf][table]") {
    test::SetterFixture f;
    std::string text;
    for (int i = 0; i < 900; ++i) text += "word" + std::to_string(i) + " ";
    VerticalList out;
    layout_table(table_of("| key | text |\n|---|---|\n| long | " + text + "|\n"), 0, f.body_width(),
                 f.setter, f.style, 1, out);
    REQUIRE(out.size() > 3);
    std::size_t lines = 0;
    for (std::size_t i = 1; i < out.size(); ++i) {
        CHECK(out[i].dump_label == "table-row");
        CHECK(out[i].metrics.height <= f.body_height() + 1e-6);
        for (const auto& l : lines_of(out[i])) {
            ++lines;
            CHECK(l.right > 0);
        }
        for (const auto& [at, item] : out[i].items) {
            CHECK(at.y >= -1e-6);
            CHECK(at.y <= out[i].metrics.height + 1e-6);
        }
    }
    CHECK(lines > 100);
    Layout layout = f.pages(out);
    CHECK(layout.pages.size() == out.size() - 1);
}

TEST_CASE("a 1,000-column table finishes quickly, squeezed, with a warning", "[pdf][table]") {
    test::SetterFixture f;
    std::string head = "|", rule = "|", row = "|";
    for (int c = 0; c < 1000; ++c) {
        head += " h" + std::to_string(c) + " |";
        rule += "---|";
        row += " cell" + std::to_string(c) + " |";
    }
    std::string md = head + "\n" + rule + "\n" + row + "\n" + row + "\n";
    core::Table table = table_of(md);
    REQUIRE(table.alignments.size() == 1000);
    auto start = std::chrono::steady_clock::now();
    VerticalList out;
    layout_table(table, 0, f.body_width(), f.setter, f.style, 1, out);
    Layout layout = f.pages(out);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 5);
    REQUIRE(f.diags.items().size() == 1);
    CHECK(f.diags.items()[0].severity == core::Severity::warning);
    CHECK(f.diags.items()[0].line == 1);
    CHECK(f.diags.items()[0].message.find("1000 columns") != std::string::npos);
    CHECK(out.size() == 3);
    for (const auto& [at, item] : out[0].items)
        if (const auto* r = std::get_if<Rule>(&item)) CHECK(r->size.width <= f.body_width() + 1e-6);
}

TEST_CASE("a Uyghur table runs right to left, its first column on the right", "[pdf][table]") {
    test::SetterFixture f;
    VerticalList out;
    layout_table(table_of("| ئىسىم | يىل |\n|---|---|\n| ئەخمەت | 2021 |\n"), 0, f.body_width(),
                 f.setter, f.style, 1, out);
    CHECK(f.diags.empty());
    REQUIRE(out.size() == 2);
    auto row = lines_of(out[1]);
    const auto& name = line_with(row, "ئەخمەت");
    const auto& year = line_with(row, "2021");
    CHECK(name.left > year.right);                                 // first column rightmost
    CHECK(name.right == Approx(f.body_width() - 4).margin(0.01));  // flush right, padded
}

TEST_CASE("footnote references in cells are reported per row box", "[pdf][table]") {
    test::SetterFixture f;
    VerticalList out;
    std::vector<std::vector<int>> notes;
    layout_table(
        table_of("| Case | Source[^a] |\n|---|---|\n| one | report[^b] |\n| two | none |\n\n"
                 "[^a]: Where the sources come from.\n[^b]: The 2021 report.\n"),
        0, f.body_width(), f.setter, f.style, 1, out, &notes);
    REQUIRE(out.size() == 3);
    CHECK(notes == std::vector<std::vector<int>>{{1}, {2}, {}});
}
