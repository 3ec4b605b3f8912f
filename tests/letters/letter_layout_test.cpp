// Letters as a mail room sees them: the address inside the window with room to spare, fold
// marks where the preset puts them, "Page X of Y", and closings that never stand alone.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "pdf_text.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using broadside::test::pdf_words;
using broadside::test::read_file;
using broadside::test::run_command;
using broadside::test::scratch_folder;
using broadside::test::shell_quote;

namespace {

const std::string program = BROADSIDE_BINARY;
constexpr double mm = 72.0 / 25.4;

struct Preset {
    std::string name;
    double x, y, w, h;          // window field, mm
    std::vector<double> folds;  // mm
    double hole;                // mm, 0 = none
};

const std::vector<Preset> presets = {
    {"din-5008-a", 20, 27, 85, 45, {87, 192}, 148.5},
    {"din-5008-b", 20, 45, 85, 45, {105, 210}, 148.5},
    {"us-letter-no10", 22.225, 63.5, 88.9, 25.4, {101.6, 190.5}, 0},
};

std::string letter(const std::string& style, int address_lines, int paragraphs) {
    static const char* address[] = {"Addressee Alpha", "Office Bravo", "Street Charlie 12",
                                    "City Delta",      "Country Echo", "Floor Foxtrot",
                                    "Box Golf"};
    std::string md =
        "---\nstyle: " + style +
        "\nlang: en-GB\nfrom: {name: Sender Org, address: [Rue 1, 1201 Geneva]}\nto:\n";
    for (int i = 0; i < address_lines; ++i) md += "  - " + std::string(address[i]) + "\n";
    md +=
        "date: 2025-03-14\nsubject: A subject\nopening: \"Dear Sir or Madam,\"\n"
        "closing: \"Yours faithfully,\"\nsignatures: [{name: Ann Signer, title: Director}, "
        "{name: Bo Signer, title: Deputy}]\n---\n\n";
    for (int p = 0; p < paragraphs; ++p)
        md += "Paragraph " + std::to_string(p) +
              " says what a letter says, in words enough to fill two or three lines of a page "
              "set in the letter's body type, so that pages break at many places.\n\n";
    return md;
}

}  // namespace

TEST_CASE("each preset puts the address in the window with 3 mm to spare, marks in place",
          "[letters]") {
    fs::path dir = scratch_folder("letter");
    for (const auto& p : presets) {
        INFO(p.name);
        // Full windows: DIN 5008 takes six lines, the No. 10 five (us-letter-no10.yaml).
        int lines = p.name == "us-letter-no10" ? 5 : 6;
        std::ofstream(dir / "l.md") << letter(p.name, lines, 3);
        std::string pdf = (dir / "l.pdf").string();
        auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                             " --dump-layout -o " + shell_quote(pdf));
        REQUIRE(r.status == 0);
        int found = 0;
        for (const auto& w : pdf_words(pdf)) {
            if (w.text != "Addressee" && w.text != "Alpha" && w.text != "Bravo" &&
                w.text != "Charlie" && w.text != "Delta" && w.text != "Echo" && w.text != "Foxtrot")
                continue;
            ++found;
            INFO(w.text);
            // pdftotext's box runs from the font's ascent to its descent, beyond the ink: the
            // No. 10's 1/8 in (3.2 mm) holds the ink and all but 0.5 pt of that box.
            CHECK(w.x0 >= (p.x + 3) * mm);
            CHECK(w.x1 <= (p.x + p.w - 3) * mm);
            CHECK(w.y0 >= (p.y + 3) * mm - 0.5);
            CHECK(w.y1 <= (p.y + p.h - 3) * mm + 0.5);
        }
        CHECK(found == lines + 1);  // "Addressee Alpha", then one word a line
        // Fold and hole marks: short rules at the left edge of page 1, at the preset's heights.
        std::istringstream dump(r.out);
        std::vector<double> marks;
        static const std::regex rule(R"(^    @11\.34,([0-9.]+) rule ([0-9.]+)x0\.40)");
        int page = 0;
        for (std::string l; std::getline(dump, l);) {
            if (l.rfind("page ", 0) == 0) ++page;
            std::smatch m;
            if (page == 1 && std::regex_search(l, m, rule)) marks.push_back(std::stod(m[1]) / mm);
        }
        std::vector<double> expected = p.folds;
        if (p.hole > 0) expected.push_back(p.hole);
        REQUIRE(marks.size() == expected.size());
        for (std::size_t i = 0; i < marks.size(); ++i)
            CHECK(marks[i] == Approx(expected[i]).margin(0.05));
    }
    fs::remove_all(dir);
}

