// What the structure tree of broadside's tagged PDFs says, read back with Poppler's pdfinfo
// (the text of each element in reading order) and qpdf (the elements' entries): headings,
// tables with header scope, described figures, notes, links, languages of passages, the parts
// of a letter and its co-signers in reading order; and the switches that leave tagging out.
#include <catch2/catch.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "render_broadside.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using broadside::test::render;
using broadside::test::run_command;
using broadside::test::shell_quote;

namespace {

const std::string source = BROADSIDE_SOURCE_DIR;

/// One structure element as qpdf reads it.
struct Element {
    std::string type;                            ///< "/TH"
    std::map<std::string, std::string> entries;  ///< "/Alt", "/Lang", "/ID", "/Scope" (from /A)
};

// The elements under `k` (a /K entry), depth first, as a reader of the structure meets them.
void collect(QPDFObjectHandle k, std::vector<Element>& out, int depth) {
    if (depth > 200) return;
    if (k.isArray()) {
        for (QPDFObjectHandle kid : k.aitems()) collect(kid, out, depth);
        return;
    }
    if (!k.isDictionary() || !k.getKey("/S").isName()) return;  // marked content, OBJR
    Element e{k.getKey("/S").getName(), {}};
    for (const char* key : {"/Alt", "/Lang", "/ID", "/ActualText"})
        if (k.getKey(key).isString()) e.entries[key] = k.getKey(key).getUTF8Value();
    QPDFObjectHandle a = k.getKey("/A");
    for (const char* key : {"/Scope", "/ListNumbering"})
        if (a.isDictionary() && a.getKey(key).isName()) e.entries[key] = a.getKey(key).getName();
    out.push_back(std::move(e));
    collect(k.getKey("/K"), out, depth + 1);
}

std::vector<Element> elements(const std::string& pdf) {
    QPDF file;
    file.processFile(pdf.c_str());
    std::vector<Element> out;
    collect(file.getRoot().getKey("/StructTreeRoot").getKey("/K"), out, 0);
    return out;
}

std::size_t count(const std::vector<Element>& all, const std::string& type,
                  const std::string& key = "", const std::string& value = "") {
    return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [&](const Element& e) {
        if (e.type != type) return false;
        if (key.empty()) return true;
        auto it = e.entries.find(key);
        return it != e.entries.end() && (value.empty() || it->second == value);
    }));
}

// pdfinfo's outline of the structure: element names and quoted text, one per line, trimmed.
std::vector<std::string> struct_lines(const std::string& pdf) {
    std::vector<std::string> out;
    const std::string text = run_command("pdfinfo -struct-text " + shell_quote(pdf)).out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        line.erase(0, line.find_first_not_of(' '));
        if (!line.empty()) out.push_back(line);
        start = end + 1;
    }
    return out;
}

// Whether `wanted` occurs in `lines` as consecutive lines.
bool has_run(const std::vector<std::string>& lines, const std::vector<std::string>& wanted) {
    return std::search(lines.begin(), lines.end(), wanted.begin(), wanted.end()) != lines.end();
}

}  // namespace

TEST_CASE(
    "the archive book's tables have header cells with scope, figures their "
    "descriptions, footnotes are notes with ids, links are link elements",
    "[pdfcheck][tagged]") {
    const fs::path dir = broadside::test::scratch_folder("tagged-book");
    const auto all = elements(render(shell_quote(source + "/samples/archive"), dir / "book.pdf"));
    CHECK(count(all, "/Table") >= 1);
    CHECK(count(all, "/TH") >= 3);
    CHECK(count(all, "/TH") == count(all, "/TH", "/Scope", "/Column"));
    CHECK(count(all, "/TD") >= 6);
    CHECK(count(all, "/Figure") >= 1);
    CHECK(count(all, "/Figure") == count(all, "/Figure", "/Alt"));
    CHECK(count(all, "/Note") >= 2);
    CHECK(count(all, "/Note") == count(all, "/Note", "/ID"));
    CHECK(count(all, "/Link") >= 1);
    CHECK(count(all, "/L", "/ListNumbering") == count(all, "/L"));
    CHECK(count(all, "/Art") >= 8);  // one article per post, and the title page
    CHECK(count(all, "/H1") >= 8);
    // The structure's many small objects are deflated in object streams, not plain text.
    const std::string xref =
        run_command("qpdf --show-xref " + shell_quote((dir / "book.pdf").string())).out;
    CHECK(xref.find("compressed; stream = ") != std::string::npos);
    CHECK(run_command("qpdf --check " + shell_quote((dir / "book.pdf").string())).status == 0);
}

