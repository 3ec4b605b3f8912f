// End to end: a folder of posts becomes one PDF book (broadside samples/archive -o x.pdf),
// checked with qpdf (structure, outline) and pdftotext (contents, chapters, running heads).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "broadside/core/plain_text.hpp"
#include "broadside/core/reader.hpp"
#include "layout_text.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using broadside::test::dump_text;
using broadside::test::DumpText;
using broadside::test::first_difference;
using broadside::test::letters;
using broadside::test::read_file;
using broadside::test::run_command;
using broadside::test::shell_quote;

namespace {

const std::string archive = std::string(BROADSIDE_SOURCE_DIR) + "/samples/archive";

std::string make_book(const std::string& name, const std::string& extra) {
    const fs::path dir = broadside::test::scratch_folder(name);
    const std::string pdf = (dir / "archive.pdf").string();
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(archive) + " -o " +
                         shell_quote(pdf) + extra);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return pdf;
}

std::string page_text(const std::string& pdf, int first, int last) {
    return run_command("pdftotext -f " + std::to_string(first) + " -l " + std::to_string(last) +
                       " " + shell_quote(pdf) + " -")
        .out;
}

int page_count(const std::string& pdf) {
    std::smatch m;
    const std::string info = run_command("pdfinfo " + shell_quote(pdf)).out;
    REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(m[1]);
}

// The outline as "title@page" lines, indented by depth, from qpdf's JSON.
std::string outline(const std::string& pdf) {
    const std::string script =
        "import json,sys\n"
        "def walk(items, depth):\n"
        "    for x in items:\n"
        "        print('  ' * depth + x['title'] + '@' + str(x['destpageposfrom1']))\n"
        "        walk(x['kids'], depth + 1)\n"
        "walk(json.load(sys.stdin)['outlines'], 0)\n";
    return run_command("qpdf --json --json-key=outlines " + shell_quote(pdf) + " | python3 -c " +
                       shell_quote(script))
        .out;
}

// One chapter of a book's `--dump-layout`: where it starts and the tree of its pages.
struct DumpedChapter {
    int first_page = 0;
    std::string path;
    std::string dump;
};

std::vector<DumpedChapter> dumped_chapters(const std::string& dump) {
    static const std::regex header(R"(^chapter \d+ page (\d+) (.*)$)");
    std::vector<DumpedChapter> out;
    std::istringstream in(dump);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_match(line, m, header))
            out.push_back({std::stoi(m[1]), m[2], {}});
        else if (!out.empty())
            out.back().dump += line + "\n";
    }
    return out;
}

// Makes the book of `posts` and compares every chapter three ways: the model's text is the
// text laid out on the chapter's pages (body and footnotes apart, as for single documents),
// and pdftotext finds exactly the laid-out text, furniture included, on those pages. Returns
// the number of chapters compared.
std::size_t compare_chapters(const std::string& posts, const std::string& name) {
    const fs::path dir = broadside::test::scratch_folder(name);
    const std::string pdf = (dir / "book.pdf").string();
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(posts) +
                         " --dump-layout -o " + shell_quote(pdf));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);
    // -raw keeps the drawing order, which is the dump's; pages end with a form feed.
    const auto text = run_command("pdftotext -raw " + shell_quote(pdf) + " -");
    REQUIRE(text.status == 0);
    std::vector<std::string> pages;
    std::istringstream split(text.out);
    for (std::string page; std::getline(split, page, '\f');) pages.push_back(page);

    const auto chapters = dumped_chapters(r.out);
    int next_page = 0;  // after the chapter compared last
    for (const auto& chapter : chapters) {
        INFO(chapter.path);
        broadside::core::Diagnostics diags;
        auto doc = broadside::core::read_document_file(chapter.path, diags);
        REQUIRE(doc);
        broadside::core::Document body = *doc, notes = *doc;
        std::erase_if(body.blocks, [](const broadside::core::Block& b) {
            return std::holds_alternative<broadside::core::FootnoteDefinition>(b.node);
        });
        std::erase_if(notes.blocks, [](const broadside::core::Block& b) {
            return !std::holds_alternative<broadside::core::FootnoteDefinition>(b.node);
        });
        const DumpText laid_out = dump_text(chapter.dump);
        CHECK(first_difference(letters(laid_out.body),
                               letters(broadside::core::plain_text(body))) == "equal");
        CHECK(first_difference(letters(laid_out.footnotes),
                               letters(broadside::core::plain_text(notes))) == "equal");
        std::string printed;
        std::istringstream page_lines(chapter.dump);
        int page = chapter.first_page;
        for (std::string line; std::getline(page_lines, line);)
            if (line.rfind("page ", 0) == 0) {
                REQUIRE(page <= static_cast<int>(pages.size()));
                printed += pages[static_cast<std::size_t>(page++ - 1)];
            }
        CHECK(first_difference(letters(printed), letters(laid_out.all)) == "equal");
        next_page = page;
    }
    CHECK(next_page - 1 == page_count(pdf));  // the last chapter ends the book
    return chapters.size();
}

}  // namespace

