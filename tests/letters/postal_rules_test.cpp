// Postal address rules per destination: the No. 10 window holds five lines with USPS's 1/8 in
// clearance, and international mail ends with the destination country in capitals (UPU).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "pdf_text.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using broadside::test::pdf_words;
using broadside::test::run_command;
using broadside::test::scratch_folder;
using broadside::test::shell_quote;

namespace {

const std::string program = BROADSIDE_BINARY;
constexpr double inch = 72.0;

struct Rendered {
    int status;
    std::string err;
    std::string pdf;
};

Rendered render(const fs::path& dir, const std::string& md) {
    std::ofstream(dir / "l.md") << md;
    std::string pdf = (dir / "l.pdf").string();
    auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                         " -o " + shell_quote(pdf));
    return {r.status, r.err, pdf};
}

std::string letter(const std::string& style, const std::string& lang,
                   const std::string& from_country, const std::vector<std::string>& to) {
    std::string md = "---\nstyle: " + style + "\nlang: " + lang +
                     "\nfrom: {name: Sender Org, address: [Main Street 1, " + from_country +
                     "]}\nto:\n";
    for (const auto& l : to) md += "  - \"" + l + "\"\n";
    return md + "date: 2025-03-14\nsubject: S\nclosing: C\n---\n\nText.\n";
}

}  // namespace

TEST_CASE("a five-line address fits the No. 10 window with 1/8 in clear, type 9 pt or more",
          "[letters][postal]") {
    fs::path dir = scratch_folder("postal");
    const std::vector<std::string> to = {"Ms. Jane Doe", "Director of Advocacy",
                                         "Human Rights Alliance", "1234 Market Street Suite 500",
                                         "Springfield IL 62701"};
    auto r = render(dir, letter("us-letter-no10", "en-US", "Chicago IL 60601", to));
    INFO(r.err);
    REQUIRE(r.status == 0);
    // What the window shows wherever the insert moves (us-letter-no10.yaml), less 1/8 in.
    const double left = 0.875 * inch, right = 4.375 * inch, top = 2.5 * inch, bottom = 3.5 * inch;
    const double clear = 0.125 * inch;
    std::size_t found = 0;
    double first_top = bottom, last_bottom = top;
    for (const auto& w : pdf_words(r.pdf, 1)) {
        if (w.y0 < top - clear || w.y1 > bottom + clear || w.x1 > right + clear) continue;
        if (w.x0 < left - clear) continue;
        INFO(w.text << " at " << w.x0 << "," << w.y0 << " – " << w.x1 << "," << w.y1);
        ++found;
        CHECK(w.x0 >= left + clear - 0.5);
        CHECK(w.x1 <= right - clear + 0.5);
        first_top = std::min(first_top, w.y0);
        last_bottom = std::max(last_bottom, w.y1);
        CHECK(w.y1 - w.y0 >= 9.0);  // pdftotext's box is the font's size: 9 pt type or more
    }
    CHECK(found == 17);  // every word of the five lines
    // The lines' boxes keep 1/8 in from the always-visible field's top and foot; pdftotext's
    // word boxes run from the font's ascent to its descent, a little more than the line.
    CHECK(first_top >= top + clear - 1.5);
    CHECK(last_bottom <= bottom - clear + 1.5);
    fs::remove_all(dir);
}

TEST_CASE("international mail ends with the destination country in capitals",
          "[letters][postal]") {
    struct Case {
        std::string style, lang, from_country, to_country, printed;
    };
    const std::vector<Case> cases = {
        {"din-5008-b", "de", "Deutschland", "Schweiz", "SCHWEIZ"},
        {"din-5008-b", "de", "Deutschland", "Türkei", "TÜRKEI"},
        {"us-letter-no10", "en-US", "USA", "Germany", "GERMANY"},
        {"din-5008-a", "fr", "Suisse", "Royaume-Uni", "ROYAUME-UNI"},
    };
    for (const auto& c : cases) {
        INFO(c.style << " " << c.to_country);
        fs::path dir = scratch_folder("postal");
        auto r = render(dir, letter(c.style, c.lang, c.from_country,
                                    {"Recipient Name", "Street 5", "Town", c.to_country}));
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.err.find("domestic") == std::string::npos);
        std::string page;
        for (const auto& w : pdf_words(r.pdf, 1)) page += w.text + " ";
        CHECK(page.find(c.printed) != std::string::npos);
        CHECK(page.find(c.to_country + " ") == std::string::npos);
        fs::remove_all(dir);
    }
}

TEST_CASE("a domestic letter that names the sender's own country is told, printed as written",
          "[letters][postal]") {
    fs::path dir = scratch_folder("postal");
    auto r = render(dir, letter("din-5008-b", "de", "Deutschland",
                                {"Recipient Name", "Street 5", "10115 Berlin", "Deutschland"}));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("l.md:6:") != std::string::npos);
    CHECK(r.err.find("info: the address ends with 'Deutschland', the sender's own country; "
                     "domestic mail names no country") != std::string::npos);
    std::string page;
    for (const auto& w : pdf_words(r.pdf, 1)) page += w.text + " ";
    CHECK(page.find("Deutschland") != std::string::npos);
    CHECK(page.find("DEUTSCHLAND") == std::string::npos);
    fs::remove_all(dir);
}
