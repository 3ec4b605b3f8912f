// End to end through the program: a Markdown file with a table, figures (one refused, one
// missing) and links to headings becomes a PDF that qpdf accepts, with the pictures embedded,
// the links clickable and a warning per unusable image at its line.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using broadside::test::read_file;
using broadside::test::run_command;
using broadside::test::shell_quote;

namespace {

const std::string inputs = std::string(BROADSIDE_SOURCE_DIR) + "/tests/pdf/inputs";

const char* document = R"(---
title: Tables and figures
lang: en
---

# Overview

See the [results](#results) and the [Uyghur table](#جەدۋەل).

![A gradient from blue to orange](wide.png)

| Country | Cases | Remarks |
|:--|--:|:-:|
| Norway | 12 | none |
| Kazakhstan | 1,204 | repression of relatives abroad, reported over three years |

![A picture of 20,000 by 20,000 pixels](bomb.png)

![Not there](missing.png)

# Results

![A JPEG](wide.jpg)

# جەدۋەل

| ئىسىم | يىل |
|---|---|
| ئەخمەت | 2021 |
)";

}  // namespace

TEST_CASE("broadside renders tables, figures and links to headings", "[pdf][cli][figures]") {
    fs::path dir = broadside::test::scratch_folder("figures");
    for (const char* name : {"wide.png", "wide.jpg", "bomb.png"})
        fs::copy_file(fs::path(inputs) / name, dir / name);
    std::ofstream(dir / "doc.md") << document;
    std::string pdf = (dir / "doc.pdf").string();

    auto r = run_command("cd " + shell_quote(dir.string()) + " && " +
                         shell_quote(BROADSIDE_BINARY) + " doc.md -o doc.pdf");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("doc.md:17:1: warning: image 'bomb.png': the image is 20000 × 20000") !=
          std::string::npos);
    CHECK(r.err.find("doc.md:19:1: warning: image 'missing.png'") != std::string::npos);

    auto check = run_command("qpdf --check " + shell_quote(pdf));
    CHECK(check.status == 0);
    auto images = run_command("pdfimages -list " + shell_quote(pdf));
    REQUIRE(images.status == 0);
    CHECK(images.out.find("image     800   400  index") != std::string::npos);
    CHECK(images.out.find("image     900   300  rgb     3   8  jpeg") != std::string::npos);

    REQUIRE(run_command("qpdf --qdf --object-streams=disable " + shell_quote(pdf) + " " +
                        shell_quote(pdf + ".qdf"))
                .status == 0);
    std::string qdf = read_file(pdf + ".qdf");
    std::size_t links = 0, destinations = 0;
    for (auto at = qdf.find("/Subtype /Link"); at != std::string::npos;
         at = qdf.find("/Subtype /Link", at + 1))
        ++links;
    for (auto at = qdf.find("/Dest "); at != std::string::npos; at = qdf.find("/Dest ", at + 1))
        ++destinations;
    CHECK(links == 2);
    CHECK(destinations == 5);  // three outline entries and the two links
    CHECK(qdf.find("/URI") == std::string::npos);

    auto text = run_command("pdftotext " + shell_quote(pdf) + " -");
    CHECK(text.out.find("A gradient from blue to orange") != std::string::npos);
    CHECK(text.out.find("Kazakhstan") != std::string::npos);
    CHECK(text.out.find("A picture of 20,000 by 20,000 pixels") != std::string::npos);
}

TEST_CASE("raw HTML images, figures and details reach the PDF", "[pdf][cli][figures]") {
    fs::path dir = broadside::test::scratch_folder("html-figures");
    for (const char* name : {"wide.png", "wide.jpg"})
        fs::copy_file(fs::path(inputs) / name, dir / name);
    std::ofstream(dir / "doc.md") << "---\ntitle: HTML\n---\n\n"
                                     "<p><a href=\"https://example.org\"><img src=\"wide.png\" "
                                     "alt=\"Logo\" width=\"200\"></a></p>\n\n"
                                     "<figure><img src=\"wide.jpg\" alt=\"Chart\">"
                                     "<figcaption>Cases by year</figcaption></figure>\n\n"
                                     "<details><summary>Sources</summary>\n\n"
                                     "Written *in Markdown* inside.\n\n</details>\n";
    std::string pdf = (dir / "doc.pdf").string();
    auto r = run_command("cd " + shell_quote(dir.string()) + " && " +
                         shell_quote(BROADSIDE_BINARY) + " doc.md -o doc.pdf");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);
    auto images = run_command("pdfimages -list " + shell_quote(pdf));
    // The linked image at its HTML width: 800 px in 200 CSS px (150 pt) is 384 pixels per inch.
    const std::size_t png = images.out.find("image     800   400  index");
    REQUIRE(png != std::string::npos);
    const std::string png_line = images.out.substr(png, images.out.find('\n', png) - png);
    CHECK(png_line.find("  384   384 ") != std::string::npos);
    CHECK(images.out.find("image     900   300  rgb     3   8  jpeg") != std::string::npos);
    auto text = run_command("pdftotext " + shell_quote(pdf) + " -").out;
    CHECK(text.find("Cases by year") != std::string::npos);
    CHECK(text.find("Sources") != std::string::npos);
    CHECK(text.find("Written in Markdown inside.") != std::string::npos);
}

