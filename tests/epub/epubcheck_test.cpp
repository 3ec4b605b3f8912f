// EPUBCheck 4.2.6 (Debian) must report no error and no warning for every kind of book, and
// libxml2 must find every XML file in it well-formed.
#include <catch2/catch.hpp>

#include <filesystem>

#include "epub_support.hpp"

using namespace broadside::test;
namespace fs = std::filesystem;

namespace {

// EPUBCheck's verdict, and libxml2's on every XML file of the book: the Nu HTML checker is not
// packaged for Debian, so well-formedness gets a second, independent parser.
void require_clean(const std::string& book) {
    REQUIRE(fs::exists(book));
    EpubCheck check = epubcheck(book);
    INFO(check.output);
    CHECK(check.status == 0);
    CHECK(check.fatals == 0);
    CHECK(check.errors == 0);
    CHECK(check.warnings == 0);
    CHECK(malformed_xml_files(book) == std::vector<std::string>{});
}

}  // namespace

TEST_CASE("epubcheck: the sample archive") {
    std::string dir = work_dir("check-sample");
    auto r = run_broadside(dir, shell_quote(source_dir + "/samples/archive") + " -o sample.epub");
    INFO(r.err);
    CHECK(r.status == 0);
    require_clean(dir + "/sample.epub");
}

TEST_CASE("epubcheck: the seed alone, whose image is missing") {
    std::string dir = work_dir("check-seed");
    auto r = run_broadside(
        dir, shell_quote(source_dir + "/tests/seed/000_76c02472bb265b5b.txt") + " -o seed.epub");
    CHECK(r.status == 0);
    CHECK(contains(
        r.err, "000_76c02472bb265b5b.txt:4:8: warning: image '../images/10-useful-git-tips.png'"));
    require_clean(dir + "/seed.epub");
    std::string opf = zip_entry(dir + "/seed.epub", "EPUB/package.opf");
    CHECK(contains(opf,
                   "<dc:title id=\"title\">Joint Letter to US Secretary of State on His Visit to "
                   "China</dc:title>"));
    CHECK(contains(opf, "<meta property=\"dcterms:modified\">2021-07-12T00:00:00Z</meta>"));
}

TEST_CASE("epubcheck: the test archive with every element and the problem cases") {
    std::string dir = work_dir("check-test-archive");
    auto r = run_broadside(
        dir, shell_quote(source_dir + "/tests/epub/data/archive") + " -o test.epub --drafts");
    CHECK(r.status == 0);
    require_clean(dir + "/test.epub");
}

TEST_CASE("epubcheck: posts given as a glob and as a list of files") {
    std::string dir = work_dir("check-glob");
    const std::string data = source_dir + "/tests/epub/data/archive/";
    auto r =
        run_broadside(dir, shell_quote(data + "2023-*.md") + " " +
                               shell_quote(data + "2024-02-20-every-element.md") + " -o list.epub");
    INFO(r.err);
    CHECK(r.status == 0);
    auto chapters = zip_entries(dir + "/list.epub");
    CHECK(std::count_if(chapters.begin(), chapters.end(), [](const std::string& e) {
              return e.rfind("EPUB/chapters/", 0) == 0;
          }) == 3);
    require_clean(dir + "/list.epub");
}

TEST_CASE("epubcheck: 2,000 generated posts") {
    std::string dir = work_dir("check-2000");
    auto gen = run_command("python3 " + shell_quote(source_dir + "/bench/epub/gen_corpus.py") +
                           " posts 2000 " + shell_quote(dir + "/posts"));
    REQUIRE(gen.status == 0);
    auto r = run_broadside(dir, "posts -o big.epub");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    auto entries = zip_entries(dir + "/big.epub");
    CHECK(std::count_if(entries.begin(), entries.end(), [](const std::string& e) {
              return e.rfind("EPUB/chapters/", 0) == 0;
          }) == 2000);
    require_clean(dir + "/big.epub");
}
