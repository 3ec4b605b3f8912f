// The book as a reader and a validator see it: package layout, text, links, footnotes,
// images, languages and the problem cases, checked by unzipping what the program wrote.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>

#include "broadside/core/plain_text.hpp"
#include "broadside/core/reader.hpp"
#include "broadside/epub/book.hpp"
#include "broadside/styles/style.hpp"
#include "epub_support.hpp"

using namespace broadside::test;
namespace core = broadside::core;
namespace fs = std::filesystem;

namespace {

const std::string archive = source_dir + "/tests/epub/data/archive";

// Builds the test archive into `name`/book.epub and returns the book's path.
std::string build_test_book(const std::string& name, const std::string& extra = {},
                            CommandResult* result = nullptr) {
    std::string dir = work_dir(name);
    auto r = run_broadside(dir, shell_quote(archive) + " -o book.epub " + extra);
    if (result) *result = r;
    return dir + "/book.epub";
}

std::vector<std::string> chapter_entries(const std::string& book) {
    std::vector<std::string> out;
    for (const auto& e : zip_entries(book)) {
        if (e.rfind("EPUB/chapters/", 0) == 0) out.push_back(e);
    }
    return out;
}

}  // namespace

TEST_CASE("epub: the test archive reports each problem case and still makes a book") {
    CommandResult r;
    std::string book = build_test_book("problems", "", &r);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(fs::exists(book));
    const std::string p = archive + "/";
    CHECK(contains(r.err, p + "2022-10-10-broken.md:2:8: warning: malformed YAML"));
    CHECK(contains(r.err, "(post skipped)"));
    CHECK(contains(
        r.err,
        p + "2022-11-11-problems.md:4:8: warning: image 'images/missing-header.png' not found"));
    CHECK(contains(r.err,
                   p + "2022-11-11-problems.md:8:17: warning: image 'images/nope.png' not found"));
    CHECK(contains(r.err, "image 'https://example.org/logo.png' is remote and is not fetched"));
    CHECK(contains(r.err, "image '../outside/secret.png' lies outside the input folder"));
    CHECK(!contains(r.err, "photo.webp"));  // kept, with a fallback
    CHECK(contains(r.err, "image 'images/unsafe.svg' is an SVG with scripts; left out"));
    CHECK(contains(r.err, "link 'no-such-post.md' does not lead to a post in the book"));
    CHECK(contains(r.err, "link 'javascript:alert(1)' uses a scheme readers do not open"));
    CHECK(contains(r.err, "names a heading that does not exist"));
    CHECK(contains(r.err, "<script> is left out: a book or a PDF runs no scripts"));
    // An HTML image is an image like Markdown's, missing ones warned about alike.
    CHECK(contains(r.err, "image 'x.png' not found"));
    CHECK(contains(r.err, "link '2024-01-05-draft.md' does not lead to a post in the book"));
    // The summary of skipped posts comes last.
    CHECK(contains(r.err.substr(r.err.rfind("warning:")), "1 of 9 posts were left out"));
}

TEST_CASE("epub: mimetype is the first entry, stored, without extra field") {
    std::string book = build_test_book("mimetype");
    auto entries = zip_entries(book);
    REQUIRE(!entries.empty());
    CHECK(entries.front() == "mimetype");
    CHECK(zip_entry(book, "mimetype") == "application/epub+zip");
    auto v = run_command("zipinfo -v " + shell_quote(book) + " mimetype");
    INFO(v.out);
    CHECK(contains(v.out, "compression method:                             none (stored)"));
    CHECK(contains(v.out, "length of extra field:                          0 bytes"));
    CHECK(entries[1] == "META-INF/container.xml");
    CHECK(contains(zip_entry(book, "META-INF/container.xml"), "full-path=\"EPUB/package.opf\""));
}

