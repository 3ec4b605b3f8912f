// The words around letters and books: one table per language, complete, with fallbacks, the
// language's digits and a style's overrides on top.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>

#include "broadside/styles/style.hpp"
#include "broadside/styles/words.hpp"

using namespace broadside;
namespace fs = std::filesystem;

TEST_CASE("every word table has exactly the English table's keys") {
    const auto& keys = styles::word_keys();
    REQUIRE(keys.size() >= 18);
    int tables = 0;
    for (const auto& entry : fs::directory_iterator(styles::words_folder())) {
        if (entry.path().extension() != ".yaml") continue;
        ++tables;
        INFO(entry.path().filename().string());
        YAML::Node root = YAML::LoadFile(entry.path().string());
        REQUIRE(root.IsMap());
        std::vector<std::string> found;
        for (const auto& kv : root) {
            found.push_back(kv.first.Scalar());
            CHECK(kv.second.IsScalar());
            CHECK_FALSE(kv.second.Scalar().empty());
        }
        std::sort(found.begin(), found.end());
        CHECK(found == keys);
    }
    CHECK(tables >= 10);  // en de fr es ru zh-Hans zh-Hant ug bo ar
}

TEST_CASE("a language picks its table, a region or script its language's") {
    CHECK(styles::words_for("de").get("date") == "Datum");
    CHECK(styles::words_for("de-CH").get("page-of") == "Seite {page} von {pages}");
    CHECK(styles::words_for("zh").get("contents") == "目录");
    CHECK(styles::words_for("zh-CN").get("contents") == "目录");
    CHECK(styles::words_for("zh-TW").get("contents") == "目錄");
    CHECK(styles::words_for("zh-Hant-HK").get("contents") == "目錄");
    CHECK(styles::words_for("ug").get("date") == "چېسلا");
    CHECK(styles::words_for("bo").get("contents") == "དཀར་ཆག");
    CHECK(styles::words_for("fr_FR").get("place") == "Lieu");
    // No table: English. A tag that is no tag names no file.
    CHECK(styles::words_for("kl").get("date") == "Date");
    CHECK(styles::words_for("../../etc/passwd").get("date") == "Date");
    CHECK(styles::words_for("").get("cc") == "cc:");
    CHECK(styles::words_for("en").get("no-such-word").empty());
}

TEST_CASE("page numbers come in the language's own digits") {
    CHECK(styles::words_for("en").page_of(2, 3) == "Page 2 of 3");
    CHECK(styles::words_for("de").page_of(1, 3) == "Seite 1 von 3");
    CHECK(styles::words_for("ar").page_of(2, 13) == "صفحة ٢ من ١٣");
    CHECK(styles::words_for("zh-Hans").page_of(1, 2) == "第 1 页，共 2 页");
    CHECK(styles::words_for("ug").page_of(1, 2) == "1-بەت، جەمئىي 2 بەت");
    CHECK(styles::words_for("de").page_of(1000, 1234) == "Seite 1000 von 1234");  // no grouping
}

TEST_CASE("a style overrides any word, for every language") {
    fs::path dir = fs::temp_directory_path() / "broadside-words-style";
    fs::create_directories(dir);
    std::ofstream(dir / "house.yaml") << "extends: din-5008-b\nwords:\n  cc: \"Copy to:\"\n";
    core::Diagnostics diags;
    auto style = styles::load_style((dir / "house.yaml").string(), diags);
    REQUIRE(style);
    CHECK(style->words.at("cc") == "Copy to:");
    CHECK(styles::words_for("de", style->words).get("cc") == "Copy to:");
    CHECK(styles::words_for("de", style->words).get("date") == "Datum");

    std::ofstream(dir / "bad.yaml") << "words:\n  data: Datum\n  cc: [a]\n";
    core::Diagnostics bad;
    CHECK_FALSE(styles::load_style((dir / "bad.yaml").string(), bad));
    REQUIRE(bad.items().size() == 2);
    CHECK(bad.items()[0].line == 2);
    CHECK(bad.items()[0].message == "unknown word 'data' in 'words'");
    CHECK(bad.items()[0].hint.find("date") != std::string::npos);
    CHECK(bad.items()[1].message == "the word 'words.cc' must be a text");
    fs::remove_all(dir);
}