TEST_CASE("a three-page letter counts its pages", "[letters]") {
    fs::path dir = scratch_folder("letter");
    std::string pdf = (dir / "l.pdf").string();
    int pages = 0;
    for (int paragraphs = 20; paragraphs < 80 && pages != 3; paragraphs += 2) {
        std::ofstream(dir / "l.md") << letter("din-5008-b", 5, paragraphs);
        REQUIRE(run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                            " -o " + shell_quote(pdf))
                    .status == 0);
        auto info = run_command("pdfinfo " + shell_quote(pdf)).out;
        pages = std::stoi(info.substr(info.find("Pages:") + 6));
    }
    REQUIRE(pages == 3);
    auto text = run_command("pdftotext " + shell_quote(pdf) + " -").out;
    for (int n = 1; n <= 3; ++n)
        CHECK(text.find("Page " + std::to_string(n) + " of 3") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("closing and signatures never start a page without two body lines", "[letters]") {
    fs::path dir = scratch_folder("letter");
    int multi_page = 0;
    for (int paragraphs = 1; paragraphs <= 40; ++paragraphs) {
        INFO(paragraphs << " paragraphs");
        std::ofstream(dir / "l.md") << letter("din-5008-b", 5, paragraphs);
        auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                             " --dump-layout");
        REQUIRE(r.status == 0);
        std::istringstream dump(r.out);
        int page = 0, body_lines_on_page = 0, closing_page = 0, pages = 0;
        for (std::string l; std::getline(dump, l);) {
            if (l.rfind("page ", 0) == 0) {
                ++page;
                ++pages;
                body_lines_on_page = 0;
            }
            if (l.find(" line [paragraph ") != std::string::npos) ++body_lines_on_page;
            if (l.find(" line [closing ") != std::string::npos) {
                closing_page = page;
                CHECK(body_lines_on_page >= 2);
            }
        }
        CHECK(closing_page == pages);
        if (pages > 1) ++multi_page;
    }
    CHECK(multi_page >= 20);
    fs::remove_all(dir);
}

TEST_CASE("an address with more lines than the window holds is an error naming the preset",
          "[letters]") {
    // DIN 5008 takes six lines; the No. 10 window five (see us-letter-no10.yaml).
    for (const auto& [preset, lines] :
         {std::pair{"din-5008-b", 7}, std::pair{"us-letter-no10", 6}}) {
        INFO(preset);
        fs::path dir = scratch_folder("letter");
        std::ofstream(dir / "l.md") << letter(preset, lines, 1);
        std::string pdf = (dir / "l.pdf").string();
        auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                             " -o " + shell_quote(pdf));
        INFO(r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find("error: the recipient address has " + std::to_string(lines) +
                         " lines; the address field of '" + preset + "' holds " +
                         std::to_string(lines - 1)) != std::string::npos);
        CHECK(r.err.find("l.md:6:") != std::string::npos);  // at the `to:` value
        CHECK_FALSE(fs::exists(pdf));
        fs::remove_all(dir);
    }
}

TEST_CASE("a blog post becomes a letter: title as subject, warnings name the keys", "[letters]") {
    fs::path dir = scratch_folder("letter");
    std::string pdf = (dir / "seed.pdf").string();
    auto r = run_command(
        shell_quote(program) + " " +
        shell_quote(std::string(BROADSIDE_SOURCE_DIR) + "/tests/seed/000_76c02472bb265b5b.txt") +
        " --style din-5008-b -o " + shell_quote(pdf));
    CHECK(r.status == 0);
    CHECK(r.err.find("add 'to:'") != std::string::npos);
    CHECK(r.err.find("add 'from:'") != std::string::npos);
    auto text = run_command("pdftotext " + shell_quote(pdf) + " -").out;
    CHECK(text.find("Joint Letter to US Secretary of State") != std::string::npos);
    CHECK(text.find("July 12, 2021") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("signatories count into the text and stand in balanced columns", "[letters]") {
    fs::path dir = scratch_folder("letter");
    std::ofstream(dir / "l.md")
        << "---\nstyle: a4-plain\nto: [Someone]\nfrom: [Us]\nsignatories: {list: [Zeta Watch, "
           "Alpha Rights, Mu Forum, Beta Aid, Kappa League], columns: 2}\n---\n"
           "We write on behalf of {{signatories.count}} organisations.\n";
    auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                         " --dump-layout");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("on behalf of 5 organisations") != std::string::npos);
    // Sorted, read down the columns: Alpha, Beta, Kappa | Mu, Zeta.
    std::vector<std::pair<double, std::string>> left, right;
    static const std::regex signatory(
        R"re(^    @([0-9.]+),([0-9.]+) line \[signatory\] r=\S+ "(.*)"$)re");
    std::istringstream dump(r.out);
    for (std::string l; std::getline(dump, l);) {
        std::smatch m;
        if (!std::regex_match(l, m, signatory)) continue;
        (std::stod(m[1]) < 100 ? left : right).emplace_back(std::stod(m[2]), m[3]);
    }
    REQUIRE(left.size() == 3);
    REQUIRE(right.size() == 2);
    CHECK(left[0].second == "Alpha Rights");
    CHECK(left[2].second == "Kappa League");
    CHECK(right[0].second == "Mu Forum");
    CHECK(right[0].first == Approx(left[0].first));
    fs::remove_all(dir);
}

