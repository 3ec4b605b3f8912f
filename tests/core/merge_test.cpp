#include <catch2/catch.hpp>

#include <map>

#include "broadside/core/merge.hpp"
#include "broadside/core/plain_text.hpp"
#include "broadside/core/reader.hpp"

using namespace broadside::core;

namespace {

Document read(std::string_view text) {
    Diagnostics diags;
    auto doc = read_document_text(text, "letter.md", diags);
    REQUIRE(doc);
    return std::move(*doc);
}

FieldLookup fields(std::map<std::string, std::string> values) {
    return [values](std::string_view name) -> std::optional<std::string> {
        auto it = values.find(std::string(name));
        if (it == values.end()) return std::nullopt;
        return it->second;
    };
}

}  // namespace

TEST_CASE("fields are filled in front matter, text and links, as text") {
    auto doc = read(
        "---\nto: [\"{{name}}\", \"{{city}}\"]\nsubject: \"For {{name}}\"\n---\n"
        "Dear {{ name }}, see [us](https://x.org/{{id}}). {{greeting|Kind regards}}.\n");
    CHECK(has_fields(doc));
    Diagnostics diags;
    REQUIRE(fill_fields(doc, fields({{"name", "*Li: Wei*"}, {"city", "Geneva"}, {"id", "7"}}),
                        "record 1", diags));
    CHECK(diags.empty());
    CHECK(doc.meta.find("subject")->to_text() == "For *Li: Wei*");
    CHECK((*doc.meta.find("to")->as_list())[1].to_text() == "Geneva");
    CHECK(plain_text(doc) == "Dear *Li: Wei*, see us. Kind regards.\n");
    const auto& para = std::get<Paragraph>(doc.blocks[0].node);
    bool found = false;
    for (const auto& i : para.children)
        if (const auto* l = std::get_if<Link>(&i.node)) found = l->url == "https://x.org/7";
    CHECK(found);
    CHECK_FALSE(has_fields(doc));
}

TEST_CASE("fields are filled inside every container: phrases from HTML, tables, quotes, notes") {
    auto doc = read(
        "Dear <mark>{{name}}</mark>, <abbr title=\"x\">{{org}}</abbr>.\n\n"
        "| Who |\n|---|\n| **{{name}}** |\n\n> - {{org}}[^1]\n\n[^1]: {{name}}\n");
    Diagnostics diags;
    REQUIRE(fill_fields(doc, fields({{"name", "Li"}, {"org", "LRN"}}), "record 1", diags));
    CHECK(diags.empty());
    CHECK(plain_text(doc).find("{{") == std::string::npos);
    CHECK(plain_text(doc).find("Dear Li, LRN.") != std::string::npos);
    CHECK_FALSE(has_fields(doc));
}

TEST_CASE("a missing field without a default is an error naming record and field") {
    auto doc = read("Dear {{salutation}},\n");
    Diagnostics diags;
    CHECK_FALSE(fill_fields(doc, fields({}), "record 3 (r.csv:4)", diags));
    REQUIRE(diags.items().size() == 1);
    const auto& d = diags.items()[0];
    CHECK(d.message == "record 3 (r.csv:4) has no field 'salutation'");
    CHECK(d.line == 1);
    CHECK(d.hint.find("{{salutation|") != std::string::npos);
}

TEST_CASE("braces that are not placeholders are left alone") {
    auto doc = read("Code {{ not a name! }} and {{unclosed\n");
    CHECK_FALSE(has_fields(doc));
    Diagnostics diags;
    CHECK(fill_fields(doc, fields({}), "record 1", diags));
    CHECK(plain_text(doc) == "Code {{ not a name! }} and {{unclosed\n");
}
