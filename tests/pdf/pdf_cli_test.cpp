// End to end: broadside FILE.md -o FILE.pdf, checked with the real tools (pdffonts, pdftotext,
// qpdf). A missing tool fails the test.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "broadside/core/plain_text.hpp"
#include "broadside/core/reader.hpp"
#include "pdf_text.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"

using broadside::test::without_bidi_controls;

using broadside::test::read_file;
using broadside::test::run_command;
using broadside::test::shell_quote;

namespace {

const std::string source_dir = BROADSIDE_SOURCE_DIR;
const std::string scripts_md = source_dir + "/tests/pdf/scripts.md";

/// This test program's own folder (each test case runs in a program of its own under ctest).
std::string temp_dir() {
    return broadside::test::scratch_root().string();
}

/// Renders `input` to `output` with the real program; returns its stderr.
std::string render(const std::string& input, const std::string& output) {
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(input) + " -o " +
                         shell_quote(output));
    INFO(r.err);
    REQUIRE(r.status == 0);
    REQUIRE(std::filesystem::exists(output));
    return r.err;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

/// The body lines of a Markdown file as a reader sees them (front matter, `#` and the `*` of
/// emphasis dropped; the test document has no literal asterisks).
std::vector<std::string> source_lines(const std::string& md) {
    std::vector<std::string> out;
    auto all = lines_of(read_file(md));
    std::size_t i = 0;
    if (!all.empty() && all[0] == "---")
        for (i = 1; i < all.size() && all[i] != "---"; ++i) {
        }
    for (++i; i < all.size(); ++i) {
        std::string line = all[i].rfind("# ", 0) == 0 ? all[i].substr(2) : all[i];
        std::erase(line, '*');
        out.push_back(line);
    }
    return out;
}

}  // namespace

TEST_CASE("pdffonts lists only embedded, subset, Unicode-mapped Identity-H fonts", "[pdf][cli]") {
    std::string pdf = temp_dir() + "/fonts.pdf";
    render(scripts_md, pdf);
    auto r = run_command("pdffonts " + shell_quote(pdf));
    REQUIRE(r.status == 0);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() >= 2 + 5);  // header, rule, at least one face per script family
    std::string all;
    for (std::size_t i = 2; i < lines.size(); ++i) {
        std::istringstream row(lines[i]);
        std::string name, word;
        row >> name;
        std::vector<std::string> cols;
        while (row >> word) cols.push_back(word);
        INFO(lines[i]);
        REQUIRE(cols.size() >= 6);
        CHECK(name.size() > 7);
        CHECK(name[6] == '+');  // subset tag
        CHECK(std::find(cols.begin(), cols.end(), "Identity-H") != cols.end());
        // emb sub uni are the three columns before the object number
        std::size_t n = cols.size();
        CHECK(cols[n - 5] == "yes");
        CHECK(cols[n - 4] == "yes");
        CHECK(cols[n - 3] == "yes");
        all += name + "\n";
    }
    for (const char* face :
         {"NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic",
          "NotoSerifCJKsc-Regular", "NotoNaskhArabic-Regular", "NotoSerifTibetan-Regular"})
        CHECK(all.find(face) != std::string::npos);
    CHECK(all.find("JP") == std::string::npos);
}

TEST_CASE("pdftotext returns every source line exactly, in logical order", "[pdf][cli]") {
    std::string pdf = temp_dir() + "/text.pdf";
    render(scripts_md, pdf);
    auto r = run_command("pdftotext -enc UTF-8 " + shell_quote(pdf) + " -");
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("\xEF\xBF\xBD") == std::string::npos);  // no U+FFFD
    std::vector<std::string> got;
    for (const auto& line : lines_of(r.out)) {
        std::string clean = without_bidi_controls(line);
        if (clean.find_first_not_of(" \f") != std::string::npos) got.push_back(clean);
    }
    // The page opens with the front matter's title and byline and ends with its number.
    std::vector<std::string> expected = {"Five scripts on one page",
                                         "May 6, 2024 \u00B7 Broadside Tests"};
    for (const auto& line : source_lines(scripts_md)) expected.push_back(line);
    expected.push_back("1");
    CHECK(got == expected);
}

TEST_CASE("qpdf --check finds no errors and the file is PDF 1.5", "[pdf][cli]") {
    std::string pdf = temp_dir() + "/check.pdf";
    render(scripts_md, pdf);
    auto r = run_command("qpdf --check " + shell_quote(pdf));
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(read_file(pdf).rfind("%PDF-1.5", 0) == 0);
    auto info = run_command("pdfinfo " + shell_quote(pdf));
    REQUIRE(info.status == 0);
    CHECK(info.out.find("Title:           Five scripts on one page") != std::string::npos);
    CHECK(info.out.find("Author:          Broadside Tests") != std::string::npos);
    CHECK(info.out.find("Keywords:        pdf, fonts, shaping") != std::string::npos);
    CHECK(info.out.find("Subject:         Ligatures, kerning") != std::string::npos);
    CHECK(info.out.find("CreationDate:") != std::string::npos);
}

