// Books of posts as real sites write them (tests/epub/data/sites): excerpts of the Rust blog
// (Zola: TOML front matter, the date in `path`, page bundles, an SVG 1.1 DOCTYPE, a `##` query,
// an emoji host) and posts with Jekyll's and Astro's date forms and a Markdown link inside an
// HTML link. Each book must pass EPUBCheck with no error or warning and keep every link valid.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "epub_support.hpp"

using namespace broadside::test;

namespace {

const std::string sites = source_dir + "/tests/epub/data/sites/";

// The book of the site folder `posts` (under data/sites), made in a fresh folder `name`: the
// program succeeds, reads every post's date, and EPUBCheck finds no error and no warning.
// Returns the book's path and what the program printed.
std::pair<std::string, std::string> clean_book(const std::string& name, const std::string& posts) {
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
    return {book, r.err};
}

// The PDF of one post under data/sites (`post`), made in a fresh folder `name`: the program
// succeeds. Returns the PDF's path and what the program printed.
std::pair<std::string, std::string> post_pdf(const std::string& name, const std::string& post) {
    const std::string dir = work_dir(name);
    auto r = run_broadside(dir, shell_quote(sites + post) + " -o post.pdf");
    INFO(r.err);
    REQUIRE(r.status == 0);
    return {dir + "/post.pdf", r.err};
}

}  // namespace

TEST_CASE(
    "a Zola blog: dates from path, page bundles, valid URLs, SVG without its DTD, site links") {
    const auto [book, err] = clean_book("site-zola", "rust-blog/content");
    CHECK(contains(err, "info: the posts belong to the Zola site in"));
    CHECK(contains(err, "links to https://blog.rust-lang.org/… lead to its posts"));

    // Newest first, each dated by its `path`; the page bundle MIR/index.md is named after its
    // folder.
    const auto entries = zip_entries(book);
    const std::vector<std::string> chapters{
        "EPUB/chapters/0010-mozilla-irc-sunset-and-the-rust-channel.xhtml",
        "EPUB/chapters/0011-rust-1-15.xhtml", "EPUB/chapters/0012-mir.xhtml"};
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

    // The site's own address of a post in the book leads to its chapter; of a post the book
    // does not hold, to the site.
    const std::string final = zip_entry(book, "EPUB/chapters/0013-final-1-0-timeline.xhtml");
    CHECK(contains(final, "<a href=\"0014-1-0-timeline.xhtml\">previous one</a>"));
    CHECK(contains(final, "href=\"https://blog.rust-lang.org/2015/01/09/Rust-1.0-alpha.html\""));
}

TEST_CASE("Zola's internal links, heading ids from attribute blocks or spelled another way, and "
          "an image written from the post's address") {
    const auto [book, err] = clean_book("site-zola-links", "rust-blog/content");
    // `[here](@/inside-rust/…/index.md)`: a file under the site's content folder.
    CHECK(contains(zip_entry(book, "EPUB/chapters/0001-infrastructure-team-2026-q1-recap-and-q2-"
                                   "plan.xhtml"),
                   "<a href=\"0002-infrastructure-team-2025-q4-recap-and-q1-2026-pl.xhtml\">here</a>"));
    // `# Motivation {#motivation}` is the heading "Motivation" with the id the link names.
    const std::string stage0 = zip_entry(book, "EPUB/chapters/0004-stage0-redesign.xhtml");
    CHECK(contains(stage0, "<h2 id=\"motivation\">Motivation</h2>"));
    CHECK(contains(stage0, "<a href=\"#motivation\">skip this section</a>"));
    // `(#zcheck-cfg)` names the heading `-Zcheck-cfg`, whose id here is `-zcheck-cfg`.
    const std::string cargo =
        zip_entry(book, "EPUB/chapters/0007-this-development-cycle-in-cargo-1-80.xhtml");
    CHECK(contains(cargo, "<a href=\"#h--zcheck-cfg\"><code>-Zcheck-cfg</code></a>"));
    CHECK(contains(cargo, "id=\"h--zcheck-cfg\""));
    // `../../../../2024/05/07/this-development-cycle-in-cargo-1.79/info.stdout.term.svg`, from
    // the address /inside-rust/2024/10/01/this-development-cycle-in-cargo-1.82/: the drawing
    // in the 1.79 post's folder.
    CHECK(contains(zip_entry(book, "EPUB/chapters/0006-this-development-cycle-in-cargo-1-82.xhtml"),
                   "<img src=\"../images/info-stdout-term-"));
    CHECK_FALSE(contains(err, "info.stdout.term.svg"));
    CHECK_FALSE(contains(err, "names a heading that does not exist"));
    CHECK_FALSE(contains(err, "does not lead to a post"));

    // The PDF book: the same links lead to their pages, the drawing is drawn.
    const std::string dir = work_dir("site-zola-links-pdf");
    auto pdf = run_broadside(dir, shell_quote(sites + "rust-blog/content") + " -o book.pdf");
    INFO(pdf.err);
    REQUIRE(pdf.status == 0);
    CHECK_FALSE(contains(pdf.err, "leads nowhere"));
    CHECK_FALSE(contains(pdf.err, "info.stdout.term.svg"));
    CHECK_FALSE(contains(pdf.err, "does not lead to a post"));
    auto images = run_command("pdfimages -list " + shell_quote(dir + "/book.pdf"));
    CHECK(contains(images.out, " image    1843   812  rgb "));  // 740 × 326 CSS px at 300 dpi
}

