// --check-for: a letter measured against the published rules of print-and-mail services.
// Each service's own preset passes; a letter made wrong on purpose (its address 3 mm too low,
// 9 pages) is refused with the rules it breaks, and nothing is written.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using broadside::test::run_command;
using broadside::test::scratch_folder;
using broadside::test::shell_quote;

namespace {

const std::string program = BROADSIDE_BINARY;

struct Service {
    std::string id, name, preset;
    std::vector<std::string> broken_rules;  ///< what the broken letter must be told
};

const std::vector<Service> services = {
    {"pingen", "Pingen", "pingen",
     {"is 3 mm too low for the address area (x 22\u2013107.5 mm, y 60\u201385.5 mm)"}},
    {"epost", "E-POST", "epost",
     {"is 3 mm too low for the recipient zone (x 20\u2013105 mm, y 66\u201390 mm)"}},
    {"lob", "Lob", "lob",
     {"is 3 mm too low for the address block (x 15.2\u201395.2 mm, y 21.3\u201372.1 mm)",
      "the letter has 9 pages; Lob folds at most 6 into its window envelope"}},
    {"clicksend", "ClickSend", "din-5008-b",
     {"the letter has 9 pages; ClickSend folds at most 4 into its window envelope"}},
};

// Five address lines: the window is full, so 3 mm lower runs past its foot.
std::string letter(int paragraphs) {
    std::string md =
        "---\nlang: en-GB\nfrom: {name: Sender Org, address: [Rue 1, 1201 Geneva]}\n"
        "to: [Ms Jane Doe, Director of Advocacy, Human Rights Alliance, 12 Market Street, "
        "London EC1A 1BB]\ndate: 2025-03-14\nsubject: A letter for the mail service\n"
        "opening: Dear Ms Doe,\nclosing: Yours sincerely,\nsignatures: [{name: Sender}]\n---\n\n";
    for (int i = 0; i < paragraphs; ++i)
        md += "We write to you about the matters before the committee, which deserve a careful "
              "answer; each paragraph of this letter says the same, to fill its pages.\n\n";
    return md;
}

struct Run {
    int status;
    std::string err;
    bool written;
};

Run check(const fs::path& dir, const std::string& style, const std::string& service, int paragraphs) {
    std::ofstream(dir / "l.md") << letter(paragraphs);
    fs::path pdf = dir / "l.pdf";
    fs::remove(pdf);
    auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "l.md").string()) +
                         " --style " + shell_quote(style) + " --check-for " + service + " -o " +
                         shell_quote(pdf.string()));
    return {r.status, r.err, fs::exists(pdf)};
}

}  // namespace

TEST_CASE("each service's preset passes its check", "[letters][services]") {
    fs::path dir = scratch_folder("services");
    for (const auto& s : services) {
        INFO(s.id << " with " << s.preset);
        auto r = check(dir, s.preset, s.id, 3);
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(r.written);
        CHECK(r.err.find("error") == std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("a letter 3 mm too low and 9 pages long is refused with the rules it breaks",
          "[letters][services]") {
    fs::path dir = scratch_folder("services");
    for (const auto& s : services) {
        INFO(s.id);
        // The service's preset with the address field 3 mm lower (ClickSend's zone is not
        // published: its letter breaks the page rule only).
        std::ofstream(dir / "low.yaml") << "extends: " << s.preset
                                        << "\nletter:\n  address-y: "
                                        << (s.preset == "lob"      ? "24.34mm"
                                            : s.preset == "pingen" ? "63mm"
                                                                   : "48mm")
                                        << "\n";
        auto r = check(dir, (dir / "low.yaml").string(), s.id, 155);  // 9 pages
        INFO(r.err);
        CHECK(r.status == 1);
        CHECK_FALSE(r.written);
        for (const auto& rule : s.broken_rules) {
            INFO(rule);
            CHECK(r.err.find("error: " + s.name + ": ") != std::string::npos);
            CHECK(r.err.find(rule) != std::string::npos);
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("the wrong paper, fold marks in the clear edge and an unknown service are named",
          "[letters][services]") {
    fs::path dir = scratch_folder("services");
    auto letter_paper = check(dir, "us-letter-no10", "pingen", 3);
    CHECK(letter_paper.status == 1);
    CHECK(letter_paper.err.find("Pingen: page 1: the page is 215.9 \u00d7 279.4 mm; Pingen takes "
                                "210 \u00d7 297 mm") != std::string::npos);
    auto marks = check(dir, "din-5008-b", "pingen", 3);
    CHECK(marks.status == 1);
    CHECK(marks.err.find("Pingen: page 1: a rule is 4 mm from the left edge; Pingen keeps 5 mm "
                         "clear") != std::string::npos);
    auto unknown = check(dir, "din-5008-b", "royal-mail", 3);
    CHECK(unknown.status == 1);
    CHECK(unknown.err.find("no rules for the mail service 'royal-mail'") != std::string::npos);
    CHECK(unknown.err.find("clicksend, epost, lob, pingen") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a merge is checked letter by letter", "[letters][services]") {
    fs::path dir = scratch_folder("services");
    std::ofstream(dir / "t.md") << "---\nfrom: {name: Sender Org, address: [Rue 1, 1201 Geneva]}\n"
                                   "to: ['{{name}}', Street 1, 1000 Town]\nsubject: S\n---\n\nText.\n";
    std::ofstream(dir / "r.csv") << "name\nShort Name\n"
                                 << "A Name So Long That Its Line Runs Far Past The Right Edge Of "
                                    "Any Window Of Any Envelope\n";
    auto r = run_command(shell_quote(program) + " " + shell_quote((dir / "t.md").string()) +
                         " --merge " + shell_quote((dir / "r.csv").string()) +
                         " --style pingen --check-for pingen -o " +
                         shell_quote((dir / "out-{{name}}.pdf").string()));
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("r.csv:3") != std::string::npos);  // the second record is named
    CHECK(r.err.find("lies outside the address area") != std::string::npos);
    for (const auto& e : fs::directory_iterator(dir))  // no letter is written
        CHECK(e.path().filename().string().rfind("out-", 0) == std::string::npos);
    fs::remove_all(dir);
}