TEST_CASE("epub: each chapter's text equals the model's plain text of its post") {
    std::string book = build_test_book("plain-text", "--drafts");
    std::map<std::string, std::string> expected;  // title -> normalised plain text
    for (const auto& entry : fs::recursive_directory_iterator(archive)) {
        if (entry.path().extension() != ".md") continue;
        core::Diagnostics diags;
        auto doc = core::read_document_file(entry.path().string(), diags);
        if (!doc || diags.has_errors()) continue;
        std::string title = doc->meta.title().value_or("");
        if (title.empty()) {
            for (const auto& b : doc->blocks) {
                if (const auto* h = std::get_if<core::Heading>(&b.node)) {
                    title = core::plain_text(h->children);
                    break;
                }
            }
        }
        expected[title] = core::normalize_whitespace(core::plain_text(*doc));
    }
    auto chapters = chapter_entries(book);
    CHECK(chapters.size() == expected.size());
    for (const auto& name : chapters) {
        std::string xhtml = zip_entry(book, name);
        std::string title = element_text(xhtml, "chapter-title");
        INFO(name << ": " << title);
        REQUIRE(expected.count(title) == 1);
        CHECK(core::normalize_whitespace(xhtml_body_text(xhtml)) == expected[title]);
    }
}

TEST_CASE("epub: the same inputs give byte-identical books") {
    std::string a = build_test_book("identical-a");
    std::string b = build_test_book("identical-b");
    std::string bytes = read_file(a);
    CHECK(!bytes.empty());
    CHECK(bytes == read_file(b));
    // Any number of worker threads gives the same bytes (cmark-gfm is not thread-safe; a race
    // once dropped bare-URL autolinks in some runs).
    for (int run = 0; run < 4; ++run) {
        CommandResult r;
        std::string threaded = build_test_book("identical-j" + std::to_string(run), "-j 8", &r);
        CHECK(read_file(threaded) == bytes);
    }
    std::string opf = zip_entry(a, "EPUB/package.opf");
    // Without SOURCE_DATE_EPOCH the newest post's date is used, never the clock.
    CHECK(contains(opf, "<meta property=\"dcterms:modified\">2024-02-20T09:30:00Z</meta>"));
    CHECK(std::regex_search(opf, std::regex("<dc:identifier "
                                            "id=\"uid\">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{"
                                            "3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}</dc:identifier>")));

    std::string dir = work_dir("identical-epoch");
    auto r = run_command("cd " + shell_quote(dir) + " && SOURCE_DATE_EPOCH=1700000000 " +
                         shell_quote(program) + " " + shell_quote(archive) + " -o book.epub");
    CHECK(r.status == 0);
    CHECK(contains(zip_entry(dir + "/book.epub", "EPUB/package.opf"),
                   "<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"));
}