TEST_CASE("every stream is deflated but the XMP metadata, which PDF/A wants readable",
          "[pdf][cli]") {
    std::string pdf = temp_dir() + "/deflate.pdf";
    render(scripts_md, pdf);
    std::string bytes = read_file(pdf);
    auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (auto at = bytes.find(what); at != std::string::npos; at = bytes.find(what, at + 1))
            ++n;
        return n;
    };
    CHECK(count("endstream") > 10);  // pages, font programs, CMaps, colour profile
    CHECK(count("/Type /Metadata") == 1);
    CHECK(count("/FlateDecode") == count("endstream") - 1);
}

TEST_CASE("CreationDate comes from the date, else SOURCE_DATE_EPOCH, else nowhere", "[pdf][cli]") {
    std::string md = temp_dir() + "/undated.md";
    std::ofstream(md) << "---\ntitle: Undated\n---\n\nNo date here.\n";
    std::string pdf = temp_dir() + "/undated.pdf";
    auto plain = run_command("env -u SOURCE_DATE_EPOCH " + shell_quote(BROADSIDE_BINARY) + " " +
                             shell_quote(md) + " -o " + shell_quote(pdf));
    REQUIRE(plain.status == 0);
    CHECK(run_command("pdfinfo " + shell_quote(pdf)).out.find("CreationDate") == std::string::npos);
    auto epoch = run_command("SOURCE_DATE_EPOCH=1700000000 " + shell_quote(BROADSIDE_BINARY) + " " +
                             shell_quote(md) + " -o " + shell_quote(pdf));
    REQUIRE(epoch.status == 0);
    // The information dictionary sits in a compressed object stream: ask pdfinfo for the raw value.
    CHECK(run_command("pdfinfo -rawdates " + shell_quote(pdf)).out.find("D:20231114221320Z") !=
          std::string::npos);
    // Read in one place for every output: a value that is no count of seconds is a warning,
    // for a PDF as for an ePub, and no date.
    auto bad = run_command("SOURCE_DATE_EPOCH=-5 " + shell_quote(BROADSIDE_BINARY) + " " +
                           shell_quote(md) + " -o " + shell_quote(pdf));
    REQUIRE(bad.status == 0);
    CHECK(bad.err.find("SOURCE_DATE_EPOCH: warning: is not a number of seconds; ignored") !=
          std::string::npos);
    CHECK(run_command("pdfinfo " + shell_quote(pdf)).out.find("CreationDate") == std::string::npos);
}

TEST_CASE("the same input twice gives byte-identical PDFs", "[pdf][cli]") {
    std::string a = temp_dir() + "/same-a.pdf", b = temp_dir() + "/same-b.pdf";
    render(scripts_md, a);
    render(scripts_md, b);
    std::string bytes = read_file(a);
    CHECK_FALSE(bytes.empty());
    CHECK(bytes == read_file(b));
}

TEST_CASE("sizes: the test document under 80 KB, the seed letter under 40 KB", "[pdf][cli]") {
    std::string pdf = temp_dir() + "/size.pdf";
    render(scripts_md, pdf);
    CHECK(std::filesystem::file_size(pdf) < 80 * 1024);
    std::string seed_md = temp_dir() + "/seed.md";
    std::filesystem::copy_file(source_dir + "/tests/seed/000_76c02472bb265b5b.txt", seed_md,
                               std::filesystem::copy_options::overwrite_existing);
    std::string seed_pdf = temp_dir() + "/seed.pdf";
    render(seed_md, seed_pdf);
    CHECK(std::filesystem::file_size(seed_pdf) < 40 * 1024);
}

TEST_CASE("an uncovered character warns with file:line and U+XXXX and still writes", "[pdf][cli]") {
    std::string md = temp_dir() + "/missing.md";
    std::ofstream(md) << "First line.\n\nA \xCD\xB8 here.\n";  // U+0378 is unassigned
    std::string pdf = temp_dir() + "/missing.pdf";
    std::string err = render(md, pdf);
    CHECK(err.find("missing.md:3:3: warning:") != std::string::npos);
    CHECK(err.find("U+0378") != std::string::npos);
}

TEST_CASE("dump-layout prints pages of frames of runs", "[pdf][cli]") {
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(scripts_md) +
                         " --dump-layout");
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind("page 1 ", 0) == 0);
    CHECK(r.out.find("run NotoNaskhArabic-Regular 10.50pt rtl") != std::string::npos);
    CHECK(r.out.find("run NotoSerifCJKsc-Regular") != std::string::npos);
}