TEST_CASE(
    "the multi-script document reads in order and marks each passage with its "
    "language: the Uyghur phrase in English text is ug",
    "[pdfcheck][tagged]") {
    const fs::path dir = broadside::test::scratch_folder("tagged-scripts");
    const std::string pdf =
        render(shell_quote(source + "/tests/pdf/scripts.md"), dir / "scripts.pdf");
    const auto lines = struct_lines(pdf);
    CHECK(has_run(lines, {"Document", "Art", "H1 (block)", "\"Five scripts on one page\""}));
    CHECK(
        has_run(lines, {"H2 (block)", "\"Five scripts, one page\"", "P (block)",
                        "\"The official staff filed an affidavit and a flyer for the office.\""}));
    CHECK(has_run(lines,
                  {"P (block)", "Span (inline)", "\"人权观察呼吁各国政府直接关注这个问题。\""}));
    CHECK(has_run(lines, {"P (block)", "Span (inline)", "\"The word \"", "Span (inline)"}));
    CHECK(has_run(lines, {"\" means the Uyghur language.\""}));
    const auto all = elements(pdf);
    CHECK(count(all, "/Span", "/Lang", "zh") == 1);
    CHECK(count(all, "/Span", "/Lang", "bo") == 1);
    CHECK(count(all, "/Span", "/Lang", "ru") == 1);
    CHECK(count(all, "/Span", "/Lang", "ug") == 2);  // the Uyghur paragraph and the phrase
    CHECK(count(all, "/Span", "/Lang") == 5);        // nothing else is marked as another language
    // Lines with right-to-left text carry their logical text for readers of the structure
    // (their marked content's ActualText is in the order Poppler's extraction wants).
    CHECK(count(all, "/Span", "/ActualText",
                "\u0628\u06c7 \u0643\u0649\u062a\u0627\u0628 2021-\u064a\u0649\u0644\u0649 350 "
                "\u0646\u06c7\u0633\u062e\u0627 \u0628\u06d0\u0633\u0649\u0644\u062f\u0649.") == 1);
    CHECK(count(all, "/Span", "/ActualText",
                "\u0626\u06c7\u064a\u063a\u06c7\u0631 \u062a\u0649\u0644\u0649") == 1);
    // The catalog names the document's language.
    QPDF file;
    file.processFile(pdf.c_str());
    CHECK(file.getRoot().getKey("/Lang").getUTF8Value() == "en");
}

TEST_CASE(
    "a merged letter is a part per recipient: address, subject and salutation in order, "
    "co-signers a list read down its columns",
    "[pdfcheck][tagged]") {
    const fs::path dir = broadside::test::scratch_folder("tagged-merge");
    // Two recipients of the sample's: Poppler reads the structure of each page anew for every
    // marked-content id, some seconds for the 25 letters.
    std::ofstream(dir / "two.csv")
        << "id,name,salutation,organisation,address,country\n"
           "nordavia-mfa,H.E. Ambassador Marguerite Oyelaran-Fitch,Dear Ambassador "
           "Oyelaran-Fitch,\"Foreign Ministry, Human Rights Division\",\"Kongensgate 12\n0153 "
           "Vestby\",Nordavia\n"
           "aygul-ablet,ئايگۈل ئابلەت (Aygul Ablet),Dear Ms Ablet,Uyghur Diaspora Teachers' "
           "Association,\"Rue de Lausanne 64\n1202 Geneva\",Switzerland\n";
    const std::string pdf = render(shell_quote(source + "/samples/joint-letter.md") + " --merge " +
                                       shell_quote((dir / "two.csv").string()),
                                   dir / "merged.pdf");
    const auto lines = struct_lines(pdf);
    CHECK(has_run(lines, {"\"H.E. Ambassador Marguerite Oyelaran-Fitch\"",
                          "\"Foreign Ministry, Human Rights Division\"", "\"Kongensgate 12\""}));
    // Co-signers in the order of signatories.csv, though drawn in rows across columns.
    CHECK(has_run(lines, {"LI (block)", "LBody (block)", "\"Asia Pacific Freedom Alliance\"",
                          "LI (block)", "LBody (block)", "\"Baltic Committee for Civil Liberties\"",
                          "LI (block)", "LBody (block)", "\"Bridges for Tibet\""}));
    const auto all = elements(pdf);
    CHECK(count(all, "/Letter") == 2);  // one per record, a Part in the role map
    // The page numbers and continuation heads are artifacts, not text of the letter.
    CHECK(std::none_of(lines.begin(), lines.end(), [](const std::string& line) {
        return line.find("Page 1 of") != std::string::npos;
    }));
}

