// Letters in every script broadside serves, in every window preset: nothing off the page,
// every address line inside the window as pdftotext finds it, right-to-left letters mirrored.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "pdf_text.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using broadside::test::pdf_words;
using broadside::test::PdfWord;
using broadside::test::reversed_code_points;
using broadside::test::run_command;
using broadside::test::shell_quote;

namespace {

const std::string program = BROADSIDE_BINARY;
const std::string source = BROADSIDE_SOURCE_DIR;
constexpr double mm = 72.0 / 25.4;

// A new folder per call inside the test program's own scratch folder.
fs::path scratch() {
    static int made = 0;
    return broadside::test::scratch_folder("scripts-" + std::to_string(++made));
}

struct Window {
    std::string preset;
    double x, y, w, h;  // mm
};

const std::vector<Window> windows = {
    {"din-5008-a", 20, 27, 85, 45},
    {"din-5008-b", 20, 45, 85, 45},
    {"us-letter-no10", 22.225, 63.5, 88.9, 25.4},  // what the window shows wherever the insert moves
};

std::vector<std::string> split_words(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::string without_spaces(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

/// The text pdftotext finds inside the window field (a word counts when its box lies inside,
/// with half a point for rounding), without spaces.
std::string window_text(const std::vector<PdfWord>& words, const Window& win) {
    std::string out;
    for (const auto& w : words)
        if (w.x0 >= win.x * mm - 0.5 && w.x1 <= (win.x + win.w) * mm + 0.5 &&
            w.y0 >= win.y * mm - 0.5 && w.y1 <= (win.y + win.h) * mm + 0.5)
            out += without_spaces(w.text) + "|";
    return out;
}

/// Checks that every word of every address line is in the window, in logical or (for
/// right-to-left words) visual order.
void check_address_in_window(const std::string& pdf, const std::vector<std::string>& address,
                             const Window& win) {
    std::string inside = window_text(pdf_words(pdf, 1), win);
    INFO("inside the window: " << inside);
    for (const auto& line : address)
        for (const auto& word : split_words(line)) {
            INFO(word);
            CHECK((inside.find(word) != std::string::npos ||
                   inside.find(reversed_code_points(word)) != std::string::npos));
        }
}

/// Runs broadside on `md` for a PDF and its layout dump; checks that it succeeded and that
/// no glyph run lies off its page (the dump's and the engine's check).
std::string render(const fs::path& md, const std::string& pdf, const std::string& extra = "") {
    auto r = run_command(shell_quote(program) + " " + shell_quote(md.string()) + extra +
                         " --dump-layout -o " + shell_quote(pdf));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("\noff page ") == std::string::npos);
    CHECK(r.err.find("does not print") == std::string::npos);
    return r.out;
}

std::string letter(const std::string& style, const std::string& lang,
                   const std::vector<std::string>& to, const std::string& from) {
    std::string md = "---\nstyle: " + style + "\nlang: " + lang + "\nfrom:\n  name: " + from +
                     "\n  address: [Rue des Pâquis 41, 1201 Geneva, Switzerland]\nto:\n";
    for (const auto& l : to) md += "  - \"" + l + "\"\n";
    md +=
        "date: 2025-03-14\nrefs: {our-ref: LRN-7}\nsubject: S\nclosing: C\n"
        "signatures: [{name: " +
        from + "}]\ncc: [Geneva]\n---\n\nText.\n";
    return md;
}

}  // namespace

TEST_CASE("a Uyghur letter in every preset: the address in the window, mirrored zones",
          "[letters][rtl]") {
    fs::path dir = scratch();
    const std::vector<std::string> to = {"ئابدۇراخمان تۇرسۇن", "ئۇيغۇر مەدەنىيەت مەركىزى",
                                         "80331 München"};
    for (const auto& win : windows) {
        INFO(win.preset);
        std::ofstream(dir / "ug.md") << letter(win.preset, "ug", to, "پانۇس كىشىلىك ھوقۇق تورى");
        std::string pdf = (dir / "ug.pdf").string();
        std::string dump = render(dir / "ug.md", pdf);
        check_address_in_window(pdf, to, win);
        // The Uyghur lines stand against the window's right edge, less the mirrored indent;
        // the Latin line against its left edge. The indent: DIN's 5 mm, the No. 10's 1/8 in.
        const double indent = win.preset == "us-letter-no10" ? 3.175 : 5;
        static const std::regex address(
            R"re(@([0-9.]+),[0-9.]+ run \S+ \S+ (rtl|ltr) .* w=([0-9.]+) )re");
        std::istringstream in(dump);
        int rtl_lines = 0, ltr_lines = 0;
        bool in_address = false;
        for (std::string l; std::getline(in, l);) {
            if (l.find(" line [") != std::string::npos)
                in_address = l.find("[address]") != std::string::npos;
            std::smatch m;
            if (!in_address || !std::regex_search(l, m, address)) continue;
            double left = std::stod(m[1]), right = left + std::stod(m[3]);
            if (m[2] == "rtl") {
                ++rtl_lines;
                CHECK(right == Approx((win.x + win.w - indent) * mm).margin(1.5 * mm));
            } else {
                ++ltr_lines;
                CHECK(left == Approx((win.x + indent) * mm).margin(0.5));
            }
        }
        CHECK(rtl_lines >= 2);
        CHECK(ltr_lines >= 1);
        // The letterhead mirrors to the left margin.
        static const std::regex head(R"re(^    @([0-9.]+),[0-9.]+ line \[letterhead\])re");
        std::istringstream again(dump);
        int heads = 0;
        for (std::string l; std::getline(again, l);) {
            std::smatch m;
            if (!std::regex_search(l, m, head)) continue;
            ++heads;
            CHECK(std::stod(m[1]) < 30 * mm);
        }
        CHECK(heads >= 2);  // the name and the address (on one line in form A)
    }
    fs::remove_all(dir);
}

TEST_CASE("an English letter to a Uyghur name keeps its direction, the name its own",
          "[letters][rtl]") {
    fs::path dir = scratch();
    const std::vector<std::string> to = {"ئابدۇراخمان تۇرسۇن", "Uyghur Culture Centre",
                                         "80331 München"};
    std::ofstream(dir / "en.md") << letter("din-5008-b", "en", to, "Lantern Rights Network");
    std::string pdf = (dir / "en.pdf").string();
    std::string dump = render(dir / "en.md", pdf);
    check_address_in_window(pdf, to, windows[1]);
    // The closing starts at the left of the body frame.
    CHECK(dump.find("line [closing 1/1]") != std::string::npos);
    static const std::regex closing(R"re(@([0-9.]+),[0-9.]+ run [^\n]* "C")re");
    std::smatch m;
    REQUIRE(std::regex_search(dump, m, closing));
    CHECK(std::stod(m[1]) == Approx(0).margin(0.5));
    fs::remove_all(dir);
}

TEST_CASE("the sample letters in Uyghur, German and Chinese stay on their pages",
          "[letters][rtl]") {
    fs::path dir = scratch();
    struct Sample {
        std::string file;
        std::vector<std::string> to;
    };
    const std::vector<Sample> samples = {
        {source + "/samples/letter-ug.md",
         {"ئابدۇراخمان تۇرسۇن", "ئۇيغۇر مەدەنىيەت مەركىزى", "Lindenstraße 8", "80331 München",
          "GERMANY"}},
        {source + "/samples/letter-de.md",
         {"Auswärtiges Amt", "Referat Menschenrechte", "Frau Dr. Johanna Keller",
          "Werderscher Markt 1", "10117 Berlin", "DEUTSCHLAND"}},
        {source + "/tests/letters/inputs/letter-zh-hans.md",
         {"李娜 律师", "香港律师论坛", "港湾道25号海港中心1203室", "中国香港"}},
    };
    for (const auto& s : samples) {
        INFO(s.file);
        for (const auto& win : {windows[0], windows[1]}) {
            INFO(win.preset);
            std::string pdf = (dir / "s.pdf").string();
            render(s.file, pdf, " --style " + win.preset);
            check_address_in_window(pdf, s.to, win);
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("the letterhead keeps the last line of a four-line sender", "[letters]") {
    fs::path dir = scratch();
    for (const auto& win : windows) {
        INFO(win.preset);
        std::ofstream(dir / "l.md")
            << "---\nstyle: " << win.preset
            << "\nfrom: [Lantern Rights Network, Rue des Pâquis 41, 1201 Geneva, Switzerland]\n"
               "to: [Ann Example, 1 Main Street, Springfield]\n---\n\nText.\n";
        std::string pdf = (dir / "l.pdf").string();
        render(dir / "l.md", pdf);
        bool country_in_head = false;
        for (const auto& w : pdf_words(pdf, 1))
            if (w.text == "Switzerland" && w.y1 < win.y * mm) country_in_head = true;
        CHECK(country_in_head);
    }
    fs::remove_all(dir);
}

TEST_CASE(
    "a merge of the joint letter to Uyghur, Tibetan and Chinese names: every window "
    "holds the whole name",
    "[letters][rtl][merge]") {
    fs::path dir = scratch();
    fs::copy_file(source + "/samples/joint-letter.md", dir / "joint-letter.md");
    fs::copy_file(source + "/samples/signatories.csv", dir / "signatories.csv");
    struct Recipient {
        std::string id, name, address, country;
    };
    const std::vector<Recipient> recipients = {
        {"ug", "ئابدۇراخمان تۇرسۇن", "Lindenstraße 8\n80331 München", "GERMANY"},
        {"bo", "བསྟན་འཛིན་རྡོ་རྗེ།", "Temple Road 3\nDharamsala 176215", "INDIA"},
        {"zh", "李娜 律师", "港湾道25号海港中心1203室", "中国香港"},
    };
    {
        std::ofstream csv(dir / "r.csv");
        csv << "id,name,salutation,organisation,address,country\n";
        for (const auto& r : recipients)
            csv << r.id << "," << r.name << ",Dear friend,Our friends,\"" << r.address << "\","
                << r.country << "\n";
    }
    auto r =
        run_command(shell_quote(program) + " " + shell_quote((dir / "joint-letter.md").string()) +
                    " --merge " + shell_quote((dir / "r.csv").string()) + " -o " +
                    shell_quote((dir / "{{id}}.pdf").string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("does not print") == std::string::npos);
    for (const auto& rec : recipients) {
        INFO(rec.id);
        std::vector<std::string> to = {rec.name, "Our friends", rec.country};
        std::istringstream lines(rec.address);
        for (std::string l; std::getline(lines, l);) to.push_back(l);
        check_address_in_window((dir / (rec.id + ".pdf")).string(), to, windows[1]);
    }
    fs::remove_all(dir);
}
