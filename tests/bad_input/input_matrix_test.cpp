// The README's bad-input matrix, input side, row by row through the real program: for each
// kind of bad input, what broadside says (file:line and the fix), its exit status, and what
// it leaves in the output folder. A warning row must still produce the whole document; an
// error row must leave nothing behind and keep an older output byte for byte.
#include <catch2/catch.hpp>

#include <filesystem>

#include "run_command.hpp"
#include "workspace.hpp"

using broadside::test::CommandResult;
using broadside::test::read_file;
using broadside::test::run_command;
using broadside::test::shell_quote;

namespace fs = std::filesystem;

using namespace broadside::test::bad_input;

TEST_CASE("bad input: malformed YAML is an error at its line and column", "[bad-input]") {
    Workspace w("malformed-yaml");
    w.copy_fixture("tests/core/inputs/bad/malformed_yaml.md", "doc/post.md");
    require_refused(w, pdf_job(w), "post.pdf",
                    "doc/post.md:4:13: error: malformed YAML front matter");
    // In a book the broken post is left out with its message, and --strict stops the book.
    w.write("doc/good.md", front + "A good post.\n");
    fs::remove(w.path("out/post.pdf"));
    auto r = require_warned(w, epub_job(w), "book.epub",
                            "doc/post.md:4:13: warning: malformed YAML front matter: illegal map "
                            "value (post skipped)");
    CHECK(contains(r.err, "1 of 2 posts were left out because of the errors above"));
    fs::remove(w.path("out/book.epub"));
    require_refused(w, epub_job(w, "--strict"), "book.epub", "doc/post.md:4:13");
}

TEST_CASE("bad input: invalid UTF-8 is replaced and named, the document still comes out",
          "[bad-input]") {
    Workspace w("invalid-utf8");
    w.copy_fixture("tests/core/inputs/bad/invalid_utf8.md", "doc/post.md");
    require_warned(w, pdf_job(w), "post.pdf",
                   "doc/post.md:6:19: warning: invalid UTF-8; replaced with U+FFFD");
}

TEST_CASE("bad input: malformed TOML front matter is an error at its line", "[bad-input]") {
    Workspace w("toml");
    w.copy_fixture("tests/core/inputs/bad/malformed_toml.md", "doc/post.md");
    require_refused(w, pdf_job(w), "post.pdf",
                    "doc/post.md:2:18: error: malformed TOML front matter: ");
}

TEST_CASE("bad input: missing, truncated and misnamed images are warnings with a placeholder",
          "[bad-input]") {
    Workspace w("images");
    w.copy_fixture("tests/pdf/inputs/truncated.png", "doc/truncated.png");
    w.copy_fixture("tests/pdf/inputs/photo-named.png", "doc/photo.png");
    w.write("doc/post.md", front +
                               "![gone](missing.png)\n\n![cut](truncated.png)\n\n"
                               "![misnamed](photo.png)\n\nThe text goes on.\n");
    auto r = require_warned(w, pdf_job(w), "post.pdf",
                            "doc/post.md:6:1: warning: image 'missing.png' not found");
    CHECK(contains(r.err,
                   "doc/post.md:8:1: warning: image 'truncated.png': the PNG file is "
                   "truncated"));
    CHECK(contains(r.err,
                   "doc/post.md:10:1: warning: image 'photo.png': the file is named .png "
                   "but holds a JPEG image; rename it to .jpg"));
    auto text = run_command("pdftotext " + shell_quote(w.path("out/post.pdf")) + " -").out;
    CHECK(contains(text, "The text goes on."));

    // A book shows the alt text instead; a JPEG named .png is simply a JPEG to it.
    fs::remove(w.path("out/post.pdf"));
    r = require_warned(w, epub_job(w), "book.epub", "image 'missing.png' not found");
    CHECK(contains(r.err, "image 'truncated.png': the PNG file is truncated"));
    CHECK(contains(book_chapters(w), "The text goes on."));
}

TEST_CASE("bad input: an image bomb is refused from its header, not decoded", "[bad-input]") {
    Workspace w("image-bomb");
    w.copy_fixture("tests/pdf/inputs/bomb.png", "doc/bomb.png");  // 99 bytes, 20,000² pixels
    w.write("doc/post.md", image_post("bomb.png"));
    const std::string said =
        "image 'bomb.png': the image is 20000 × 20000 pixels, over the "
        "limit of 50000000 pixels";
    auto r = require_warned(w, pdf_job(w), "post.pdf", said);
    CHECK(contains(r.err, "--max-image-pixels"));
    fs::remove(w.path("out/post.pdf"));
    require_warned(w, epub_job(w), "book.epub", said);
    CHECK_FALSE(contains(run_command("unzip -l " + shell_quote(w.path("out/book.epub"))).out,
                         "images/bomb"));
}

