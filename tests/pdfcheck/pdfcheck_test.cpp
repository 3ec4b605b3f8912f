// broadside's PDFs keep the PDF/A-2u rules the checker knows (pdf_rules.hpp): single documents,
// letters in three scripts, merged letters, the archive book; and the checker fails a copy made
// to break each rule, so a passing check means something.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "pdf_rules.hpp"
#include "render_broadside.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"
#include "ua_rules.hpp"

namespace fs = std::filesystem;
using broadside::pdfcheck::check_pdf_a;
using broadside::pdfcheck::check_pdf_ua;
using broadside::test::render;
using broadside::test::run_command;
using broadside::test::shell_quote;

namespace {

const std::string source = BROADSIDE_SOURCE_DIR;

// What the PDF/A and the PDF/UA checks find, one line each; empty when both claims hold.
std::string findings_text(const std::string& pdf) {
    std::string text;
    for (const auto& f : check_pdf_a(pdf)) text += f.rule + ": " + f.detail + "\n";
    for (const auto& f : check_pdf_ua(pdf)) text += f.rule + ": " + f.detail + "\n";
    return text;
}

}  // namespace

TEST_CASE(
    "broadside's PDFs are tagged and keep every PDF/A-2u and PDF/UA-1 rule the checker "
    "knows",
    "[pdfcheck]") {
    const fs::path dir = broadside::test::scratch_folder("pdfcheck-good");
    const std::vector<std::string> pdfs{
        render(shell_quote(source + "/tests/seed/000_76c02472bb265b5b.txt"), dir / "seed.pdf"),
        render(shell_quote(source + "/samples/letter.md"), dir / "letter.pdf"),
        render(shell_quote(source + "/samples/letter-ug.md"), dir / "letter-ug.pdf"),
        render(shell_quote(source + "/samples/letter-de.md"), dir / "letter-de.pdf"),
        render(shell_quote(source + "/samples/joint-letter.md") + " --merge " +
                   shell_quote(source + "/samples/recipients.csv") + " --duplex",
               dir / "merged.pdf"),
        render(shell_quote(source + "/samples/archive"), dir / "archive.pdf"),
        render(shell_quote(source + "/samples/joint-letter.md") + " --merge " +
                   shell_quote(source + "/samples/recipients.csv") + " --attach-record",
               dir / "merged-with-records.pdf"),
    };
    for (const auto& pdf : pdfs) {
        INFO(pdf);
        CHECK(findings_text(pdf) == "");
        CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);
        const std::string info = run_command("pdfinfo " + shell_quote(pdf)).out;
        CHECK(info.find("Encrypted:       no") != std::string::npos);
        CHECK(info.find("Tagged:          yes") != std::string::npos);
    }
    // The metadata carries the claim and the front matter's title, as pdfinfo reads it.
    const std::string meta = run_command("pdfinfo -meta " + shell_quote(pdfs[5])).out;
    CHECK(meta.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
    CHECK(meta.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(meta.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">") != std::string::npos);

    // The same input gives the same bytes, file identifier included.
    render(shell_quote(source + "/samples/letter.md"), dir / "letter-again.pdf");
    CHECK(broadside::test::read_file((dir / "letter.pdf").string()) ==
          broadside::test::read_file((dir / "letter-again.pdf").string()));
}

TEST_CASE("the PDF/A and PDF/UA checkers fail a copy made to break each rule, and name that rule",
          "[pdfcheck]") {
    const fs::path dir = broadside::test::scratch_folder("pdfcheck-broken");
    // The archive book has links, so its annotations can be broken too; a merge with its
    // records attached (PDF/A-3u) has attachments to break.
    const std::string book = render(shell_quote(source + "/samples/archive"), dir / "good.pdf");
    const std::string attached =
        render(shell_quote(source + "/samples/joint-letter.md") + " --merge " +
                   shell_quote(source + "/samples/recipients.csv") + " --attach-record",
               dir / "attached.pdf");
    REQUIRE(findings_text(book) == "");
    REQUIRE(findings_text(attached) == "");
    int n = 0;
    using Check = decltype(&check_pdf_a);
    const std::pair<const std::vector<std::string>*, Check> standards[] = {
        {&broadside::pdfcheck::pdf_a_rules(), &check_pdf_a},
        {&broadside::pdfcheck::pdf_ua_rules(), &check_pdf_ua}};
    for (const auto& [rules, check] : standards)
        for (const auto& rule : *rules) {
            INFO(rule);
            const fs::path broken = dir / ("broken-" + std::to_string(++n) + ".pdf");
            const std::string& good = rule.rfind("6.8 ", 0) == 0 ? attached : book;
            auto made = run_command(shell_quote(PDFBREAK_BINARY) + " " + shell_quote(rule) + " " +
                                    shell_quote(good) + " " + shell_quote(broken.string()));
            INFO(made.err);
            REQUIRE(made.status == 0);
            const auto found = check(broken.string());
            INFO(findings_text(broken.string()));
            CHECK_FALSE(found.empty());
            // That rule and no other of its standard: each fixture breaks one thing.
            for (const auto& f : found) CHECK(f.rule == rule);
        }
}

TEST_CASE(
    "a character no font has is an outlined box, not .notdef: the PDF stays PDF/A and its "
    "text keeps the character, and --pdf-standard none writes the plain PDF",
    "[pdfcheck]") {
    const fs::path dir = broadside::test::scratch_folder("pdfcheck-claims");
    // U+E000, a private-use character no installed font has; U+1F973, an emoji newer than
    // Symbola's.
    std::ofstream(dir / "notdef.md")
        << "# Boxes\n\nA private character \xEE\x80\x80 and a party \xF0\x9F\xA5\xB3 here.\n";
    std::string messages;
    const std::string pdf =
        render(shell_quote((dir / "notdef.md").string()), dir / "notdef.pdf", &messages);
    CHECK(messages.find("no installed font covers U+E000") != std::string::npos);
    CHECK(findings_text(pdf) == "");
    const std::string text = run_command("pdftotext " + shell_quote(pdf) + " -").out;
    CHECK(text.find("character \xEE\x80\x80 and a party \xF0\x9F\xA5\xB3 here") !=
          std::string::npos);

    const std::string plain = render(
        shell_quote(source + "/samples/letter.md") + " --pdf-standard none", dir / "plain.pdf");
    const std::string catalog = run_command("qpdf --show-object=1 " + shell_quote(plain)).out;
    CHECK(catalog.find("/Metadata") == std::string::npos);
    CHECK(catalog.find("/OutputIntents") == std::string::npos);
}

TEST_CASE(
    "a 60,000-character title and control characters in the author keep the information "
    "dictionary and the metadata in agreement",
    "[pdfcheck]") {
    const fs::path dir = broadside::test::scratch_folder("pdfcheck-long-values");
    // The information dictionary cuts titles after 1,000 characters; XML cannot hold U+0007.
    std::ofstream(dir / "long.md")
        << "---\ntitle: \"" << std::string(60000, 'T')
        << "\"\nauthor: \"Tab\\there, bell\\x07 & <friends>\"\n---\n\nBody.\n";
    const std::string pdf = render(shell_quote((dir / "long.md").string()), dir / "long.pdf");
    CHECK(findings_text(pdf) == "");
    const std::string info = run_command("pdfinfo " + shell_quote(pdf)).out;
    CHECK(info.find("Author:          Tab\there, bell & <friends>") != std::string::npos);
}
