// Inputs far past what people write but far below --max-file-size: megabyte values and
// 100,000 levels of nesting. Each was a crash or a flood once (std::regex's recursive matcher
// overflowed the stack on a 60,000-digit title); now each must end in a message and exit 0 or
// 1, for the PDF and the ePub alike, with no line of the program's output over 400 characters.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "run_command.hpp"
#include "workspace.hpp"

using namespace broadside::test::bad_input;
using broadside::test::CommandResult;

namespace {

constexpr std::size_t max_line = 400;
constexpr int deep = 100000;

std::size_t longest_line(const std::string& text) {
    std::size_t longest = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) longest = std::max(longest, line.size());
    return longest;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

/// Runs one job and checks what every such input must give: a normal exit (0, or 1 for a
/// refused input), `message` on stderr, short lines, and an output exactly when it succeeded.
CommandResult require_survived(const Workspace& w, const std::string& args,
                               const std::string& output, const std::string& message) {
    fs::remove(w.path("out/" + output));
    CommandResult r = w.run(args);
    INFO(r.err.substr(0, 2000));
    CHECK((r.status == 0 || r.status == 1));
    CHECK(contains(r.err, message));
    CHECK(longest_line(r.err) <= max_line);
    CHECK(longest_line(r.out) <= max_line);
    CHECK(fs::exists(w.path("out/" + output)) == (r.status == 0));
    return r;
}

/// Both exporters on `doc/post.md`: the PDF of the post and the book of its folder.
void require_both_survive(const Workspace& w, const std::string& message) {
    SECTION("PDF") {
        require_survived(w, pdf_job(w), "post.pdf", message);
    }
    SECTION("ePub") {
        require_survived(w, epub_job(w), "book.epub", message);
    }
}

}  // namespace

TEST_CASE("long values: a 60,000-digit title is text, not a crash", "[bad-input][long]") {
    Workspace w("long-title");
    const std::string digits(60000, '1');
    w.write("doc/post.md", "---\ntitle: " + digits + "\ndate: 2024-05-01\n---\n\nThe body.\n");
    SECTION("PDF: a warning that the word does not fit on the page") {
        auto r = require_survived(w, pdf_job(w), "post.pdf",
                                  "…' (60,000 characters) lies outside page 1");
        CHECK(r.status == 0);
        // The title is the digits as written, not a rounded number or "inf".
        CHECK(contains(
            broadside::test::run_command(
                "pdftotext -l 1 " + broadside::test::shell_quote(w.path("out/post.pdf")) + " -")
                .out,
            "1111111111111111111111"));
    }
    SECTION("ePub") {
        auto r = require_survived(w, epub_job(w), "book.epub", "");
        CHECK(r.status == 0);
        CHECK(contains(book_chapters(w), digits));
    }
}

TEST_CASE("long values: a 1 MB plain scalar in front matter is read as text", "[bad-input][long]") {
    // Every plain scalar went through the number regex; this one is a megabyte of digits.
    Workspace w("megabyte-scalar");
    w.write("doc/post.md", "---\ntitle: A post\nreference: " + std::string(1 << 20, '7') +
                               "\nversion: 1.5e3\n---\n\nThe body.\n");
    require_both_survive(w, "");
}

TEST_CASE("long values: an 80,000-character and a 1 MB lang are quoted short",
          "[bad-input][long]") {
    for (std::size_t length : {std::size_t{80000}, std::size_t{1} << 20}) {
        DYNAMIC_SECTION("lang of " << length << " characters") {
            Workspace w("long-lang-" + std::to_string(length));
            // A tag's shape, just too long, and then a character that makes it no tag at all.
            std::string lang = "en-" + repeat("abcdefgh-", static_cast<int>(length / 9) + 1);
            lang.resize(length - 1);
            lang += '_';
            w.write("doc/post.md",
                    "---\ntitle: A post\nlang: " + lang + "\ndate: 2024-05-01\n---\n\nBody.\n");
            SECTION("ePub names the tag, cut at 80 characters with its length") {
                auto r = require_survived(w, epub_job(w), "book.epub", "is not a language tag");
                CHECK(r.status == 0);
                CHECK(contains(r.err, "'" + lang.substr(0, 80) + "…' ("));
                CHECK(contains(r.err,
                               length == 80000 ? "(80,000 characters)" : "(1,048,576 characters)"));
            }
            SECTION("PDF: the same words, at the front matter's line") {
                auto r = require_survived(w, pdf_job(w), "post.pdf",
                                          "post.md:3:7: warning: '" + lang.substr(0, 80) + "…' (");
                CHECK(r.status == 0);
            }
        }
    }
}