namespace {

// Whether page `page` of `pdf`, rendered at 20 dpi, has a pixel of about the colour `rgb`.
bool page_shows_colour(const std::string& pdf, int page, unsigned rgb) {
    const auto ppm = run_command("pdftoppm -r 20 -f " + std::to_string(page) + " -l " +
                                 std::to_string(page) + " " + shell_quote(pdf));
    std::size_t at = 0;  // after the header "P6\nW H\n255\n"
    for (int lines = 0; lines < 3 && at < ppm.out.size(); ++at) lines += ppm.out[at] == '\n';
    auto near = [](unsigned char c, unsigned want) { return c + 40u > want && c < want + 40u; };
    for (std::size_t i = at; i + 2 < ppm.out.size(); i += 3) {
        const auto* p = reinterpret_cast<const unsigned char*>(ppm.out.data() + i);
        if (near(p[0], rgb >> 16 & 0xFF) && near(p[1], rgb >> 8 & 0xFF) && near(p[2], rgb & 0xFF))
            return true;
    }
    return false;
}

}  // namespace

TEST_CASE(
    "SVG pictures are drawn into the PDF at print resolution, GIFs decoded, unsafe "
    "SVGs refused",
    "[pdf][cli][figures]") {
    fs::path dir = broadside::test::scratch_folder("svg-figures");
    for (const char* name : {"chart.svg", "viewbox.svg", "scripted.svg", "magenta.gif"})
        fs::copy_file(fs::path(inputs) / name, dir / name);
    std::ofstream(dir / "doc.md") << "---\ntitle: Drawings\n---\n\n![Cases by year](chart.svg)\n\n"
                                     "![A blue dot](viewbox.svg)\n\n![Green](scripted.svg)\n\n"
                                     "![A magenta bar](magenta.gif)\n\nThe end.\n";
    const std::string pdf = (dir / "doc.pdf").string();
    auto r = run_command("cd " + shell_quote(dir.string()) + " && " +
                         shell_quote(BROADSIDE_BINARY) + " doc.md -o doc.pdf");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("doc.md:9:1: warning: image 'scripted.svg': the file is an SVG with "
                     "scripts") != std::string::npos);
    CHECK(r.err.find("chart.svg") == std::string::npos);
    CHECK(r.err.find("viewbox.svg") == std::string::npos);
    CHECK(r.err.find("magenta.gif") == std::string::npos);
    CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);
    // 400 × 200 CSS pixels are 300 × 150 pt, drawn at 300 dpi; the viewBox-only drawing takes
    // its viewBox, 100 × 50 pixels, as its size.
    auto images = run_command("pdfimages -list " + shell_quote(pdf)).out;
    INFO(images);
    CHECK(images.find("image    1250   625  rgb     3   8  image  no ") != std::string::npos);
    CHECK(images.find("image     313   157  rgb     3   8  image  no ") != std::string::npos);
    CHECK(images.find("  300   300 ") != std::string::npos);
    CHECK(images.find("image      40    20  rgb     3   8  image  no ") != std::string::npos);
    CHECK(page_shows_colour(pdf, 1, 0xE00000));
    CHECK(page_shows_colour(pdf, 1, 0xE000E0));
    CHECK(page_shows_colour(pdf, 1, 0x0000E0));
    CHECK_FALSE(page_shows_colour(pdf, 1, 0x00E000));  // the refused one is a placeholder
    auto text = run_command("pdftotext " + shell_quote(pdf) + " -").out;
    CHECK(text.find("Cases by year") != std::string::npos);
    CHECK(text.find("Green") != std::string::npos);
    CHECK(text.find("The end.") != std::string::npos);
    // The same drawing gives the same bytes.
    auto again = run_command("cd " + shell_quote(dir.string()) + " && " +
                             shell_quote(BROADSIDE_BINARY) + " doc.md -o again.pdf");
    REQUIRE(again.status == 0);
    CHECK(read_file(pdf) == read_file((dir / "again.pdf").string()));
}

TEST_CASE(
    "BROADSIDE_PICTURES_MODULE names the picture module, and a missing one is a warning "
    "that leaves the rest of the document",
    "[pdf][cli][figures]") {
    fs::path dir = broadside::test::scratch_folder("picture-module");
    fs::copy_file(fs::path(inputs) / "chart.svg", dir / "chart.svg");
    std::ofstream(dir / "doc.md") << "# Chart\n\n![Cases by year](chart.svg)\n\nThe end.\n";
    auto r = run_command("cd " + shell_quote(dir.string()) +
                         " && BROADSIDE_PICTURES_MODULE=/nowhere/libbroadside-pictures.so " +
                         shell_quote(BROADSIDE_BINARY) + " doc.md -o doc.pdf");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("image 'chart.svg'") != std::string::npos);
    CHECK(r.err.find("cannot load the picture module") != std::string::npos);
    CHECK(run_command("pdftotext " + shell_quote((dir / "doc.pdf").string()) + " -")
              .out.find("The end.") != std::string::npos);
}
