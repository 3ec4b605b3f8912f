// The PDF and the ePub agree on which languages run right to left, for a list of tags: both
// ask core::is_rtl_language, and this checks what each program output shows.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include "epub_support.hpp"

using namespace broadside::test;

namespace {

// The post's text has no strong letter ("123 (456)"), so its direction is its language's.
void write_post(const std::string& dir, const std::string& tag) {
    std::ofstream(dir + "/2024-01-02-post.md")
        << "---\ntitle: \"123\"\nlang: " << tag << "\n---\n\n123 (456)\n";
}

// The ePub: the chapter's root element carries dir="rtl" when its language runs right to left.
bool epub_is_rtl(const std::string& dir) {
    auto r = run_broadside(dir, "2024-01-02-post.md -o book.epub");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string chapter = zip_entry(dir + "/book.epub", "EPUB/chapters/0001-post.xhtml");
    std::smatch html;
    REQUIRE(std::regex_search(chapter, html, std::regex("<html[^>]*>")));
    return html.str().find("dir=\"rtl\"") != std::string::npos;
}

// The PDF: a right-to-left paragraph's short line stands at the right edge of the text.
bool pdf_is_rtl(const std::string& dir) {
    auto r = run_broadside(dir, "2024-01-02-post.md --dump-layout -o post.pdf");
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::smatch run;  // the line's first run: runs stand where they are drawn
    REQUIRE(std::regex_search(r.out, run,
                              std::regex(R"(line \[paragraph 1/1\][^\n]*\n +@([0-9.]+),)")));
    return std::stod(run[1]) > 100;
}

}  // namespace

TEST_CASE("PDF and ePub agree on the direction of every language in a list") {
    const std::vector<std::pair<std::string, bool>> tags{
        {"en", false},     {"de", false},      {"ru", false},    {"zh", false},
        {"zh-Hant", false}, {"ja", false},     {"bo", false},    {"ug-Latn", false},
        {"ku", false},     {"ar", true},       {"ug", true},     {"fa", true},
        {"ur", true},      {"he", true},       {"yi", true},     {"ps", true},
        {"sd", true},      {"ckb", true},      {"dv", true},     {"syr", true},
        {"az-Arab", true}, {"pa-Arab", true}};
    for (const auto& [tag, rtl] : tags) {
        INFO(tag);
        const std::string dir = work_dir("direction-" + tag);
        write_post(dir, tag);
        const bool epub = epub_is_rtl(dir);
        CHECK(epub == pdf_is_rtl(dir));
        CHECK(epub == rtl);
    }
}