TEST_CASE("a folder of posts is one PDF book: contents, chapters, outline", "[pdf][cli][book]") {
    const std::string pdf = make_book("book", "");
    CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);

    // Title page, then the contents: each post's title with the page its chapter starts on.
    CHECK(page_text(pdf, 1, 1).find("Lantern Rights Network: Posts 2023–2025") !=
          std::string::npos);
    const std::string toc = page_text(pdf, 2, 2);
    REQUIRE(toc.find("Contents") != std::string::npos);
    const std::vector<std::pair<std::string, std::string>> chapters{
        {"A Digital Security Checklist for Volunteers", "2024-09-10-digital-security-checklist"},
        {"Detention Data 2023: What the Numbers Show", "2024-03-02-detention-data-2023"},
        {"Event Notes: Our June 4th Vigil in Exile", "2023-06-04-vigil-event-notes"}};
    const std::string o = outline(pdf);
    INFO(o);
    CHECK(o.find("Contents@2\n") != std::string::npos);
    for (const char* year : {"\n2025@3\n", "\n2024@", "\n2023@"})
        CHECK(o.find(year) != std::string::npos);
    std::vector<int> starts;
    for (const auto& [title, file] : chapters) {
        INFO(title);
        std::smatch m;
        // The contents' row: the title, then its page number in a cell of its own.
        const std::string row = toc.substr(toc.find(title) + title.size());
        REQUIRE(std::regex_search(row, m, std::regex("^\\s*(\\d+)\\n")));
        const int first = std::stoi(m[1]);
        starts.push_back(first);
        // The chapter starts there, the outline leads there, under its year.
        CHECK(page_text(pdf, first, first).rfind(title.substr(0, 20), 0) == 0);
        CHECK(o.find("  " + title + "@" + std::to_string(first) + "\n") != std::string::npos);
    }
    // Page numbers run through the book.
    CHECK(page_text(pdf, starts[0] + 1, starts[0] + 1).find(std::to_string(starts[0] + 1)) !=
          std::string::npos);
}

TEST_CASE("with --duplex every chapter starts on a right-hand page", "[pdf][cli][book]") {
    const std::string pdf = make_book("book-duplex", " --duplex");
    CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);
    const std::string o = outline(pdf);
    INFO(o);
    // Posts are the outline's second level: "  Title@page".
    std::istringstream lines(o);
    int posts = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("  ", 0) != 0 || line.rfind("   ", 0) == 0) continue;
        ++posts;
        CHECK(std::stoi(line.substr(line.rfind('@') + 1)) % 2 == 1);
    }
    CHECK(posts == 7);  // the draft is left out, as in the ePub
}

TEST_CASE("the same posts give the same PDF book, byte for byte", "[pdf][cli][book]") {
    CHECK(read_file(make_book("book-a", " --jobs 1")) == read_file(make_book("book-b", "")));
}

TEST_CASE("a post with nothing to print is still a chapter of the PDF book", "[pdf][cli][book]") {
    const fs::path dir = broadside::test::scratch_folder("book-empty-post");
    fs::create_directories(dir / "posts");
    std::ofstream(dir / "posts/2024-01-02-text.md") << "---\ntitle: Text\n---\n\nWords.\n";
    // The Rust blog's releases/latest.md: front matter for a template, no title, no body.
    std::ofstream(dir / "posts/latest.md") << "+++\ntemplate = \"latest.html\"\n+++\n";
    const std::string pdf = (dir / "book.pdf").string();
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " +
                         shell_quote((dir / "posts").string()) + " -o " + shell_quote(pdf));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string o = outline(pdf);
    INFO(o);
    CHECK(o.find("  Text@3\n") != std::string::npos);
    CHECK(o.find("  latest@4\n") != std::string::npos);
    CHECK(page_text(pdf, 4, 4).find("latest") != std::string::npos);
}

