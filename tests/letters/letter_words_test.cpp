// A letter in each language broadside serves, in each window preset: its labels, page numbers
// and trailer words in the language (DIN 5008's wording for German), nothing off the page,
// every address line in the window.
#include <catch2/catch.hpp>

#include <stdlib.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pdf_text.hpp"
#include "run_command.hpp"

namespace fs = std::filesystem;
using broadside::test::pdf_words;
using broadside::test::reversed_code_points;
using broadside::test::run_command;
using broadside::test::shell_quote;
using broadside::test::without_bidi_controls;

namespace {

const std::string program = BROADSIDE_BINARY;
constexpr double mm = 72.0 / 25.4;

struct Language {
    std::string lang;
    std::string name;                 // the addressee, in the language's script
    std::vector<std::string> labels;  // what its letters must say (spaces ignored)
    std::string date_label;           // in the information block of the DIN presets
};

const std::vector<Language> languages = {
    {"en", "Ann Example", {"Page 1 of 2", "cc: Geneva office", "Enclosures:"}, "Date"},
    {"de",
     "Frau Dr. Johanna Keller",
     {"Seite 1 von 2", "Kopie an\nGeneva office", "Anlagen\n"},
     "Datum"},
    {"fr", "Mme Claire Dubois", {"Page 1 sur 2", "Copie à", "Pièces jointes"}, "Date"},
    {"es", "Sra. Lucía Pérez", {"Página 1 de 2", "c. c.:", "Anexos:"}, "Fecha"},
    {"ru", "Анна Петрова", {"Страница 1 из 2", "Копия:", "Приложения:"}, "Дата"},
    {"zh-Hans", "李娜 律师", {"第 1 页，共 2 页", "抄送：", "附件："}, "日期"},
    {"zh-Hant", "陳美玲 律師", {"第 1 頁，共 2 頁", "副本：", "附件："}, "日期"},
    {"ug", "ئابدۇراخمان تۇرسۇن", {"1-بەت، جەمئىي 2 بەت", "كۆچۈرمىسى:", "قوشۇمچىلار:"}, "چېسلا"},
    {"bo", "བསྟན་འཛིན་རྡོ་རྗེ།", {"ཤོག་ངོས། 1 / 2", "འདྲ་བཤུས།", "ཟུར་སྦྱར།"}, "ཚེས་གྲངས།"},
    {"ar", "سارة أحمد", {"صفحة ١ من ٢", "نسخة إلى:", "مرفقات:"}, "التاريخ"},
};

struct Window {
    std::string preset;
    double x, y, w, h;  // mm
    bool info_block;
};

const std::vector<Window> windows = {
    {"din-5008-a", 20, 27, 85, 45, true},
    {"din-5008-b", 20, 45, 85, 45, true},
    {"us-letter-no10", 22.225, 63.5, 88.9, 25.4, false},
};

std::string squeezed(const std::string& s) {
    std::string out;
    for (char c : without_bidi_controls(s))
        if (c != ' ') out += c;
    return out;
}

std::string two_page_letter(const std::string& style, const Language& l) {
    std::string md =
        "---\nstyle: " + style + "\nlang: " + l.lang +
        "\nfrom: [Lantern Rights Network, Rue des Pâquis 41, 1201 Geneva]\nto:\n  - \"" + l.name +
        "\"\n  - Harbour Road 25\n  - 1201 Geneva\ndate: 2025-03-14\n"
        "refs: {our-ref: LRN-7}\nsubject: S\nclosing: C\nsignatures: [{name: Ann}]\n"
        "cc: [Geneva office]\nencl: [One, Two]\n---\n\n";
    for (int p = 0; p < 14; ++p)
        md +=
            "A paragraph long enough to take three or four lines of the letter's page, so "
            "that fourteen of them fill more than one page and the letter counts its pages "
            "in the words and the digits of its language.\n\n";
    return md;
}

}  // namespace

TEST_CASE("a letter in each language says its words in that language, in every preset",
          "[letters][words]") {
    std::string pattern = (fs::temp_directory_path() / "broadside-words-XXXXXX").string();
    fs::path dir = mkdtemp(pattern.data());
    for (const auto& win : windows)
        for (const auto& l : languages) {
            INFO(win.preset << " " << l.lang);
            std::ofstream(dir / "l.md") << two_page_letter(win.preset, l);
            std::string pdf = (dir / "l.pdf").string();
            auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                                 " --dump-layout -o " + shell_quote(pdf));
            INFO(r.err);
            REQUIRE(r.status == 0);
            CHECK(r.out.find("\noff page ") == std::string::npos);
            std::string text = squeezed(run_command("pdftotext " + shell_quote(pdf) + " -").out);
            for (const auto& label : l.labels)
                CHECK(text.find(squeezed(label)) != std::string::npos);
            if (win.info_block) CHECK(text.find(squeezed(l.date_label)) != std::string::npos);
            // The addressee's name inside the window, word by word.
            std::string inside;
            for (const auto& w : pdf_words(pdf, 1))
                if (w.x0 >= win.x * mm - 0.5 && w.x1 <= (win.x + win.w) * mm + 0.5 &&
                    w.y0 >= win.y * mm - 0.5 && w.y1 <= (win.y + win.h) * mm + 0.5)
                    inside += w.text + "|";
            std::istringstream name(l.name);
            for (std::string word; name >> word;) {
                INFO(word << " in " << inside);
                CHECK((inside.find(word) != std::string::npos ||
                       inside.find(reversed_code_points(word)) != std::string::npos));
            }
        }
    fs::remove_all(dir);
}

TEST_CASE("one enclosure is an Anlage, two are Anlagen", "[letters][words]") {
    std::string pattern = (fs::temp_directory_path() / "broadside-words-XXXXXX").string();
    fs::path dir = mkdtemp(pattern.data());
    std::ofstream(dir / "l.md") << "---\nstyle: din-5008-b\nlang: de\nto: [A B]\nfrom: [C D]\n"
                                   "encl: [Fallübersicht]\nps: Nachtrag\n---\n\nText.\n";
    auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                         " --dump-layout");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("line [enclosures 1/2] r=0.00 \"Anlage\"") != std::string::npos);
    CHECK(r.out.find("line [enclosures 2/2] r=0.00 \"Fallübersicht\"") != std::string::npos);
    CHECK(r.out.find("\"PS: Nachtrag\"") != std::string::npos);
    fs::remove_all(dir);
}