TEST_CASE("epub: package metadata, accessibility, nav grouped by year, NCX and tag index") {
    std::string book = build_test_book("package");
    std::string opf = zip_entry(book, "EPUB/package.opf");
    CHECK(contains(opf, "<dc:title id=\"title\">Test Archive: Every Element</dc:title>"));
    CHECK(contains(
        opf, "<dc:title id=\"subtitle\">Footnotes, images, tables and three scripts</dc:title>"));
    CHECK(contains(opf, "<dc:language>en</dc:language>"));
    CHECK(contains(opf, "<dc:creator id=\"creator2\">Second Writer</dc:creator>"));
    CHECK(contains(opf, "<dc:publisher>Broadside Tests</dc:publisher>"));
    CHECK(contains(opf, "<dc:date>2024-03-01</dc:date>"));
    CHECK(contains(opf, "<dc:subject>languages</dc:subject>"));
    CHECK(contains(opf, "<dc:description>A book built from posts"));
    CHECK(contains(opf, "properties=\"cover-image\""));
    CHECK(contains(opf, "<meta property=\"schema:accessMode\">textual</meta>"));
    CHECK(contains(opf, "<meta property=\"schema:accessMode\">visual</meta>"));
    CHECK(contains(opf, "<meta property=\"schema:accessModeSufficient\">textual</meta>"));
    CHECK(contains(opf, "<meta property=\"schema:accessibilityFeature\">alternativeText</meta>"));
    CHECK(contains(opf, "<meta property=\"schema:accessibilityHazard\">none</meta>"));
    CHECK(contains(opf, "<meta property=\"schema:accessibilitySummary\">"));
    CHECK(contains(opf, "<spine toc=\"ncx\">"));
    for (const auto& [ext, type] : std::map<std::string, std::string>{{".png", "image/png"},
                                                                      {".jpg", "image/jpeg"},
                                                                      {".gif", "image/gif"},
                                                                      {".svg", "image/svg+xml"}}) {
        INFO(ext);
        CHECK(std::regex_search(
            opf, std::regex("href=\"images/[a-z0-9-]+\\" + ext + "\" media-type=\"")));
        CHECK(contains(opf, ext + "\" media-type=\"" + type + "\""));
    }
    // WebP is a foreign resource in EPUB 3.2: kept with an SVG fallback showing its alt text.
    CHECK(std::regex_search(
        opf,
        std::regex(
            "<item id=\"[^\"]+\" href=\"images/photo-[0-9a-f]{8}\\.webp\" "
            "media-type=\"image/webp\" fallback=\"i-images-photo-[0-9a-f]{8}-fallback-svg\"/>")));
    CHECK(std::regex_search(
        opf,
        std::regex(
            "href=\"images/photo-[0-9a-f]{8}-fallback\\.svg\" media-type=\"image/svg\\+xml\"")));
    CHECK(!contains(opf, "secret"));

    std::string nav = zip_entry(book, "EPUB/nav.xhtml");
    CHECK(contains(nav, "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">"));
    CHECK(contains(nav, "<li><span>2024</span>"));
    CHECK(contains(nav, "<li><span>2022</span>"));
    CHECK(contains(nav, "<li><span>Undated</span>"));
    CHECK(contains(nav, "<nav epub:type=\"landmarks\""));
    CHECK(contains(nav, "epub:type=\"bodymatter\" href=\"chapters/0001-every-element.xhtml\""));
    std::string ncx = zip_entry(book, "EPUB/toc.ncx");
    CHECK(contains(ncx, "<meta name=\"dtb:uid\" content=\"urn:uuid:"));
    CHECK(contains(ncx, "<text>Every Element: a tour</text>"));
    std::string tags = zip_entry(book, "EPUB/tags.xhtml");
    CHECK(contains(tags, "<dt id=\"tag1\">languages</dt>"));
    CHECK(contains(tags, "href=\"chapters/0002-non-latin.xhtml\""));
    std::string title = zip_entry(book, "EPUB/title.xhtml");
    CHECK(contains(title, "epub:type=\"titlepage\""));
    CHECK(contains(title, "2022–2024 · 7 posts"));
}

TEST_CASE("epub: XHTML from the model: tables, task lists, footnotes, links, HTML") {
    std::string book = build_test_book("xhtml");
    std::string x = zip_entry(book, "EPUB/chapters/0001-every-element.xhtml");
    CHECK(contains(x, "<!DOCTYPE html>"));
    CHECK(contains(x, "xmlns:epub=\"http://www.idpf.org/2007/ops\""));
    // Post headings sit below the chapter title.
    CHECK(contains(x, "<h2 id=\"a-level-one-heading-inside-the-post\">"));
    CHECK(contains(x, "<th scope=\"col\" class=\"center\">Centre</th>"));
    CHECK(contains(x, "<td class=\"right\">22</td>"));
    CHECK(!contains(x, "align="));
    CHECK(!contains(x, "<input"));
    CHECK(contains(x, "aria-label=\"done\">☑</span>"));
    CHECK(contains(x, "<ol start=\"3\">"));
    CHECK(contains(x, "<pre><code class=\"language-python\">"));
    CHECK(contains(x, "&lt;hello {name}&gt; &amp; goodbye"));
    // Footnotes: noteref links to an aside in the same file, back link first, ids per chapter.
    CHECK(contains(x,
                   "<a epub:type=\"noteref\" role=\"doc-noteref\" class=\"noteref\" "
                   "id=\"bs-c1-fnref1\" href=\"#bs-c1-fn1\">1</a>"));
    CHECK(contains(x, "id=\"bs-c1-fnref1-2\" href=\"#bs-c1-fn1\""));
    CHECK(contains(x,
                   "<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"bs-c1-fn2\">\n<p><a "
                   "class=\"fn-back bs-x\" href=\"#bs-c1-fnref2\" role=\"doc-backlink\">2.</a>"));
    // Links between posts lead to chapter files; external links stay.
    CHECK(contains(x, "<a href=\"0002-non-latin.xhtml\">link to another post</a>"));
    CHECK(contains(x, "<a href=\"0002-non-latin.xhtml#chinese-passage\">"));
    CHECK(contains(x, "<a href=\"0003-uyghur-notes.xhtml\">to the slug</a>"));
    CHECK(contains(x, "<a href=\"#tables\">"));
    CHECK(contains(
        x, "<a href=\"https://example.org/page\" title=\"Example title\" class=\"external\">"));
    CHECK(contains(x, "link to a draft that cannot be kept"));
    CHECK(!contains(x, ".md\""));
    // Raw HTML is translated into the model's own nodes; scripts and handlers are gone.
    CHECK(contains(x, "press <code>Ctrl</code>+<code>C</code>, a span, and\nH<sub>2</sub>O."));
    CHECK(contains(x, "<p>A safe block of raw HTML &amp; an entity\u00a0here.</p>"));
    CHECK(contains(x, "<p>An event handler makes this block unsafe.</p>"));
    CHECK(!contains(x, "script"));
    CHECK(!contains(x, "onclick"));
    CHECK(!contains(x, "steal"));
    // The footnote ids of another chapter differ.
    std::string ug = zip_entry(book, "EPUB/chapters/0003-uyghur-notes.xhtml");
    CHECK(contains(ug, "id=\"bs-c3-fn1\""));

    std::string problems = zip_entry(book, "EPUB/chapters/0004-problems.xhtml");
    CHECK(contains(problems, "<span class=\"missing-image\">Missing chart</span>"));
    CHECK(std::regex_search(
        problems,
        std::regex("<img src=\"../images/photo-[0-9a-f]{8}\\.webp\" alt=\"WebP photo\"/>")));
    CHECK(contains(problems, "<strong>unclosed bold.</strong>"));
    CHECK(!contains(problems, "javascript:"));
}

TEST_CASE("epub: lang and dir on the book, chapters and passages") {
    std::string book = build_test_book("languages");
    std::string ug = zip_entry(book, "EPUB/chapters/0003-uyghur-notes.xhtml");
    CHECK(contains(ug, "lang=\"ug\" xml:lang=\"ug\" dir=\"rtl\">"));
    CHECK(contains(
        ug,
        "<span lang=\"en\" xml:lang=\"en\">A short English summary inside a Uyghur post</span>"));
    CHECK(contains(ug, "<p dir=\"auto\">"));
    std::string mixed = zip_entry(book, "EPUB/chapters/0002-non-latin.xhtml");
    CHECK(contains(mixed,
                   "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                   "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en\" xml:lang=\"en\">"));
    CHECK(
        contains(mixed,
                 "<span lang=\"zh\" "
                 "xml:lang=\"zh\">人权观察今天表示，中国政府应该释放所有被任意拘押的律师</span>"));
    CHECK(contains(mixed, "<span lang=\"ug\" xml:lang=\"ug\" dir=\"rtl\">ئانا تىل</span>"));
    CHECK(contains(mixed, "<span lang=\"bo\" xml:lang=\"bo\">"));
    std::string nav = zip_entry(book, "EPUB/nav.xhtml");
    CHECK(contains(
        nav, "href=\"chapters/0003-uyghur-notes.xhtml\" lang=\"ug\" xml:lang=\"ug\" dir=\"rtl\">"));
}

TEST_CASE("epub: order, drafts, duplicate slugs and dates in the book's language") {
    std::string book = build_test_book("order");
    auto chapters = chapter_entries(book);
    REQUIRE(chapters.size() == 7);
    CHECK(chapters.front() == "EPUB/chapters/0001-every-element.xhtml");
    CHECK(chapters[4] == "EPUB/chapters/0005-same.xhtml");
    CHECK(chapters[5] == "EPUB/chapters/0006-same-2.xhtml");
    CHECK(chapters.back() == "EPUB/chapters/0007-undated.xhtml");
    std::string x = zip_entry(book, chapters.front());
    CHECK(contains(x, "<time datetime=\"2024-02-20T09:30:00Z\">February 20, 2024</time>"));
    CHECK(contains(x, "<span class=\"chapter-authors\">Test Writer, Second Writer</span>"));
    CHECK(contains(x, "<p class=\"chapter-excerpt\">One post that uses every block"));

    std::string old = build_test_book("order-oldest", "--oldest-first --drafts");
    auto oldest = chapter_entries(old);
    REQUIRE(oldest.size() == 8);
    CHECK(oldest.front() == "EPUB/chapters/0001-same.xhtml");
    CHECK(contains(zip_entry(old, "EPUB/chapters/0006-draft.xhtml"), "A draft"));
    CHECK(oldest.back() == "EPUB/chapters/0008-undated.xhtml");
}

TEST_CASE("epub: --strict stops at a broken post and leaves no file") {
    CommandResult r;
    std::string book = build_test_book("strict", "--strict", &r);
    CHECK(r.status == 1);
    CHECK(contains(r.err, "2022-10-10-broken.md:2:8: error: malformed YAML"));
    CHECK(!fs::exists(book));
    CHECK(fs::is_empty(fs::path(book).parent_path()));
}

TEST_CASE("epub: --resource-path lets an image outside the folder in") {
    CommandResult r;
    std::string book = build_test_book(
        "resource-path", "--resource-path " + shell_quote(source_dir + "/tests/epub/data/outside"),
        &r);
    CHECK(r.status == 0);
    CHECK(!contains(r.err, "secret.png' lies outside"));
    CHECK(contains(zip_entry(book, "EPUB/package.opf"), "href=\"images/secret-"));
}

TEST_CASE("epub: bad usage and missing input fail without output") {
    std::string dir = work_dir("missing");
    auto r = run_broadside(dir, "no-such-folder -o book.epub");
    CHECK(r.status == 1);
    CHECK(contains(r.err, "no-such-folder: error: no such file, folder or matching pattern"));
    CHECK(!fs::exists(dir + "/book.epub"));
}

TEST_CASE("epub: subset fonts are embedded when the text needs Han, Arabic or Tibetan") {
    std::string book = build_test_book("fonts");
    std::string opf = zip_entry(book, "EPUB/package.opf");
    CHECK(contains(opf, "<item id=\"font-han\" href=\"fonts/han.otf\" media-type=\"font/otf\"/>"));
    CHECK(contains(opf,
                   "<item id=\"font-arabic\" href=\"fonts/arabic.ttf\" media-type=\"font/ttf\"/>"));
    CHECK(contains(
        opf, "<item id=\"font-tibetan\" href=\"fonts/tibetan.ttf\" media-type=\"font/ttf\"/>"));
    std::string css = zip_entry(book, "EPUB/styles/book.css");
    CHECK(contains(
        css,
        "font-family: \"Broadside Han\";\n  src: url(\"../fonts/han.otf\") format(\"opentype\");"));
    CHECK(contains(css, ":lang(ug) {\n  font-family: \"Broadside Arabic\""));
    // A subset, not the whole 20 MB CJK collection.
    std::string han = zip_entry(book, "EPUB/fonts/han.otf");
    CHECK(han.size() > 1000);
    CHECK(han.size() < 200000);
    CHECK(han.compare(0, 4, "OTTO") == 0);

    std::string plain = build_test_book("no-fonts", "--no-embed-fonts");
    CHECK(!contains(zip_entry(plain, "EPUB/package.opf"), "fonts/"));
    std::string dir = work_dir("latin-only");
    auto r =
        run_broadside(dir, shell_quote(archive + "/2024-02-20-every-element.md") + " -o one.epub");
    CHECK(r.status == 0);
    CHECK(!contains(zip_entry(dir + "/one.epub", "EPUB/package.opf"), "fonts/"));
}

TEST_CASE("epub: reading every post twice (no model cache) gives the same book") {
    std::string cached = build_test_book("cache-default");
    std::string dir = work_dir("cache-none");
    core::Diagnostics diags;
    auto style = broadside::styles::load_style("default", diags);
    REQUIRE(style);
    broadside::epub::BookOptions options;
    options.inputs = {archive};
    options.output = dir + "/book.epub";
    options.model_cache_bytes = 0;
    auto summary = broadside::epub::write_book(options, *style, diags);
    REQUIRE(summary);
    CHECK(summary->chapters == 7);
    CHECK(read_file(options.output) == read_file(cached));
}
