// Raw HTML in Markdown becomes the model's own nodes (core/src/html_to_model.cpp); each case
// is shaped like HTML found in real blog archives (the Rust blog, Jekyll's docs).
#include <catch2/catch.hpp>

#include "broadside/core/model_dump.hpp"
#include "broadside/core/reader.hpp"
#include "html_to_model.hpp"

using namespace broadside::core;

namespace {

// The model of `markdown` as its dump's body lines, and the warnings in `warnings`. Spans in
// HTML blocks are exact to the line (libxml2 counts lines only); inline tags keep cmark's.
std::string body(std::string_view markdown, std::string* warnings = nullptr) {
    Diagnostics diags;
    auto doc = read_document_text(markdown, "t.md", diags);
    REQUIRE(doc);
    if (warnings) {
        for (const auto& d : diags.items())
            *warnings +=
                std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message + "\n";
    }
    std::string dump = dump_document(*doc);
    return dump.substr(dump.find("  body\n") + 7);
}

}  // namespace

TEST_CASE("html: an <img> is an image with its alt text and size, inside its link") {
    CHECK(body("<a href=\"https://x.org/\"><img src=\"/img/a.png\" alt=\"A  chart\" "
               "width=\"640\" height=\"50%\"></a>\n") ==
          "    paragraph @1:1\n"
          "      link url=\"https://x.org/\" @1:1\n"
          "        image src=\"/img/a.png\" alt=\"A chart\" width=640 @1:26\n");
}

TEST_CASE("html: <details> keeps its summary as a bold line and the Markdown inside it") {
    std::string warnings;
    CHECK(body("<details>\n<summary>2 updates</summary>\n\n<!-- keep -->\n\n"
               "Some *Markdown* here.\n\n- one\n- two\n\n</details>\n\nAfter.\n",
               &warnings) ==
          "    paragraph @2:1\n"
          "      strong @2:1\n"
          "        text \"2 updates\" @2:1\n"
          "    paragraph @6:1\n"
          "      text \"Some \" @6:1\n"
          "      emphasis @6:6\n"
          "        text \"Markdown\" @6:7\n"
          "      text \" here.\" @6:16\n"
          "    bullet_list tight @8:1\n"
          "      item @8:1\n"
          "        paragraph @8:3\n"
          "          text \"one\" @8:3\n"
          "      item @9:1\n"
          "        paragraph @9:3\n"
          "          text \"two\" @9:3\n"
          "    paragraph @13:1\n"
          "      text \"After.\" @13:1\n");
    CHECK(warnings.empty());
}

TEST_CASE("html: a table split by blank lines is one table, Markdown cells included") {
    CHECK(body("<table>\n<tr><th>Name</th><th align=\"right\">Count</th></tr>\n\n"
               "<tr><td>\n\n**bold** cell\n\n</td><td>2</td></tr>\n</table>\n") ==
          "    table columns=2 align=none,right @1:1\n"
          "      header @2:1\n"
          "        cell @2:1\n"
          "          text \"Name\" @2:1\n"
          "        cell @2:1\n"
          "          text \"Count\" @2:1\n"
          "      row @4:1\n"
          "        cell @4:1\n"
          "          strong @6:1\n"
          "            text \"bold\" @6:3\n"
          "          text \" cell\" @6:9\n"
          "        cell @8:1\n"
          "          text \"2\" @8:1\n");
}

TEST_CASE("html: figure, headings, code, lists and rules keep their structure") {
    CHECK(body("<figure><img src=\"a.png\" alt=\"A\"><figcaption>The <em>caption</em>"
               "</figcaption></figure>\n<h2 id=\"Setup\">Set up</h2>\n"
               "<pre class=\"language-rust\">fn main() {}</pre>\n<ol start=\"3\"><li>c</li>"
               "<li><p>d</p></li></ol><hr>\n") ==
          "    paragraph @1:1\n"
          "      image src=\"a.png\" alt=\"A\" @1:1\n"
          "    paragraph @1:1\n"
          "      emphasis @1:1\n"
          "        text \"The \" @1:1\n"
          "        emphasis @1:1\n"
          "          text \"caption\" @1:1\n"
          "    heading level=2 id=\"setup\" @2:1\n"
          "      anchor id=\"Setup\" @2:1\n"
          "      text \"Set up\" @2:1\n"
          "    code_block info=\"rust\" @3:1\n"
          "      \"fn main() {}\\n\"\n"
          "    ordered_list start=3 loose @4:1\n"
          "      item @4:1\n"
          "        paragraph @4:1\n"
          "          text \"c\" @4:1\n"
          "      item @4:1\n"
          "        paragraph @4:1\n"
          "          text \"d\" @4:1\n"
          "    thematic_break @4:1\n");
}