TEST_CASE("the same URLs in a PDF's link annotations") {
    const std::string pdf =
        post_pdf("site-zola-pdf", "rust-blog/content/Mozilla-IRC-Sunset-and-the-Rust-Channel.md")
            .first;
    auto urls = run_command("pdfinfo -url " + shell_quote(pdf));
    CHECK(contains(urls.out, "https://webchat.freenode.net/?channels=#%23rust"));
    auto text = run_command("pdftotext " + shell_quote(pdf) + " -");
    CHECK(contains(text.out, "an unofficial freenode channel"));
}

TEST_CASE("Jekyll's and Astro's dates, an MDX post, and a Markdown link inside an HTML link") {
    const std::string book = clean_book("site-jekyll-astro", "jekyll-astro").first;
    CHECK(contains(zip_entry(book, "EPUB/chapters/0001-astro-post.xhtml"),
                   "<time datetime=\"2022-07-08\">July 8, 2022</time>"));
    const std::string ruby = zip_entry(book, "EPUB/chapters/0002-ruby-time.xhtml");
    CHECK(contains(ruby, "<time datetime=\"2013-05-06T02:12:52-07:00\">"));
    // An Astro MDX post: its import and components are left out, their text stays.
    const std::string mdx = xhtml_body_text(zip_entry(book, "EPUB/chapters/0003-first-post.xhtml"));
    CHECK(contains(mdx, "Some Markdown text."));
    CHECK(contains(mdx, "Text inside an aside."));
    CHECK_FALSE(contains(mdx, "import"));
    CHECK_FALSE(contains(mdx, "Chart"));
    CHECK(contains(
        ruby, "<a href=\"https://example.org/guide\" class=\"external\">the guide for all</a>"));
}

