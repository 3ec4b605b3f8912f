#include <catch2/catch.hpp>

#include "broadside/core/records.hpp"

using namespace broadside::core;

TEST_CASE("CSV per RFC 4180: quotes, commas, doubled quotes, line breaks, BOM, CRLF") {
    Diagnostics diags;
    std::string csv =
        "\xEF\xBB\xBFid,name,address\r\n"
        "1,\"Li, Wei\",\"Room 5\r\n88 Road\"\r\n"
        "2,\"The \"\"Quoted\"\" Org\",Geneva\r\n"
        "\r\n"
        "3,\xE6\x9D\x8E\xE5\xA8\x9C,\xD8\xA6\xDB\x87\xD9\x8A\xD8\xBA\xDB\x87\xD8\xB1\r\n";
    auto records = parse_csv_records(csv, "r.csv", diags);
    REQUIRE(records);
    CHECK(diags.empty());
    REQUIRE(records->size() == 3);
    const auto& r1 = (*records)[0];
    CHECK(*r1.find("id") == "1");
    CHECK(*r1.find("name") == "Li, Wei");
    CHECK(*r1.find("address") == "Room 5\n88 Road");
    CHECK(r1.line == 2);
    CHECK(r1.number == 1);
    CHECK(*(*records)[1].find("name") == "The \"Quoted\" Org");
    CHECK((*records)[1].line == 4);
    CHECK(*(*records)[2].find("name") == "\xE6\x9D\x8E\xE5\xA8\x9C");
    CHECK((*records)[2].line == 6);
    CHECK((*records)[2].find("missing") == nullptr);
}

TEST_CASE("a ragged CSV row is an error naming its line") {
    Diagnostics diags;
    CHECK_FALSE(parse_csv_records("a,b,c\n1,2,3\n4,5\n", "r.csv", diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].line == 3);
    CHECK(diags.items()[0].message == "this row has 2 fields, the header 3");
}

TEST_CASE("CSV syntax errors name the line") {
    Diagnostics diags;
    CHECK_FALSE(parse_csv_records("a,b\n\"open,2\n3,4\n", "r.csv", diags));
    CHECK(diags.items().back().line == 2);
    CHECK(diags.items().back().message == "a quoted field is never closed");
    CHECK_FALSE(parse_csv_records("a,b\n\"x\"y,2\n", "r.csv", diags));
    CHECK(diags.items().back().message == "text after the closing quote of a field");
    CHECK_FALSE(parse_csv_records("a,a\n1,2\n", "r.csv", diags));
    CHECK(diags.items().back().message == "the header row names 'a' twice");
}

TEST_CASE("YAML records: a list of maps, or under `records:`") {
    Diagnostics diags;
    auto list = parse_yaml_records("- id: 1\n  name: Ann\n- id: 2\n  name: \"Bob: Jr\"\n", "r.yaml",
                                   diags);
    REQUIRE(list);
    REQUIRE(list->size() == 2);
    CHECK(*(*list)[1].find("name") == "Bob: Jr");
    CHECK(*(*list)[0].find("id") == "1");
    CHECK((*list)[1].line == 3);
    auto nested = parse_yaml_records("records:\n  - id: 7\n", "r.yaml", diags);
    REQUIRE(nested);
    CHECK(*(*nested)[0].find("id") == "7");
    CHECK_FALSE(parse_yaml_records("- id: [1, 2]\n", "r.yaml", diags));
    CHECK(diags.items().back().message == "field 'id' must be text, not a list or map");
}
