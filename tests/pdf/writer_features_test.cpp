// The writer's images, links to headings and page labels, checked in the PDF with the real
// tools (qpdf, pdfimages). A missing tool fails the test.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "broadside/core/reader.hpp"
#include "broadside/pdf/layout_dump.hpp"
#include "broadside/pdf/pdf_writer.hpp"
#include "figure_layout.hpp"
#include "figure_table_fixture.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"
#include "table_layout.hpp"

using namespace broadside;
using namespace broadside::pdf;
using test::run_command;
using test::shell_quote;

namespace {

const std::string inputs = std::string(BROADSIDE_SOURCE_DIR) + "/tests/pdf/inputs";

std::string scratch_file(const std::string& name) {
    return (test::scratch_root() / name).string();
}

/// Renders `layout` to a file and checks it with qpdf; returns the path.
std::string write_pdf(const Layout& layout, const std::string& name, core::Diagnostics& diags) {
    auto bytes = render_pdf(layout, DocumentInfo{}, diags, "t.md");
    REQUIRE(bytes);
    std::string path = scratch_file(name);
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes->data()),
               static_cast<std::streamsize>(bytes->size()));
    auto check = run_command("qpdf --check " + shell_quote(path));
    INFO(check.out << check.err);
    CHECK(check.status == 0);
    CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);
    return path;
}

/// The PDF rewritten as QDF (uncompressed, one object per line group), for grepping objects;
/// written to `pdf`.qdf so object numbers agree with other qpdf calls on that file.
std::string qdf_text(const std::string& pdf) {
    auto r = run_command("qpdf --qdf --object-streams=disable " + shell_quote(pdf) + " " +
                         shell_quote(pdf + ".qdf"));
    REQUIRE(r.status == 0);
    return test::read_file(pdf + ".qdf");
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

/// A page of the default style with the given body items.
Page page_with(const styles::Style& style, std::vector<std::pair<Point, Item>> items) {
    Page page{Size{style.page_width, style.page_height}, {}, {}};
    page.frames.push_back(
        Frame{Rect{Point{style.margin_left, style.margin_top},
                   Size{style.page_width - style.margin_left - style.margin_right,
                        style.page_height - style.margin_top - style.margin_bottom}},
              std::move(items)});
    return page;
}

}  // namespace

TEST_CASE("figures and a table render, and each image file is embedded once",
          "[pdf][writer-features]") {
    test::SetterFixture f;
    core::ResourcePolicy policy(inputs);
    VerticalList list;
    auto add_figure = [&](const std::string& source, const std::string& alt) {
        layout_figure(core::Image{source, "", alt}, core::SourceSpan{1, 1, 1, 1}, 0, f.body_width(),
                      f.body_height(), f.setter, policy, inputs, list);
        list.back().metrics.space_before = 0;
    };
    add_figure("wide.png", "A PNG scaled to the text width");
    add_figure("wide.jpg", "A JPEG scaled to the text width");
    add_figure("missing.png", "The placeholder of a missing image");
    add_figure("wide.png", "The same PNG again");
    add_figure("scrambled.png", "Pixel data that does not decode");
    core::Diagnostics diags;
    auto doc = core::read_document_text(
        "| Country | Cases | Remarks |\n|:--|--:|:-:|\n| Norway | 12 | none |\n"
        "| Kazakhstan | 1,204 | transnational repression of relatives abroad, reported by "
        "several organisations over three years |\n",
        "t.md", diags);
    REQUIRE(doc);
    layout_table(std::get<core::Table>(doc->blocks.at(0).node), 0, f.body_width(), f.setter,
                 f.style, 1, list);
    Layout layout = f.pages(list);
    REQUIRE(f.diags.items().size() == 1);  // the missing file

    core::Diagnostics writer_diags;
    std::string pdf = write_pdf(layout, "figures.pdf", writer_diags);
    // The scrambled PNG passes the header check but not decoding: left out with a warning,
    // and the job goes on.
    REQUIRE(writer_diags.items().size() == 1);
    CHECK(writer_diags.items()[0].severity == core::Severity::warning);
    CHECK(writer_diags.items()[0].message.find("scrambled.png") != std::string::npos);

    auto list_images = run_command("pdfimages -list " + shell_quote(pdf));
    REQUIRE(list_images.status == 0);
    INFO(list_images.out);
    // page num type width height color comp bpc enc interp object ID …
    static const std::regex row(
        R"(^\s*(\d+)\s+\d+\s+image\s+(\d+)\s+(\d+)\s+\S+\s+\d+\s+\d+\s+(\S+)\s+\S+\s+(\d+))");
    std::set<std::string> objects;
    std::vector<std::string> sizes;
    std::istringstream in(list_images.out);
    for (std::string line; std::getline(in, line);)
        if (std::smatch m; std::regex_search(line, m, row)) {
            sizes.push_back(std::string(m[2]) + "x" + std::string(m[3]) + " " + std::string(m[4]));
            objects.insert(m[5]);
        }
    CHECK(sizes == std::vector<std::string>{"800x400 image", "900x300 jpeg", "800x400 image"});
    CHECK(objects.size() == 2);
}