TEST_CASE("a Jekyll site: site-path images, post_url, site pages, site settings") {
    const auto [book, err] = clean_book("site-jekyll", "jekyll-docs/_posts");
    CHECK(contains(err, "info: the posts belong to the Jekyll site in"));
    CHECK_FALSE(contains(err, "image '"));  // /img/jekyll-sticker.png is in the site's root
    CHECK_FALSE(contains(err, "site.repository"));
    const auto entries = zip_entries(book);
    CHECK(std::find_if(entries.begin(), entries.end(), [](const std::string& e) {
              return e.rfind("EPUB/images/jekyll-sticker-", 0) == 0;
          }) != entries.end());
    CHECK(contains(zip_entry(book, "EPUB/chapters/0002-jekyll-stickers-1-dollar-stickermule.xhtml"),
                   "alt=\"Jekyll Sticker\""));

    const std::string two = zip_entry(book, "EPUB/chapters/0003-jekyll-turns-2-0-0.xhtml");
    CHECK(
        contains(two, "<a href=\"0005-jekyll-1-0-0-released.xhtml\">we released Jekyll 1.0.0</a>"));
    CHECK(contains(two, "href=\"https://jekyllrb.com/docs/collections/\""));
    for (const auto& entry : entries) {
        if (entry.rfind("EPUB/chapters/", 0) != 0) continue;
        const std::string text = xhtml_body_text(zip_entry(book, entry));
        INFO(entry);
        CHECK_FALSE(contains(text, "{%"));
        CHECK_FALSE(contains(text, "post_url"));
    }
    // An HTML image with a site path, inside an HTML link inside a <div>, is the site's image.
    const std::string sponsor = zip_entry(book, "EPUB/chapters/0001-jekyll-sponsoring.xhtml");
    CHECK(std::regex_search(sponsor,
                            std::regex("<a href=\"https://forestry/io\" class=\"external\"><img "
                                       "src=\"../images/forestry-logo-[0-9a-f]{8}\\.svg\" "
                                       "alt=\"Forestry\"/></a>")));
    CHECK(contains(zip_entry(book, "EPUB/chapters/0004-jekyll-1-0-1-released.xhtml"),
                   "href=\"https://jekyllrb.com/docs/history/#v1-0-1\""));
}

TEST_CASE("HTML in real posts is translated: details, gauges, tables, links, not dropped") {
    const std::string book = clean_book("site-zola-html", "rust-blog/content").first;
    // <details> with Markdown inside: the summary is a bold line, the comments' Markdown stays.
    const std::string july =
        zip_entry(book, "EPUB/chapters/0003-project-goals-2025-july-update.xhtml");
    CHECK(contains(july, "<p><strong>2 detailed updates available.</strong></p>"));
    CHECK(contains(july, "Comment by @tmandry posted on 2025-07-17:</a></p>\n<blockquote>"));
    CHECK(contains(july,
                   "<li>We shipped async closures and the new lifetime capture rules as part of "
                   "Rust 2024."));
    CHECK(contains(xhtml_body_text(july), "excited by the lineup of goals"));
    // A flex row of <div>s with a link and a <progress>: the link and the gauge's value.
    const std::string nov = zip_entry(book, "EPUB/chapters/0005-project-goals-nov-update.xhtml");
    CHECK(contains(nov,
                   "<a href=\"https://github.com/rust-lang/rust-project-goals/issues/105\" "
                   "class=\"external\"><strong>Bring the Async Rust experience closer to "
                   "parity with sync Rust</strong></a>"));
    CHECK(contains(nov, "21/40"));
    // An HTML table: header cells, code inside cells.
    const std::string ffi = zip_entry(book, "EPUB/chapters/0009-ffi-unwind-design-meeting.xhtml");
    CHECK(contains(ffi, "<th scope=\"col\"><code>panic</code>-unwind</th>"));
    CHECK(contains(ffi,
                   "<td>Proposals 1 &amp; 2, <code>&quot;C&quot;</code> boundary, "
                   "<code>panic=unwind</code></td>"));

    // The PDF of the same post prints the table's text.
    const auto [pdf, err] = post_pdf("site-zola-html-pdf",
                                     "rust-blog/content/inside-rust/ffi-unwind-design-meeting.md");
    CHECK_FALSE(contains(err, "HTML"));
    const std::string text = run_command("pdftotext -layout " + shell_quote(pdf) + " -").out;
    CHECK(contains(text, "panic-unwind"));
    CHECK(contains(text, "destructors"));
    CHECK(contains(text, "Proposals 1 & 2"));
}