TEST_CASE("a failed job leaves no output file behind", "[pdf][cli]") {
    std::string pdf = temp_dir() + "/no-such-dir/out.pdf";
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(scripts_md) + " -o " +
                         shell_quote(pdf));
    CHECK(r.status == 1);
    CHECK(r.err.find("error") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(pdf));
    auto missing = run_command(shell_quote(BROADSIDE_BINARY) + " /nonexistent.md -o " +
                               shell_quote(temp_dir() + "/x.pdf"));
    CHECK(missing.status == 1);
}

TEST_CASE("a style's fonts section overrides the chain of a script", "[pdf][cli]") {
    std::string style = temp_dir() + "/fonts-style.yaml";
    std::ofstream(style) << "fonts:\n  latn: [DejaVu Sans]\n  hans: Noto Sans CJK SC\n";
    std::string md = temp_dir() + "/override.md";
    std::ofstream(md) << "Hello 人权 `code`\n";
    std::string pdf = temp_dir() + "/override.pdf";
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(md) + " --style " +
                         shell_quote(style) + " -o " + shell_quote(pdf));
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto fonts = run_command("pdffonts " + shell_quote(pdf)).out;
    CHECK(fonts.find("+DejaVuSans ") != std::string::npos);
    CHECK(fonts.find("+NotoSansCJKsc-Regular") != std::string::npos);
    CHECK(fonts.find("+NotoSansMono-Regular") != std::string::npos);  // code keeps its chain
    CHECK(fonts.find("NotoSerif-Regular") == std::string::npos);
}

TEST_CASE("pdftotext of the seed letter is the model's plain text", "[pdf][cli]") {
    std::string seed_md = temp_dir() + "/plain-seed.md";
    std::filesystem::copy_file(source_dir + "/tests/seed/000_76c02472bb265b5b.txt", seed_md,
                               std::filesystem::copy_options::overwrite_existing);
    std::string pdf = temp_dir() + "/plain-seed.pdf";
    render(seed_md, pdf);
    auto text = run_command("pdftotext -enc UTF-8 " + shell_quote(pdf) + " -");
    REQUIRE(text.status == 0);
    broadside::core::Diagnostics diags;
    auto doc = broadside::core::read_document_file(seed_md, diags);
    REQUIRE(doc);
    // The title block (title and date) opens the page and its number closes it. Compared
    // without white space: a line break after a hyphen or between Chinese characters is a
    // space to pdftotext and nothing in the source.
    auto squeeze = [](std::string s) {
        std::erase_if(s, [](char c) { return c == ' ' || c == '\n' || c == '\f'; });
        return s;
    };
    CHECK(
        squeeze(without_bidi_controls(text.out)) ==
        squeeze(*doc->meta.title() + " July 12, 2021 " + broadside::core::plain_text(*doc) + " 1"));
}

TEST_CASE("the layout dump of the test page matches the reviewed golden file", "[pdf][cli]") {
    // BROADSIDE_UPDATE_GOLDEN=1 rewrites the file; review the diff before committing it.
    std::string golden = source_dir + "/tests/pdf/golden/scripts.layout";
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(scripts_md) +
                         " --dump-layout");
    REQUIRE(r.status == 0);
    if (std::getenv("BROADSIDE_UPDATE_GOLDEN")) std::ofstream(golden) << r.out;
    CHECK(r.out == read_file(golden));
}

TEST_CASE(
    "emoji are drawn in outline by Symbola, and one it lacks names the package in its "
    "hint",
    "[pdf][cli]") {
    // U+1F980 (crab, Unicode 8) is in Symbola; U+1F973 (partying face, Unicode 11) is not.
    std::string md = temp_dir() + "/emoji.md";
    std::ofstream(md) << "# Release\n\nRust \xF0\x9F\xA6\x80 and a party \xF0\x9F\xA5\xB3.\n";
    std::string pdf = temp_dir() + "/emoji.pdf";
    const std::string err = render(md, pdf);
    CHECK(run_command("pdffonts " + shell_quote(pdf)).out.find("Symbola") != std::string::npos);
    CHECK(err.find("U+1F980") == std::string::npos);
    CHECK(err.find("no installed font covers U+1F973") != std::string::npos);
    CHECK(err.find("install Debian's fonts-symbola") != std::string::npos);
    // The crab is text: it copies out of the PDF as itself.
    CHECK(run_command("pdftotext " + shell_quote(pdf) + " -").out.find("Rust \xF0\x9F\xA6\x80") !=
          std::string::npos);
}