TEST_CASE("every chapter's PDF text is its post's text: the sample archive and 2,000 posts",
          "[pdf][cli][book]") {
    CHECK(compare_chapters(archive, "book-text-samples") == 7);
    const fs::path posts = broadside::test::scratch_folder("book-text-generated-posts");
    auto gen = run_command(
        "python3 " + shell_quote(std::string(BROADSIDE_SOURCE_DIR) + "/bench/epub/gen_corpus.py") +
        " posts 2000 " + shell_quote(posts.string()));
    REQUIRE(gen.status == 0);
    CHECK(compare_chapters(posts.string(), "book-text-generated") == 2000);
}

namespace {

// A chapter's lines of text with their place, break and text, without its page numbers,
// which count from 1 in each part of a book. Runs and anchors are left out: a link to a post in
// another part is text without a link, in one run, and a part that starts within a year has
// that year's bookmark.
std::string printed_lines(const std::string& dump) {
    std::string out;
    std::istringstream in(dump);
    for (std::string line; std::getline(in, line);)
        if (line.find(" line [") != std::string::npos &&
            line.find("line [page-number]") == std::string::npos)
            out += line + "\n";
    return out;
}

}  // namespace

TEST_CASE("three shards of a PDF book hold the whole book's chapters, each laid out the same",
          "[pdf][cli][book][shard]") {
    const fs::path dir = broadside::test::scratch_folder("book-shards");
    auto book = [&](const std::string& name, const std::string& extra) {
        const std::string pdf = (dir / name).string();
        auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(archive) +
                             " --dump-layout -o " + shell_quote(pdf) + extra);
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(run_command("qpdf --check " + shell_quote(pdf)).status == 0);
        return dumped_chapters(r.out);
    };
    const auto whole = book("whole.pdf", "");
    REQUIRE(whole.size() == 7);
    std::vector<DumpedChapter> parts;
    const std::vector<std::size_t> sizes{2, 2, 3};  // contiguous blocks of the 7 posts
    for (int k = 1; k <= 3; ++k) {
        const std::string name = "part" + std::to_string(k) + ".pdf";
        auto part = book(name, " --shard " + std::to_string(k) + "/3");
        CHECK(part.size() == sizes[static_cast<std::size_t>(k - 1)]);
        // Its own title page says which part it is; its contents list its own posts only.
        const std::string front = page_text((dir / name).string(), 1, 2);
        CHECK(front.find("Part " + std::to_string(k) + " of 3") != std::string::npos);
        // The second post, "A Digital Security Checklist…", is in the first part only.
        CHECK((front.find("Digital Security") != std::string::npos) == (k == 1));
        parts.insert(parts.end(), part.begin(), part.end());
    }
    REQUIRE(parts.size() == whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
        INFO(whole[i].path);
        CHECK(parts[i].path == whole[i].path);
        CHECK(first_difference(printed_lines(parts[i].dump), printed_lines(whole[i].dump)) ==
              "equal");
        CHECK(printed_lines(parts[i].dump).size() > 1000);
    }
    auto single = run_command(shell_quote(BROADSIDE_BINARY) + " " +
                              shell_quote(archive + "/2023-06-04-vigil-event-notes.md") +
                              " --shard 1/2 -o " + shell_quote((dir / "one.pdf").string()));
    CHECK(single.status == 2);
    CHECK(single.err.find("--shard splits") != std::string::npos);
}

TEST_CASE(
    "the PDF book warns once about an image, from its layout, and not about the ePub's "
    "accessibility claim",
    "[pdf][cli][book]") {
    const fs::path dir = broadside::test::scratch_folder("book-image-warning");
    fs::create_directories(dir / "posts");
    std::ofstream(dir / "posts/2024-01-02-post.md")
        << "---\ntitle: Post\n---\n\n![](missing.png)\n\nRead it [here](https://example.org).\n";
    auto r =
        run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote((dir / "posts").string()) +
                    " -o " + shell_quote((dir / "book.pdf").string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::size_t warnings = 0;
    for (std::size_t at = r.err.find("missing.png"); at != std::string::npos;
         at = r.err.find("missing.png", at + 1))
        ++warnings;
    CHECK(warnings == 1);
    CHECK(r.err.find("accessibility conformance claim") == std::string::npos);
}