TEST_CASE("a Hugo site with a configuration folder: static images, HTML anchors, sized logos") {
    const auto [book, err] = clean_book("site-hugo", "letsencrypt/content/en/post");
    CHECK(contains(err, "info: the posts belong to the Hugo site in"));
    CHECK(contains(err, "(config/_default/hugo.toml)"));
    CHECK_FALSE(contains(err, "image '"));
    CHECK_FALSE(contains(err, "names a heading"));
    // The logo of a <div> grid: the site's static file, linked, at the size the HTML gives.
    const std::string sponsors = zip_entry(book, "EPUB/chapters/0001-renewing-sponsors.xhtml");
    CHECK(std::regex_search(
        sponsors, std::regex("<a href=\"https://www.eff.org\" class=\"external\"><img "
                             "src=\"../images/eff-logo-[0-9a-f]{8}\\.png\" alt=\"Electronic "
                             "Frontier Foundation\" width=\"80\" height=\"48\"/></a>")));
    // `[1](#1)` leads to `<a id="1"></a>`; a one-digit month still names the chapter.
    const std::string brand = zip_entry(book, "EPUB/chapters/0002-defending-our-brand.xhtml");
    CHECK(contains(brand, "<a href=\"#h-1\">1</a>"));
    CHECK(contains(brand, "<span id=\"h-1\"></span>"));

    // The PDF of the sponsors' post draws the logo inside 80 × 48 CSS pixels (60 × 36 pt).
    const auto [pdf, pdf_err] =
        post_pdf("site-hugo-pdf", "letsencrypt/content/en/post/2023-01-19-renewing-sponsors.md");
    CHECK_FALSE(contains(pdf_err, "warning"));
    const std::string images = run_command("pdfimages -list " + shell_quote(pdf)).out;
    CHECK(contains(images, "image     400   118"));
    // 400 × 118 px inside the 60 × 36 pt box, its own proportions kept: 480 pixels per inch.
    CHECK(contains(images, "  480   480 "));
    CHECK(contains(run_command("pdftotext " + shell_quote(pdf) + " -").out,
                   "Electronic Frontier Foundation"));
}

TEST_CASE("a PDF finds its site, or takes the one named with the option") {
    const std::string dir = work_dir("site-root-option");
    const std::string posts = shell_quote(
        sites + "jekyll-docs/_posts/2014-06-04-jekyll-stickers-1-dollar-stickermule.markdown");
    auto found = run_broadside(dir, posts + " -o found.pdf");
    INFO(found.err);
    CHECK(found.status == 0);
    CHECK_FALSE(contains(found.err, "image '"));
    auto chosen = run_broadside(
        dir, posts + " --site-root " + shell_quote(sites + "jekyll-docs/img") + " -o chosen.pdf");
    INFO(chosen.err);
    CHECK(chosen.status == 0);
    CHECK(contains(chosen.err, "info: the posts belong to the site root"));
    CHECK(contains(chosen.err, "warning: image '/img/jekyll-sticker.png'"));
    auto missing = run_broadside(dir, posts + " --site-root /nonexistent -o x.pdf");
    CHECK(missing.status == 1);
    CHECK(contains(missing.err, "the site root is not a folder"));
}

TEST_CASE("an archive run ends with a summary, and --report writes every message as JSON") {
    const std::string dir = work_dir("site-report");
    auto r = run_broadside(
        dir, shell_quote(sites + "jekyll-docs/_posts") + " -o book.pdf --report report.json");
    INFO(r.err);
    REQUIRE(r.status == 0);
    // The Jekyll posts' {% for %} loop is left out with warnings; the summary counts them
    // beside what was resolved ({{ site.repository }}, a post_url) and translated (a <div>).
    CHECK(contains(
        r.err,
        "summary of book.pdf:\n  posts:         5 read, 5 in the book; left out: 0 as drafts, "
        "0 for errors\n"));
    CHECK(contains(r.err, "  raw HTML:      1 blocks and tags translated, 0 elements left out"));
    CHECK(contains(r.err, "  template tags: 2 resolved, 3 not run\n"));
    const std::string json = read_file(dir + "/report.json");
    CHECK(json.rfind("[\n  {\"file\": ", 0) == 0);
    CHECK(contains(json, "\"severity\": \"warning\", \"code\": \"liquid-tag-for-is-not-run\""));
    CHECK(contains(json, "\"line\": 22, \"column\": 1,"));
    // A clean book in a pipe prints nothing, summary included.
    auto clean = run_broadside(dir, shell_quote(sites + "letsencrypt/content/en/post") +
                                        " -o clean.epub --report clean.json");
    CHECK(clean.status == 0);
    CHECK_FALSE(contains(clean.err, "summary of"));
}
