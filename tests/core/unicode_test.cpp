// The one Unicode module: a letter's script and a tag's usual script from ICU, which the PDF
// (hyphenation, itemizing) and the ePub (lang spans, embedded fonts) both ask.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "broadside/core/language_tag.hpp"
#include "broadside/core/utf8.hpp"

namespace core = broadside::core;

TEST_CASE("a letter's script is its own, and digits, punctuation and marks have none", "[unicode]") {
    const std::pair<char32_t, const char*> cases[] = {
        {U'A', "Latn"}, {U'ß', "Latn"},      {U'\u1E25', "Latn"},  // ḥ, beyond Latin Extended-B
        {U'ئ', "Arab"}, {U'\u06D5', "Arab"},                       // Uyghur ە
        {U'ש', "Hebr"}, {U'中', "Hani"},     {U'\U00020000', "Hani"},
        {U'ཀ', "Tibt"}, {U'Ж', "Cyrl"},      {U'α', "Grek"},
        {U'1', ""},     {U'\u0663', ""},  // Arabic-Indic three: a digit, no script's letter
        {U'،', ""},     {U'\u0F0B', ""},  // Arabic comma, Tibetan tsheg
        {U' ', ""},     {U'\u0301', ""},  // combining acute: takes its base's script
        {U'。', ""},
    };
    for (const auto& [c, script] : cases) {
        std::string utf8;
        core::append_utf8(utf8, c);
        INFO(utf8);
        CHECK(core::script_of_letter(c) == script);
    }
}

TEST_CASE("a language's usual script, for hyphenation and fonts", "[unicode]") {
    CHECK(core::likely_script("de") == "Latn");
    CHECK(core::likely_script("ru") == "Cyrl");
    CHECK(core::likely_script("sr") == "Cyrl");
    CHECK(core::likely_script("sr-Latn") == "Latn");
    CHECK(core::likely_script("ug") == "Arab");
    CHECK(core::likely_script("zh-TW") == "Hant");
    CHECK(core::likely_script("bo") == "Tibt");
    CHECK(core::likely_script("") == "");
}
