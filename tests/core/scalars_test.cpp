// Front-matter scalars and the quoting of values in messages: both meet untrusted text of any
// length, so both are hand-scanned in one pass and checked here at their edges.
#include <catch2/catch.hpp>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/language_tag.hpp"
#include "broadside/core/reader.hpp"

using namespace broadside::core;

namespace {

MetaValue front_matter_value(const std::string& yaml_value) {
    Diagnostics diags;
    auto doc = read_document_text("---\nv: " + yaml_value + "\n---\n", "t.md", diags);
    REQUIRE(doc);
    const MetaValue* v = doc->meta.find("v");
    REQUIRE(v);
    return *v;
}

}  // namespace

TEST_CASE("plain scalars follow YAML 1.2's core schema for numbers") {
    for (const char* number : {"12", "-3", "+4", "1.5", ".5", "5.", "1e3", "-2.5E-3", "0x1F"}) {
        INFO(number);
        CHECK(front_matter_value(number).as_number());
    }
    CHECK(*front_matter_value("0x1F").as_number() == 31);
    CHECK(*front_matter_value("-2.5E-3").as_number() == Approx(-0.0025));
    for (const char* text : {"1.2.3", "e5", "1e", "--1", "0x", "0xG", "12abc", ".", "+", "1_000"}) {
        INFO(text);
        CHECK(front_matter_value(text).as_string());
    }
}

TEST_CASE("numbers too long to hold exactly stay the text they were") {
    // 15 significant digits fit a double; more would be rounded, and 60,000 overflow to inf.
    CHECK(front_matter_value("123456789012345").as_number());
    CHECK(*front_matter_value("1234567890123456").as_string() == "1234567890123456");
    CHECK(*front_matter_value("+4930123456789012").as_string() == "+4930123456789012");
    const std::string digits(60000, '9');
    CHECK(*front_matter_value(digits).as_string() == digits);
    CHECK(*front_matter_value("1e999").as_string() == "1e999");
}

TEST_CASE("messages quote at most 80 characters of a value, with its length") {
    CHECK(quote_value("en-US") == "'en-US'");
    CHECK(quote_value(std::string(80, 'a')) == "'" + std::string(80, 'a') + "'");
    CHECK(quote_value(std::string(80001, 'a')) ==
          "'" + std::string(80, 'a') + "…' (80,001 characters)");
    // Characters, not bytes: 81 Uyghur letters of two bytes each are cut after the 80th.
    std::string uyghur;
    for (int i = 0; i < 81; ++i) uyghur += "ئ";
    CHECK(quote_value(uyghur) == "'" + uyghur.substr(0, uyghur.size() - 2) + "…' (81 characters)");
    CHECK(quote_value("two\nlines\t\x01") == "'two\\nlines\\t\\x01'");
    CHECK(quote_value(std::string(1234567, 'x')).size() < 120);
}

TEST_CASE("language tags are recognised by shape in one pass") {
    for (const char* tag : {"en", "ug", "zh-Hans", "ug-Arab-CN", "de-DE-1996", "bo"})
        CHECK(is_language_tag(tag));
    for (const char* tag :
         {"", "e", "engl", "en-", "-en", "en--US", "en-abcdefghi", "zh_Hans", "../etc", "en US"})
        CHECK_FALSE(is_language_tag(tag));
    CHECK(is_language_tag("en-" + std::string(8, 'a')));
    std::string huge = "en";
    for (int i = 0; i < 100000; ++i) huge += "-abcdefgh";
    CHECK(is_language_tag(huge));
    CHECK_FALSE(is_language_tag(huge + "!"));
}

TEST_CASE("a post's file name gives its date as Jekyll reads it") {
    auto prefix = broadside::core::file_name_date_prefix("2016-6-23-defending-our-brand.markdown");
    REQUIRE(prefix);
    CHECK(prefix->first.iso() == "2016-06-23");
    CHECK(prefix->second == 10);
    CHECK(broadside::core::file_name_date_prefix("2021-07-12-x.md")->second == 11);
    CHECK_FALSE(broadside::core::file_name_date_prefix("2021-02-30-x.md"));  // no such day
    CHECK_FALSE(broadside::core::file_name_date_prefix("21-07-12-x.md"));
    CHECK_FALSE(broadside::core::file_name_date_prefix("2021-07-12.md"));
}

TEST_CASE("a diagnostic's code is its message's words, without values") {
    auto code = [](std::string message) {
        return diagnostic_code(Diagnostic{Severity::warning, "f.md", 1, 1, std::move(message), {}});
    };
    CHECK(code("image 'x.png' not found") == "image-not-found");
    CHECK(code("image 'https://a.org/very-long…' (173 characters) is remote and is not fetched") ==
          "image-is-remote-and-is-not");
    CHECK(code("<script> is left out: a book or a PDF runs no scripts") == "script-is-left-out");
    CHECK(code("the book's own style sets the look") == "the-book-s-own-style-sets");
    CHECK(code("'42' is not a date") == "is-not-a-date");
}

TEST_CASE("diagnostics as JSON: every field, strings escaped") {
    std::vector<Diagnostic> items{
        {Severity::error, "a \"b\".md", 3, 7, "line\nbreak and \\ back", "fix it"},
        {Severity::info, "", 0, 0, "ئۇيغۇر", ""}};
    CHECK(diagnostics_json(items) ==
          "[\n"
          "  {\"file\": \"a \\\"b\\\".md\", \"line\": 3, \"column\": 7, \"severity\": \"error\", "
          "\"code\": \"line-break-and-back\", \"message\": \"line\\u000abreak and \\\\ back\", "
          "\"hint\": \"fix it\"},\n"
          "  {\"file\": \"\", \"line\": 0, \"column\": 0, \"severity\": \"info\", \"code\": \"\", "
          "\"message\": \"ئۇيغۇر\", \"hint\": \"\"}\n"
          "]\n");
    CHECK(diagnostics_json({}) == "[]\n");
}