TEST_CASE("bad input: paths and symlinks leading out of the input folder are not read",
          "[bad-input]") {
    Workspace w("escapes");
    w.copy_fixture("tests/pdf/inputs/small.png", "secret/outside.png");
    fs::create_symlink(w.path("secret/outside.png"), w.path("doc/link.png"));
    w.write("doc/post.md", front +
                               "![up](../secret/outside.png)\n\n![link](link.png)\n\n"
                               "![abs](" +
                               w.path("secret/outside.png") + ")\n");
    auto r = require_warned(w, pdf_job(w), "post.pdf",
                            "doc/post.md:6:1: warning: image '../secret/outside.png' lies "
                            "outside the input folder and is not read; allow its folder with "
                            "--resource-path " +
                                w.path("secret"));
    CHECK(contains(r.err, "doc/post.md:8:1: warning: image 'link.png' lies outside"));
    CHECK(contains(r.err, "doc/post.md:10:1: warning: image '" + w.path("secret/outside.png") +
                              "' lies outside"));
    CHECK_FALSE(contains(read_file(w.path("out/post.pdf")), "/Subtype /Image"));

    // The hint works: with the folder allowed, all three are read without a word.
    fs::remove(w.path("out/post.pdf"));
    r = w.run(pdf_job(w, "--resource-path " + shell_quote(w.path("secret"))));
    CHECK(r.status == 0);
    CHECK(r.err.empty());
}

TEST_CASE("bad input: raw HTML with a script is dropped from the PDF and the book", "[bad-input]") {
    Workspace w("raw-html");
    w.write("doc/post.md", front +
                               "Before.\n\n<script>alert('x')</script>\n\n"
                               "<p onclick=\"steal()\">Kept text.</p>\n\nAfter.\n");
    const std::string script =
        "doc/post.md:8:1: warning: <script> is left out: a book or a PDF "
        "runs no scripts";
    auto r = require_warned(w, pdf_job(w), "post.pdf", script);
    // The paragraph's text is printed; its handler is not an element, so no word about it.
    const std::string printed =
        run_command("pdftotext " + shell_quote(w.path("out/post.pdf")) + " -").out;
    CHECK(contains(printed, "Kept text."));
    CHECK_FALSE(contains(printed, "alert"));
    fs::remove(w.path("out/post.pdf"));
    r = require_warned(w, epub_job(w), "book.epub", script);
    const std::string chapters = book_chapters(w);
    CHECK(contains(chapters, "After."));
    CHECK(contains(chapters, "<p>Kept text.</p>"));
    CHECK_FALSE(contains(chapters, "<script"));
    CHECK_FALSE(contains(chapters, "onclick"));
    CHECK_FALSE(contains(chapters, "steal()"));
}

TEST_CASE("bad input: a CSV with a ragged row stops the merge before anything is written",
          "[bad-input]") {
    Workspace w("ragged-csv");
    w.write("doc/letter.md", "---\ntitle: Letter\n---\nDear {{name}},\n");
    w.write("doc/people.csv", "name,city\nAda,London\nGrace\nAlan,Wilmslow\n");
    require_refused(w,
                    shell_quote(w.path("doc/letter.md")) + " --merge " +
                        shell_quote(w.path("doc/people.csv")) + " -o " +
                        shell_quote(w.path("out/letters.pdf")),
                    "letters.pdf", "doc/people.csv:3: error: this row has 1 fields, the header 2");
}

TEST_CASE("limits: a file over --max-file-size is refused, naming the option", "[bad-input]") {
    Workspace w("file-size");
    w.write("doc/post.md", front + std::string(std::size_t{3} << 20, 'a') + "\n");
    require_refused(w, pdf_job(w, "--max-file-size 2"), "post.pdf",
                    "doc/post.md: error: the Markdown file is 3 MiB, over the limit of 2 MiB");
    CHECK(contains(w.run(pdf_job(w, "--max-file-size 2")).err,
                   "raise the limit with --max-file-size"));
    // An image over the limit is a warning; the document comes out without it.
    fs::remove(w.path("out/post.pdf"));
    w.write("doc/big.png", std::string(std::size_t{3} << 20, 'x'));
    w.write("doc/post.md", image_post("big.png"));
    require_warned(w, pdf_job(w, "--max-file-size 2"), "post.pdf",
                   "image 'big.png': the file is 3 MiB, over the limit of 2 MiB");
}

