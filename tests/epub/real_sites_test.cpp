// Books of posts as real sites write them (tests/epub/data/sites): excerpts of the Rust blog
// (Zola: TOML front matter, the date in `path`, page bundles, an SVG 1.1 DOCTYPE, a `##` query,
// an emoji host) and posts with Jekyll's and Astro's date forms and a Markdown link inside an
// HTML link. Each book must pass EPUBCheck with no error or warning and keep every link valid.
#include <catch2/catch.hpp>

#include <algorithm>

#include "epub_support.hpp"

using namespace broadside::test;

namespace {

const std::string sites = source_dir + "/tests/epub/data/sites/";

// The book of the site folder `posts` (under data/sites), made in a fresh folder `name`: the
// program succeeds, reads every post's date, and EPUBCheck finds no error and no warning.
std::string clean_book(const std::string& name, const std::string& posts) {
    const std::string dir = work_dir(name);
    auto r = run_broadside(dir, shell_quote(sites + posts) + " -o book.epub");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK_FALSE(contains(r.err, "not a date"));
    const std::string book = dir + "/book.epub";
    EpubCheck check = epubcheck(book);
    INFO(check.output);
    CHECK(check.errors == 0);
    CHECK(check.warnings == 0);
    CHECK(check.fatals == 0);
    return book;
}

}  // namespace

TEST_CASE("a Zola blog: dates from path, page bundles, valid URLs, SVG without its DTD") {
    const std::string book = clean_book("site-zola", "rust-blog/content");

    // Newest first, each dated by its `path`; the page bundle MIR/index.md is named after its
    // folder.
    const auto entries = zip_entries(book);
    const std::vector<std::string> chapters{
        "EPUB/chapters/0001-mozilla-irc-sunset-and-the-rust-channel.xhtml",
        "EPUB/chapters/0002-rust-1-15.xhtml", "EPUB/chapters/0003-mir.xhtml"};
    for (const auto& c : chapters)
        CHECK(std::find(entries.begin(), entries.end(), c) != entries.end());
    CHECK(contains(zip_entry(book, chapters[0]), "<time datetime=\"2019-04-26\">"));
    CHECK(contains(zip_entry(book, chapters[2]), "<time datetime=\"2016-04-19\">"));

    // `?channels=##rust`: the second `#` cannot stand in a fragment; the emoji host is
    // punycode, as browsers resolve it.
    CHECK(contains(zip_entry(book, chapters[0]),
                   "href=\"https://webchat.freenode.net/?channels=#%23rust\""));
    CHECK(contains(zip_entry(book, chapters[1]), "href=\"https://xn--qei.rust-lang.org\""));
    CHECK(contains(zip_entry(book, chapters[1]), ">https://❤.rust-lang.org</a>"));

    // The OmniGraffle drawing keeps everything but its DOCTYPE.
    auto svg = std::find_if(entries.begin(), entries.end(), [](const std::string& e) {
        return e.rfind("EPUB/images/flow-", 0) == 0;
    });
    REQUIRE(svg != entries.end());
    const std::string drawing = zip_entry(book, *svg);
    CHECK_FALSE(contains(drawing, "<!DOCTYPE"));
    CHECK(contains(drawing, "<tspan font-family=\"Helvetica\""));
}

TEST_CASE("the same URLs in a PDF's link annotations") {
    const std::string dir = work_dir("site-zola-pdf");
    auto r = run_broadside(
        dir, shell_quote(sites + "rust-blog/content/Mozilla-IRC-Sunset-and-the-Rust-Channel.md") +
                 " -o irc.pdf");
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto urls = run_command("pdfinfo -url " + shell_quote(dir + "/irc.pdf"));
    CHECK(contains(urls.out, "https://webchat.freenode.net/?channels=#%23rust"));
    auto text = run_command("pdftotext " + shell_quote(dir + "/irc.pdf") + " -");
    CHECK(contains(text.out, "an unofficial freenode channel"));
}

TEST_CASE("Jekyll's and Astro's dates, and a Markdown link inside an HTML link is its text") {
    const std::string book = clean_book("site-jekyll-astro", "jekyll-astro");
    CHECK(contains(zip_entry(book, "EPUB/chapters/0001-astro-post.xhtml"),
                   "<time datetime=\"2022-07-08\">July 8, 2022</time>"));
    const std::string ruby = zip_entry(book, "EPUB/chapters/0002-ruby-time.xhtml");
    CHECK(contains(ruby, "<time datetime=\"2013-05-06T02:12:52-07:00\">"));
    CHECK(contains(ruby, "<a href=\"https://example.org/guide\">the guide for all</a>"));
}