TEST_CASE("a link to #id goes to that heading's destination, even on a later page",
          "[pdf][writer-features]") {
    const auto& style = test::default_style();
    Layout layout;
    layout.pages.push_back(
        page_with(style, {{Point{0, 20}, Link{Size{80, 12}, "#results"}},
                          {Point{0, 30}, Link{Size{80, 12}, "#caf%C3%A9"}},
                          {Point{0, 40}, Link{Size{80, 12}, "#no-such-heading"}},
                          {Point{0, 52}, Link{Size{30, 12}, "#no-such-heading"}},
                          {Point{0, 60}, Link{Size{80, 12}, "https://example.org/"}}}));
    layout.pages.push_back(page_with(style, {{Point{0, 100}, Anchor{"results", "Results", 1}},
                                             {Point{0, 200}, Anchor{"café", "Café", 2}}}));
    core::Diagnostics diags;
    std::string pdf = write_pdf(layout, "links.pdf", diags);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message.find("#no-such-heading") != std::string::npos);
    std::string text = qdf_text(pdf);
    CHECK(count(text, "/Subtype /Link") == 3);  // #no-such-heading is left out
    CHECK(count(text, "/URI (https://example.org/)") == 1);
    // The internal link's destination is the second page, scrolled to the heading.
    std::smatch m;
    REQUIRE(std::regex_search(text, m, std::regex(R"(/Dest (\d+) 0 R)")));
    std::smatch dest;
    REQUIRE(std::regex_search(text, dest,
                              std::regex("\n" + std::string(m[1]) +
                                         R"( 0 obj\s*\[\s*(\d+) 0 R\s*/FitH\s*([\d.]+)\s*\])")));
    auto pages = run_command("qpdf --show-pages " + shell_quote(pdf + ".qdf"));
    REQUIRE(pages.status == 0);
    CHECK(pages.out.find("page 2: " + std::string(dest[1]) + " 0 R") != std::string::npos);
    CHECK(std::stod(dest[2]) == Approx(style.page_height - style.margin_top - 100).margin(0.01));
}

TEST_CASE("page labels restart where a page says so, with a Unicode prefix",
          "[pdf][writer-features]") {
    const auto& style = test::default_style();
    Layout layout;
    for (int i = 0; i < 5; ++i) layout.pages.push_back(page_with(style, {}));
    layout.pages[2].label = PageLabel{1, "Brief-"};
    layout.pages[4].label = PageLabel{7, "Ü "};
    CHECK(dump_layout(layout).find("page 3 595.28x841.89 label \"Brief-\"1\n") !=
          std::string::npos);
    core::Diagnostics diags;
    std::string pdf = write_pdf(layout, "labels.pdf", diags);
    CHECK(diags.empty());
    auto r = run_command("qpdf --json --json-key=pagelabels " + shell_quote(pdf));
    REQUIRE(r.status == 0);
    std::string json = r.out;
    std::erase_if(json, [](char c) { return c == ' ' || c == '\n'; });
    INFO(r.out);
    CHECK(json.find(R"({"index":0,"label":{"/S":"/D","/St":1}})") != std::string::npos);
    CHECK(json.find(R"({"index":2,"label":{"/P":"u:Brief-","/S":"/D","/St":1}})") !=
          std::string::npos);
    CHECK(json.find(R"({"index":4,"label":{"/P":"u:Ü","/S":"/D","/St":7}})") != std::string::npos);
    // Without labels the catalog has no PageLabels at all.
    layout.pages[2].label.reset();
    layout.pages[4].label.reset();
    CHECK(qdf_text(write_pdf(layout, "no-labels.pdf", diags)).find("/PageLabels") ==
          std::string::npos);
}