TEST_CASE("deep SVG: 30,000 and 100,000 nested groups are refused with a message",
          "[bad-input][deep]") {
    for (int depth : {30000, deep}) {
        DYNAMIC_SECTION(depth << " levels") {
            Workspace w("deep-svg-" + std::to_string(depth));
            w.write("doc/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">" +
                                         repeat("<g>", depth) + repeat("</g>", depth) + "</svg>");
            w.write("doc/post.md", image_post("chart.svg"));
            SECTION("ePub: not well-formed, left out, the rest of the book still comes out") {
                auto r = require_survived(
                    w, epub_job(w), "book.epub",
                    "image 'chart.svg' is not a well-formed SVG: nested deeper than 256 elements");
                CHECK(r.status == 0);
                CHECK(contains(book_chapters(w), "After the image."));
            }
            SECTION("PDF") {
                CHECK(require_survived(w, pdf_job(w), "post.pdf", "chart.svg").status == 0);
            }
        }
    }
}

TEST_CASE("long SVG: a megabyte of text, and a script after it, is checked whole",
          "[bad-input][long]") {
    Workspace w("long-svg");
    w.write("doc/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><desc>" +
                                 std::string(1 << 20, 'a') +
                                 "</desc><a href=\"javascript:alert(1)\"><text>x</text></a></svg>");
    w.write("doc/post.md", image_post("chart.svg"));
    auto r =
        require_survived(w, epub_job(w), "book.epub", "image 'chart.svg' is an SVG with scripts");
    CHECK(r.status == 0);
}

TEST_CASE("deep nesting: 100,000 levels of YAML, Markdown and HTML end in a message",
          "[bad-input][deep]") {
    Workspace w("deep-nesting");
    SECTION("YAML flow sequences") {
        w.write("doc/post.md", "---\ntitle: A post\nx: " + repeat("[", deep) + repeat("]", deep) +
                                   "\n---\n\nBody.\n");
        SECTION("PDF") {
            require_survived(w, pdf_job(w), "post.pdf", "doc/post.md:3");
        }
        SECTION("ePub") {
            require_survived(w, epub_job(w), "book.epub", "doc/post.md:3");
        }
    }
    SECTION("YAML flow maps") {
        w.write("doc/post.md", "---\ntitle: A post\nx: " + repeat("{a: ", deep) + "1" +
                                   repeat("}", deep) + "\n---\n\nBody.\n");
        SECTION("PDF") {
            require_survived(w, pdf_job(w), "post.pdf", "doc/post.md:3");
        }
        SECTION("ePub") {
            require_survived(w, epub_job(w), "book.epub", "doc/post.md:3");
        }
    }
    SECTION("Markdown block quotes") {
        w.write("doc/post.md", front + repeat(">", deep) + " deep\n");
        require_both_survive(w, "flattened");
    }
    SECTION("Markdown lists") {
        w.write("doc/post.md", front + repeat("- ", deep) + "leaf\n");
        require_both_survive(w, "flattened");
    }
    SECTION("Markdown emphasis and links") {
        w.write("doc/post.md", front + "Text " + repeat("*a ", deep) + repeat("[", deep) + "x" +
                                   repeat("](y)", deep) + "\n");
        require_both_survive(w, "");
    }
    SECTION("raw HTML elements") {
        w.write("doc/post.md", front + "<div>\n" + repeat("<div>", deep) + "text" +
                                   repeat("</div>", deep) + "\n</div>\n\nAfter.\n");
        require_both_survive(w, "raw HTML nested deeper than");
    }
}

TEST_CASE("deep nesting: a style extends chain of 100,000 files stops at its bound",
          "[bad-input][deep]") {
    Workspace w("deep-extends");
    for (int i = 0; i < deep; ++i)
        w.write("doc/s" + std::to_string(i) + ".yaml",
                "extends: s" + std::to_string(i + 1) + ".yaml\n");
    w.write("doc/post.md", "---\ntitle: A post\nstyle: s0.yaml\n---\n\nBody.\n");
    auto r = require_survived(w, pdf_job(w), "post.pdf", "levels deep");
    CHECK(r.status == 1);
}