TEST_CASE(
    "the PDF standard switch: a-2u writes an untagged PDF/A, ua-1 a tagged PDF without the "
    "PDF/A claim, none neither",
    "[pdfcheck][tagged]") {
    const fs::path dir = broadside::test::scratch_folder("tagged-switches");
    const std::string letter = shell_quote(source + "/samples/letter.md");
    const std::map<std::string, std::pair<bool, bool>> expected{// standard → tagged, PDF/A claim
                                                                {"a-2u", {false, true}},
                                                                {"ua-1", {true, false}},
                                                                {"none", {false, false}},
                                                                {"ua-1,a-2u", {true, true}}};
    for (const auto& [standard, claims] : expected) {
        INFO(standard);
        const std::string pdf =
            render(letter + " --pdf-standard " + standard, dir / (standard + ".pdf"));
        const std::string info = run_command("pdfinfo " + shell_quote(pdf)).out;
        CHECK((info.find("Tagged:          yes") != std::string::npos) == claims.first);
        const std::string meta = run_command("pdfinfo -meta " + shell_quote(pdf)).out;
        CHECK((meta.find("<pdfaid:part>") != std::string::npos) == claims.second);
        CHECK((meta.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos) == claims.first);
    }
    auto bad = run_command(shell_quote(BROADSIDE_BINARY) + " " + letter +
                           " --pdf-standard ua-2 -o " + shell_quote((dir / "x.pdf").string()));
    CHECK(bad.status == 2);  // a usage error, as for any bad option value
    CHECK(bad.err.find("ua-1,a-2u") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "x.pdf"));
}

TEST_CASE(
    "1,500 notes and a code block of 10,000 lines: the structure's trees and the code "
    "element are split to fit the limits of arrays, and the claims hold",
    "[pdfcheck][tagged]") {
    const fs::path dir = broadside::test::scratch_folder("tagged-large");
    std::ofstream md(dir / "many.md");
    md << "---\ntitle: Many notes\nlang: en\n---\n\n";
    for (int i = 1; i <= 1500; ++i)
        md << "Paragraph " << i << " refers to a note.[^n" << i << "]\n\n";
    md << "```\n";
    for (int i = 0; i < 10000; ++i) md << "line " << i << "\n";
    md << "```\n\n";
    for (int i = 1; i <= 1500; ++i) md << "[^n" << i << "]: Note " << i << ".\n\n";
    md.close();
    const std::string pdf = render(shell_quote((dir / "many.md").string()), dir / "many.pdf");
    CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);
    const std::string found =
        run_command(shell_quote(PDFCHECK_BINARY) + " " + shell_quote(pdf)).out;
    CHECK(found.find("PDF/UA rules kept") != std::string::npos);
    CHECK(found.find("PDF/A rules kept") != std::string::npos);
    const auto all = elements(pdf);
    CHECK(count(all, "/Note") == 1500);
    CHECK(count(all, "/NonStruct") == 3);  // 10,000 lines in groups of 4,096
    CHECK(count(all, "/Link") == 1500);    // each reference leads to its note
    QPDF file;
    file.processFile(pdf.c_str());
    QPDFObjectHandle root = file.getRoot().getKey("/StructTreeRoot");
    CHECK(root.getKey("/IDTree").getKey("/Kids").isArray());
    CHECK(root.getKey("/ParentTree").getKey("/Kids").isArray());
}

TEST_CASE("tagging changes no pixel: the archive book drawn tagged and plain looks the same",
          "[pdfcheck][tagged]") {
    const fs::path dir = broadside::test::scratch_folder("tagged-pixels");
    const std::string archive = shell_quote(source + "/samples/archive");
    std::string pictures[2];
    const std::pair<const char*, const char*> runs[] = {{"ua-1,a-2u", "tagged.pdf"},
                                                        {"none", "plain.pdf"}};
    for (int i = 0; i < 2; ++i) {
        const fs::path pdf = dir / runs[i].second;
        render(archive + " --pdf-standard " + runs[i].first, pdf);
        // PPM: pixels only, no file names or dates inside.
        pictures[i] = run_command("pdftoppm -r 30 " + shell_quote(pdf.string())).out;
    }
    REQUIRE(pictures[0].size() > 100000);
    CHECK(pictures[0] == pictures[1]);
}