TEST_CASE("a long table's pages each start with its header in the PDF text",
          "[pdf][writer-features]") {
    test::SetterFixture f;
    std::string md = "| No. | Name | Remark |\n|---:|:--|:-:|\n";
    for (int i = 1; i <= 90; ++i)
        md += "| " + std::to_string(i) + " | person " + std::to_string(i) + " | " +
              (i % 7 == 0 ? "a remark long enough to wrap onto a second line of its cell, as "
                            "remarks in reports of this kind often do"
                          : "seen") +
              " |\n";
    core::Diagnostics diags;
    auto doc = core::read_document_text(md, "t.md", diags);
    REQUIRE(doc);
    VerticalList list;
    layout_table(std::get<core::Table>(doc->blocks.at(0).node), 0, f.body_width(), f.setter,
                 f.style, 1, list);
    Layout layout = f.pages(list);
    REQUIRE(layout.pages.size() >= 2);
    std::string pdf = write_pdf(layout, "long-table.pdf", diags);
    for (std::size_t p = 1; p <= layout.pages.size(); ++p) {
        auto r = run_command("pdftotext -layout -f " + std::to_string(p) + " -l " +
                             std::to_string(p) + " " + shell_quote(pdf) + " -");
        REQUIRE(r.status == 0);
        std::istringstream in(r.out);
        std::string first;
        while (first.find_first_not_of(" \f") == std::string::npos && std::getline(in, first)) {
        }
        INFO("page " << p << ": " << first);
        CHECK(std::regex_search(first, std::regex(R"(^\s*No\.\s+Name\s+Remark\s*$)")));
    }
}

TEST_CASE("a 1,000-column table and a pixel bomb give a valid PDF in bounded time",
          "[pdf][writer-features]") {
    auto start = std::chrono::steady_clock::now();
    test::SetterFixture f;
    std::string head = "|", rule = "|", row = "|";
    for (int c = 0; c < 1000; ++c) {
        head += " h" + std::to_string(c) + " |";
        rule += "---|";
        row += " cell" + std::to_string(c) + " |";
    }
    core::Diagnostics diags;
    auto doc = core::read_document_text(head + "\n" + rule + "\n" + row + "\n", "t.md", diags);
    REQUIRE(doc);
    VerticalList list;
    layout_table(std::get<core::Table>(doc->blocks.at(0).node), 0, f.body_width(), f.setter,
                 f.style, 1, list);
    core::ResourcePolicy policy(inputs);
    layout_figure(core::Image{"bomb.png", "", "20,000 × 20,000 pixels in 99 bytes"},
                  core::SourceSpan{4, 1, 4, 30}, 0, f.body_width(), f.body_height(), f.setter,
                  policy, inputs, list);
    Layout layout = f.pages(list);
    REQUIRE(f.diags.items().size() == 2);  // the squeezed table, the refused image
    write_pdf(layout, "pathological.pdf", diags);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("PNGs with transparency, 16 bits or interlacing all embed", "[pdf][writer-features]") {
    test::SetterFixture f;
    core::ResourcePolicy policy(inputs);
    VerticalList list;
    for (const char* name : {"alpha.png", "interlaced8.png", "interlaced16.png"})
        layout_figure(core::Image{name, "", name}, core::SourceSpan{1, 1, 1, 1}, 0, f.body_width(),
                      f.body_height(), f.setter, policy, inputs, list);
    REQUIRE(f.diags.empty());
    core::Diagnostics diags;
    std::string pdf = write_pdf(f.pages(list), "png-variants.pdf", diags);
    CHECK(diags.empty());
    auto r = run_command("pdfimages -list " + shell_quote(pdf));
    REQUIRE(r.status == 0);
    INFO(r.out);
    // All come as decoded RGB, the transparent one flattened onto the white page: a soft
    // mask would be held decoded, and written uncompressed, by libharu.
    CHECK(count(r.out, " image      60    40  rgb ") == 3);
    CHECK(count(r.out, "smask") == 0);
    CHECK(count(r.out, " 100%") == 0);  // every picture compressed
}