TEST_CASE("limits: --max-image-pixels, --max-nesting, --max-table-cells and --max-pages",
          "[bad-input]") {
    Workspace w("limits");
    w.copy_fixture("tests/pdf/inputs/wide.png", "doc/wide.png");  // 800 × 400
    w.write("doc/post.md", image_post("wide.png"));
    require_warned(w, pdf_job(w, "--max-image-pixels 100000"), "post.pdf",
                   "the image is 800 × 400 pixels, over the limit of 100000 pixels");
    fs::remove(w.path("out/post.pdf"));

    w.write("doc/post.md", front + "> > > > deep quote\n");
    require_warned(w, pdf_job(w, "--max-nesting 2"), "post.pdf",
                   "doc/post.md:6:5: warning: blocks nested deeper than 2 levels are flattened");
    CHECK(contains(run_command("pdftotext " + shell_quote(w.path("out/post.pdf")) + " -").out,
                   "deep quote"));
    fs::remove(w.path("out/post.pdf"));

    w.write("doc/post.md", front + "Text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n");
    require_refused(w, pdf_job(w, "--max-table-cells 4"), "post.pdf",
                    "doc/post.md:8:1: error: this table has more than 4 cells");
    CHECK(w.run(pdf_job(w, "--max-table-cells 6")).status == 0);
    fs::remove(w.path("out/post.pdf"));

    std::string long_post = front;
    for (int i = 0; i < 400; ++i)
        long_post += "A paragraph that fills the pages one line at a time.\n\n";
    w.write("doc/post.md", long_post);
    require_refused(w, pdf_job(w, "--max-pages 3"), "post.pdf", "pages, over the limit of 3");
    CHECK(contains(w.run(pdf_job(w, "--max-pages 3")).err, "--max-pages N"));
}

TEST_CASE("limits: a limit option without a whole number is a usage error", "[bad-input]") {
    Workspace w("limit-usage");
    w.write("doc/post.md", front + "Text.\n");
    for (const std::string bad : {"0", "-1", "ten", "12abc", ""}) {
        CommandResult r = w.run(pdf_job(w, "--max-pages " + shell_quote(bad)));
        INFO(bad);
        CHECK(r.status == 2);
        CHECK(contains(r.err, "--max-pages needs a whole number from 1 to"));
    }
    CHECK(w.run(pdf_job(w, "--max-pages")).status == 2);
    CHECK(w.outputs().empty());
}

TEST_CASE("bad input: a style file a document names is held to the document's folder",
          "[bad-input]") {
    Workspace w("style-escape");
    const std::string style = "body: {size: 12pt}\n";
    w.write("secret/outside.yaml", style);
    w.write("doc/post.md", "---\ntitle: A post\nstyle: ../secret/outside.yaml\n---\n\nText.\n");
    require_refused(w, pdf_job(w), "post.pdf",
                    "error: style file '../secret/outside.yaml' lies outside the input folder "
                    "and is not read; allow its folder with --resource-path " +
                        w.path("secret"));
    // The files a style extends or names are held to the same folders.
    w.write("doc/house.yaml", "extends: ../secret/outside.yaml\n");
    w.write("doc/post.md", "---\ntitle: A post\nstyle: house.yaml\n---\n\nText.\n");
    require_refused(w, pdf_job(w), "post.pdf", "style file '../secret/outside.yaml' lies outside");
    w.copy_fixture("tests/pdf/inputs/small.png", "secret/logo.png");
    w.write("doc/house.yaml", "extends: din-5008-b\nletter: {letterhead: ../secret/logo.png}\n");
    require_refused(
        w, pdf_job(w), "post.pdf",
        "doc/house.yaml:2:22: error: letter.letterhead '../secret/logo.png' lies outside");

    // Allowed with --resource-path, and a style given on the command line is the user's choice.
    fs::remove(w.path("out/post.pdf"));
    CHECK(w.run(pdf_job(w, "--resource-path " + shell_quote(w.path("secret")))).status == 0);
    fs::remove(w.path("out/post.pdf"));
    w.write("doc/post.md", "---\ntitle: A post\n---\n\nText.\n");
    CHECK(w.run(pdf_job(w, "--style " + shell_quote(w.path("secret/outside.yaml")))).status == 0);
}

TEST_CASE("limits: an endless input (a device, a pipe) is read only up to the file-size limit",
          "[bad-input]") {
    Workspace w("endless");
    require_refused(w, "/dev/zero -o " + shell_quote(w.path("out/post.pdf")) + " --max-file-size 1",
                    "post.pdf", "/dev/zero: error: the Markdown file is over the limit of 1 MiB");
}

TEST_CASE("bad usage: an output that would replace one of the inputs is refused", "[bad-input]") {
    Workspace w("output-is-input");
    const std::string text = front + "The only copy of this text.\n";
    w.write("doc/post.md", text);
    w.write("doc/people.csv", "name\nAda\n");
    const std::string post = shell_quote(w.path("doc/post.md"));
    CommandResult r = w.run(post + " --to pdf -o " + post);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "would replace the input"));
    CHECK(read_file(w.path("doc/post.md")) == text);
    const std::string data = shell_quote(w.path("doc/people.csv"));
    r = w.run(post + " --merge " + data + " --to pdf -o " + data);
    CHECK(r.status == 2);
    CHECK(read_file(w.path("doc/people.csv")) == "name\nAda\n");
}
