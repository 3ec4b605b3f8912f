// The book's own words (Contents, Title page, Index of tags) in the book's language, from the
// same tables as a letter's; the book still passes EPUBCheck.
#include <catch2/catch.hpp>

#include <fstream>

#include "epub_support.hpp"

using namespace broadside::test;

namespace {

std::string book_in(const std::string& lang) {
    std::string dir = work_dir("words-" + lang);
    std::ofstream(dir + "/broadside.yaml") << "title: Book\nlanguage: " << lang << "\n";
    std::ofstream(dir + "/one.md") << "---\ntitle: One\ndate: 2024-01-02\ntags: [a]\n---\n\nText.\n";
    std::ofstream(dir + "/two.md") << "---\ntitle: Two\ntags: [b]\n---\n\nText.\n";
    auto r = run_broadside(dir, ". -o book.epub");
    INFO(r.err);
    REQUIRE(r.status == 0);
    return dir + "/book.epub";
}

}  // namespace

TEST_CASE("epub: a German book says Inhalt, Titelseite and Schlagwortverzeichnis") {
    std::string book = book_in("de");
    std::string nav = zip_entry(book, "EPUB/nav.xhtml");
    CHECK(contains(nav, "<h1>Inhalt</h1>"));
    CHECK(contains(nav, ">Titelseite</a>"));
    CHECK(contains(nav, ">Schlagwortverzeichnis</a>"));
    CHECK(contains(nav, ">Ohne Datum<"));  // the group of undated posts
    CHECK_FALSE(contains(nav, "Contents"));
    CHECK(contains(zip_entry(book, "EPUB/package.opf"), "title=\"Titelseite\""));
    auto check = epubcheck(book);
    INFO(check.output);
    CHECK(check.errors == 0);
    CHECK(check.warnings == 0);
}

TEST_CASE("epub: a Uyghur book's contents page says مۇندەرىجە") {
    std::string nav = zip_entry(book_in("ug"), "EPUB/nav.xhtml");
    CHECK(contains(nav, "<h1>مۇندەرىجە</h1>"));
}