TEST_CASE("the sample joint letter merges with the sample recipients", "[letters]") {
    fs::path dir = scratch_folder("letter");
    const std::string samples = std::string(BROADSIDE_SOURCE_DIR) + "/samples";
    std::string pdf = (dir / "all.pdf").string();
    auto r = run_command(shell_quote(program) + " " + shell_quote(samples + "/joint-letter.md") +
                         " --merge " + shell_quote(samples + "/recipients.csv") + " --duplex -o " +
                         shell_quote(pdf));
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto info = run_command("pdfinfo " + shell_quote(pdf)).out;
    CHECK(info.find("Pages:           50") != std::string::npos);  // 25 letters of two pages
    auto text = run_command("pdftotext " + shell_quote(pdf) + " -").out;
    std::size_t count = 0;
    for (std::size_t at = 0;
         (at = text.find("Joint letter of 42 organisations", at)) != std::string::npos; ++at)
        ++count;
    CHECK(count == 25);
    CHECK(text.find("World Coalition Against Enforced Disappearance") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a style names the letterhead image for letters that do not", "[letters]") {
    fs::path dir = scratch_folder("letter");
    fs::copy_file(std::string(BROADSIDE_SOURCE_DIR) + "/tests/pdf/inputs/wide.png",
                  dir / "head.png");
    std::ofstream(dir / "house.yaml") << "extends: din-5008-b\nletter: {letterhead: head.png}\n";
    std::ofstream(dir / "l.md") << letter((dir / "house.yaml").string(), 3, 1);
    auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                         " --dump-layout");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("image png") != std::string::npos);
    CHECK(r.out.find("\"head.png\" \"letterhead\"") != std::string::npos);
    std::ofstream(dir / "bad.yaml") << "extends: din-5008-b\nletter: {letterhead: none.png}\n";
    std::ofstream(dir / "m.md") << letter((dir / "bad.yaml").string(), 3, 1);
    auto bad = run_command(shell_quote(program) + " " + shell_quote((dir / "m.md").string()) +
                           " --dump-layout");
    CHECK(bad.status == 1);
    CHECK(bad.err.find("bad.yaml:2:") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a key one edit away from a letter key is a warning with 'did you mean'", "[letters]") {
    fs::path dir = scratch_folder("letter-near-miss");
    std::ofstream(dir / "l.md") << "---\nstyle: din-5008-b\nto: [A B]\nfrom: [C D]\n"
                                   "signature: \"Ann Signer\"\nsubjet: Rights\nencls: [Case list]\n"
                                   "layout: post\ncustom-field: x\n---\n\nText.\n";
    auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                         " -o " + shell_quote((dir / "l.pdf").string()));
    CHECK(r.status == 0);
    CHECK(r.err.find("l.md:5:12: warning: unknown key 'signature' is ignored; did you mean "
                     "'signatures'?") != std::string::npos);
    CHECK(r.err.find("unknown key 'subjet' is ignored; did you mean 'subject'?") !=
          std::string::npos);
    CHECK(r.err.find("unknown key 'encls' is ignored; did you mean 'encl'?") != std::string::npos);
    // A blog engine's keys and keys far from any letter key stay silent.
    CHECK(r.err.find("'layout'") == std::string::npos);
    CHECK(r.err.find("custom-field") == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE(
    "a letter set in a style that is not a letter style says its letter fields are not "
    "printed",
    "[letters]") {
    const fs::path dir = scratch_folder("letter-plain-style");
    std::ofstream(dir / "letter.md") << letter("din-5008-b", 3, 2);
    const auto run = [&](const std::string& extra) {
        return run_command(shell_quote(program) + " " + shell_quote((dir / "letter.md").string()) +
                           extra + " -o " + shell_quote((dir / "out.pdf").string()));
    };
    auto plain = run(" --style default");
    CHECK(plain.status == 0);
    // Once, at the first letter field (the address under `to:`, line 6), naming the style.
    CHECK(plain.err.find("letter.md:6:3: warning") != std::string::npos);
    CHECK(plain.err.find("'to' and the other letter fields are not printed: the style 'default' "
                         "is not a letter style") != std::string::npos);
    CHECK(plain.err.find("not printed", plain.err.find("not printed") + 1) == std::string::npos);
    auto as_letter = run("");
    CHECK(as_letter.status == 0);
    CHECK(as_letter.err.find("not printed") == std::string::npos);
}
