// EPUB Accessibility 1.1 (WCAG 2.2 AA): the heading outline, roles, the checks that back the
// conformance claim (alt text, link text) and the metadata that states it. Ace by DAISY checks
// the same books from the outside (tests/ace).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "epub_support.hpp"

using namespace broadside::test;
namespace fs = std::filesystem;

namespace {

const std::string conforms =
    "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>";

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

// The heading levels of an XHTML file, in document order.
std::vector<int> heading_levels(const std::string& xhtml) {
    std::vector<int> levels;
    std::regex heading("<h([1-6])[ >]");
    for (std::sregex_iterator it(xhtml.begin(), xhtml.end(), heading), end; it != end; ++it) {
        levels.push_back(std::stoi((*it)[1].str()));
    }
    return levels;
}

std::string opf_of(const std::string& book) {
    return zip_entry(book, "EPUB/package.opf");
}

// A one-post book from `markdown` (and a collection file when given); returns its folder.
std::string one_post_book(const std::string& name, const std::string& markdown,
                          const std::string& collection, CommandResult& result) {
    std::string dir = work_dir(name);
    write_file(fs::path(dir) / "posts/2024-05-01-post.md", markdown);
    if (!collection.empty()) write_file(fs::path(dir) / "posts/broadside.yaml", collection);
    result = run_broadside(dir, "posts -o book.epub");
    return dir;
}

}  // namespace

TEST_CASE("accessibility: every page's headings start at h1 and never skip a level") {
    std::string dir = work_dir("a11y-outline");
    for (const char* input : {"/samples/archive", "/tests/epub/data/archive"}) {
        auto r = run_broadside(dir, shell_quote(source_dir + input) + " -o book.epub");
        REQUIRE(r.status == 0);
        std::size_t pages = 0;
        for (const auto& entry : zip_entries(dir + "/book.epub")) {
            if (fs::path(entry).extension() != ".xhtml" || entry == "EPUB/cover.xhtml") continue;
            const auto levels = heading_levels(zip_entry(dir + "/book.epub", entry));
            INFO(input << " " << entry);
            REQUIRE(!levels.empty());
            CHECK(levels.front() == 1);
            for (std::size_t i = 1; i < levels.size(); ++i) CHECK(levels[i] <= levels[i - 1] + 1);
            ++pages;
        }
        CHECK(pages >= 5);
    }
    // The sample's posts start at ##, which becomes h2 under the chapter title (h1).
    auto r = run_broadside(dir, shell_quote(source_dir + "/samples/archive") + " -o book.epub");
    const std::string chapter =
        zip_entry(dir + "/book.epub", "EPUB/chapters/0004-detention-data-2023.xhtml");
    CHECK(heading_levels(chapter) == std::vector<int>{1, 2, 2, 3, 3, 2});
}

TEST_CASE("accessibility: the sample claims conformance, certified by its publisher") {
    std::string dir = work_dir("a11y-sample");
    auto r = run_broadside(dir, shell_quote(source_dir + "/samples/archive") + " -o book.epub");
    REQUIRE(r.status == 0);
    const std::string opf = opf_of(dir + "/book.epub");
    CHECK(contains(opf, conforms));
    CHECK(contains(opf, "<meta property=\"a11y:certifiedBy\">Lantern Rights Network, Geneva"));
    CHECK(contains(opf, "<meta property=\"schema:accessibilityFeature\">alternativeText</meta>"));
    CHECK(contains(opf, "<meta property=\"schema:accessibilityFeature\">index</meta>"));
    CHECK(contains(opf, "<meta property=\"schema:accessModeSufficient\">textual</meta>"));
    // The summary is true for this book: its languages, fonts and images.
    CHECK(contains(opf, "Written in English, Chinese (Simplified) and Uyghur"));
    CHECK(contains(opf, "right-to-left text with its direction"));
    CHECK(contains(opf, "Embedded fonts show the Chinese, Arabic-script and Tibetan text"));
    CHECK(contains(opf, "Every image has a text alternative."));
    CHECK(contains(opf, "The book meets EPUB Accessibility 1.1 at WCAG 2.2 Level AA."));
    // epub:type and ARIA roles agree on the cover, the chapters, the contents and the index.
    CHECK(contains(zip_entry(dir + "/book.epub", "EPUB/cover.xhtml"), "role=\"doc-cover\""));
    CHECK(contains(zip_entry(dir + "/book.epub", "EPUB/tags.xhtml"),
                   "epub:type=\"index\" role=\"doc-index\""));
}

TEST_CASE("accessibility: an image without alt text is named, and the book claims nothing") {
    std::string dir = work_dir("a11y-missing-alt");
    const std::string posts = source_dir + "/tests/ace/data/missing-alt";
    auto r = run_broadside(dir, shell_quote(posts) + " -o book.epub");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(contains(r.err, posts +
                              "/2024-04-01-figures.md:11:1: warning: image 'images/chart.png' has "
                              "no alt text, so the book makes no accessibility conformance claim"));
    CHECK(contains(r.err,
                   "the book does not claim EPUB Accessibility 1.1 conformance: 1 image "
                   "without alt text"));
    const std::string opf = opf_of(dir + "/book.epub");
    CHECK(!contains(opf, "dcterms:conformsTo"));
    CHECK(!contains(opf, "a11y:certifiedBy"));
    CHECK(!contains(opf, "alternativeText"));
    CHECK(contains(opf, "<meta property=\"schema:accessModeSufficient\">textual,visual</meta>"));
    CHECK(contains(opf, "1 image has no text alternative: images/chart.png."));
    // No alt attribute at all: alt="" would call the chart decorative and hide it from checkers.
    const std::string chapter = zip_entry(dir + "/book.epub", "EPUB/chapters/0001-figures.xhtml");
    CHECK(std::regex_search(chapter, std::regex("<img src=\"../images/chart-[0-9a-f]+\\.png\"/>")));
}

TEST_CASE("accessibility: a link that only says 'here' is a warning and withdraws the claim") {
    CommandResult r;
    std::string dir = one_post_book("a11y-vague-link",
                                    "---\ntitle: Links\nauthor: Ann\n---\n\nThe report is "
                                    "[here](https://example.org/report). [The 2023 report]"
                                    "(https://example.org/2023) says more.\n",
                                    "", r);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(contains(r.err,
                   "2024-05-01-post.md:6:15: warning: the link text 'here' does not say "
                   "where the link goes"));
    CHECK(!contains(r.err, "The 2023 report' does not"));
    const std::string opf = opf_of(dir + "/book.epub");
    CHECK(!contains(opf, "dcterms:conformsTo"));
    CHECK(contains(opf, "1 link whose text does not say where it goes"));
}

TEST_CASE("accessibility: certified-by in the collection file names the certifier") {
    CommandResult r;
    std::string dir =
        one_post_book("a11y-certifier", "---\ntitle: Plain\n---\n\nText.\n",
                      "title: Book\npublisher: Press\ncertified-by: Access Desk\n", r);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    const std::string opf = opf_of(dir + "/book.epub");
    CHECK(contains(opf, conforms));
    CHECK(contains(opf, "<meta property=\"a11y:certifiedBy\">Access Desk</meta>"));

    // With no certifier, publisher or author, nobody stands behind a claim, so there is none.
    dir = one_post_book("a11y-no-certifier", "---\ntitle: Plain\n---\n\nText.\n", "", r);
    CHECK(contains(r.err, "no certifier, publisher or author named"));
    CHECK(!contains(opf_of(dir + "/book.epub"), "dcterms:conformsTo"));
}