TEST_CASE("html: scripts, styles and forms are left out with a warning, noscript is kept") {
    std::string warnings;
    CHECK(body("Intro.\n\n<script src=\"x.js\"></script>\n<noscript><p>Turn on scripts.</p>"
               "</noscript>\n\n<style>p{}</style>\n\n<form><input name=q></form>\n",
               &warnings) ==
          "    paragraph @1:1\n"
          "      text \"Intro.\" @1:1\n"
          "    paragraph @4:1\n"
          "      text \"Turn on scripts.\" @4:14\n");
    CHECK(warnings ==
          "3:1 <script> is left out: a book or a PDF runs no scripts\n"
          "6:1 <style> is left out: the book's own style sets the look\n"
          "8:1 <form> is left out: a book or a PDF takes no input\n");
}

TEST_CASE("html: video, audio and frames become links with their title or source") {
    CHECK(body("<iframe src=\"https://www.youtube.com/embed/x\" title=\"RustConf talk\">"
               "</iframe>\n\n<video controls><source src=\"clip.mp4\">No video.</video>\n") ==
          "    paragraph @1:1\n"
          "      link url=\"https://www.youtube.com/embed/x\" title=\"RustConf talk\" @1:1\n"
          "        text \"RustConf talk\" @1:1\n"
          "    paragraph @3:1\n"
          "      autolink url=\"clip.mp4\" @3:1\n"
          "        text \"clip.mp4\" @3:1\n");
}

TEST_CASE("html: inline tags around Markdown become the model's inlines") {
    CHECK(body("E = mc<sup>2</sup>, <b>bold *and em*</b>, <a href=\"/x\">a [nested](/y) "
               "link</a>,<br>next <span lang=\"ug\" dir=\"rtl\">ئۇيغۇر</span>.\n") ==
          "    paragraph @1:1\n"
          "      text \"E = mc\" @1:1\n"
          "      phrase kind=superscript @1:7\n"
          "        text \"2\" @1:12\n"
          "      text \", \" @1:19\n"
          "      strong @1:21\n"
          "        text \"bold \" @1:24\n"
          "        emphasis @1:29\n"
          "          text \"and em\" @1:30\n"
          "      text \", \" @1:41\n"
          "      link url=\"/x\" @1:43\n"
          "        text \"a \" @1:56\n"
          "        text \"nested link\" @1:59\n"
          "      text \",\" @1:79\n"
          "      hard_break @1:80\n"
          "      text \"next \" @1:84\n"
          "      phrase kind=language lang=\"ug\" dir=rtl @1:89\n"
          "        text \"ئۇيغۇر\" @1:115\n"
          "      text \".\" @1:134\n");
}

TEST_CASE("html: an unclosed <div> keeps the Markdown after it, in order") {
    CHECK(body("<div class=\"note\">\n\nFirst.\n\n## Heading\n\nLast.\n") ==
          "    paragraph @3:1\n"
          "      text \"First.\" @3:1\n"
          "    heading level=2 id=\"heading\" @5:1\n"
          "      text \"Heading\" @5:4\n"
          "    paragraph @7:1\n"
          "      text \"Last.\" @7:1\n");
}

TEST_CASE("html: only elements that must be closed count as left open") {
    CHECK(open_container_balance("<div class=x>\n<details><summary>s</summary>") == 2);
    CHECK(open_container_balance("</details>\n</div>") == -2);
    CHECK(open_container_balance("<p>text<li>item<br/><div/>") == 0);
    CHECK(open_container_balance("<!-- <div> --><script>'<div>'</script>") == 0);
    CHECK(open_container_balance("<table><tr><td>") == 1);
}

TEST_CASE("html: ids are places links lead to") {
    CHECK(body("See [1](#1).\n\n<a id=\"1\"></a>\\[1\\] The note.\n\n"
               "<div id=\"notes\"><p>Notes.</p></div>\n\n<h2 id=\"Setup\">Set up</h2>\n") ==
          "    paragraph @1:1\n"
          "      text \"See \" @1:1\n"
          "      link url=\"#1\" @1:5\n"
          "        text \"1\" @1:6\n"
          "      text \".\" @1:12\n"
          "    paragraph @3:1\n"
          "      anchor id=\"1\" @3:1\n"
          "      text \"[1] The note.\" @3:15\n"
          "    paragraph @5:1\n"
          "      anchor id=\"notes\" @5:1\n"
          "      text \"Notes.\" @5:1\n"
          "    heading level=2 id=\"setup\" @7:1\n"
          "      anchor id=\"Setup\" @7:1\n"
          "      text \"Set up\" @7:1\n");
}
