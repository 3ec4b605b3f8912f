// Hyphenation by the document's language with Debian's hyphen-* dictionaries (the README's
// set-up command installs them): German, French and Russian paragraphs break words at line
// ends, and pdftotext joins them again.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdlib.h>

#include "pdf_text.hpp"
#include "run_command.hpp"

namespace fs = std::filesystem;
using broadside::test::run_command;
using broadside::test::shell_quote;

namespace {

struct Sample {
    std::string lang;
    std::string text;
};

// Long words, a narrow page: lines must break inside words.
const std::vector<Sample> samples = {
    {"de",
     "Die Menschenrechtsverteidigerinnen dokumentierten die Verhandlungsprotokolle der "
     "Arbeitsgruppe, die Informationsfreiheitsbeauftragten veröffentlichten "
     "Untersuchungsberichte über Grundrechtsverletzungen, und die Rechtsanwaltskammer "
     "forderte Akteneinsicht für die Familienangehörigen der Inhaftierten."},
    {"fr",
     "Les organisations internationales recommandent particulièrement l’indépendance des "
     "observateurs, la reconnaissance institutionnelle des défenseurs et "
     "l’internationalisation des procédures administratives concernant les "
     "disparitions forcées."},
    {"ru",
     "Правозащитные организации опубликовали многочисленные свидетельства о "
     "систематических нарушениях, международные наблюдатели потребовали "
     "незамедлительного освобождения задержанных правозащитников и независимого "
     "расследования."},
};

}  // namespace

TEST_CASE("German, French and Russian paragraphs are hyphenated and pdftotext joins the words",
          "[pdf][hyphenation]") {
    std::string pattern = (fs::temp_directory_path() / "broadside-hyph-XXXXXX").string();
    fs::path dir = mkdtemp(pattern.data());
    std::ofstream(dir / "narrow.yaml") << "page: {size: [100mm, 200mm], margin-left: 15mm, "
                                          "margin-right: 15mm}\n";
    for (const auto& s : samples) {
        INFO(s.lang);
        std::ofstream(dir / "p.md") << "---\nlang: " << s.lang << "\n---\n\n" << s.text << "\n";
        std::string pdf = (dir / "p.pdf").string();
        auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote((dir / "p.md").string()) +
                             " --style " + shell_quote((dir / "narrow.yaml").string()) +
                             " --dump-layout -o " + shell_quote(pdf));
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.err.find("info:") == std::string::npos);  // the dictionary is there
        // Lines the breaker ended with an inserted hyphen, and the word each one cut.
        static const std::regex line(R"re( line \[paragraph \d+/\d+\] r=\S+ (hyphen )?"(.*)"$)re");
        std::vector<std::pair<bool, std::string>> lines;
        std::istringstream dump(r.out);
        for (std::string l; std::getline(dump, l);) {
            std::smatch m;
            if (std::regex_search(l, m, line)) lines.emplace_back(m[1].matched, m[2]);
        }
        std::vector<std::string> cut_words;
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            if (!lines[i].first) continue;
            const std::string& end = lines[i].second;
            REQUIRE(end.back() == '-');
            std::string head = end.substr(end.rfind(' ') + 1);
            head.pop_back();
            std::string tail = lines[i + 1].second.substr(0, lines[i + 1].second.find(' '));
            while (!tail.empty() && std::string(",.").find(tail.back()) != std::string::npos)
                tail.pop_back();
            cut_words.push_back(head + tail);
        }
        CHECK(!cut_words.empty());
        auto text = run_command("pdftotext " + shell_quote(pdf) + " -").out;
        for (const auto& word : cut_words) {
            INFO(word);
            CHECK(s.text.find(word) != std::string::npos);  // a real word of the text…
            CHECK(text.find(word) != std::string::npos);    // …that pdftotext gives back whole
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("a language without a dictionary is one info line", "[pdf][hyphenation]") {
    std::string pattern = (fs::temp_directory_path() / "broadside-hyph-XXXXXX").string();
    fs::path dir = mkdtemp(pattern.data());
    std::ofstream(dir / "tr.md") << "---\nlang: tr\n---\n\nBir paragraf.\n\nİkinci paragraf.\n";
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote((dir / "tr.md").string()) +
                         " -o " + shell_quote((dir / "tr.pdf").string()));
    CHECK(r.status == 0);
    CHECK(r.err.find("info: no hyphenation dictionary for 'tr' is installed") != std::string::npos);
    CHECK(r.err.find("info:") == r.err.rfind("info:"));  // once
    // Chinese and Uyghur are never hyphenated: nothing to say.
    std::ofstream(dir / "zh.md") << "---\nlang: zh-Hans\n---\n\n人权。\n";
    auto zh = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote((dir / "zh.md").string()) +
                          " -o " + shell_quote((dir / "zh.pdf").string()));
    CHECK(zh.status == 0);
    CHECK(zh.err.find("info:") == std::string::npos);
    fs::remove_all(dir);
}
