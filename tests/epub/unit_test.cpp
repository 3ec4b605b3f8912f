// The exporter's pure parts: script passages, collection rules.
#include <catch2/catch.hpp>

#include "broadside/core/collection.hpp"
#include "broadside/core/language_tag.hpp"
#include "scripts.hpp"

using namespace broadside;

TEST_CASE("epub unit: passages in other scripts get lang and dir") {
    auto wrap = [](std::string_view text, std::string_view lang) {
        std::string out;
        epub::append_text_with_lang(out, text, lang);
        return out;
    };
    CHECK(wrap("a < b", "en") == "a &lt; b");
    CHECK(wrap("He said ئانا تىل today", "en") ==
          "He said <span lang=\"ug\" xml:lang=\"ug\" dir=\"rtl\">ئانا تىل</span> today");
    CHECK(wrap("مرحبا", "en") == "<span lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\">مرحبا</span>");
    CHECK(wrap("人权 (2023)", "en") == "<span lang=\"zh\" xml:lang=\"zh\">人权</span> (2023)");
    CHECK(wrap("人权", "zh-Hans") == "人权");
    CHECK(wrap("بىز English", "ug") == "بىز <span lang=\"en\" xml:lang=\"en\">English</span>");
    CHECK(core::is_rtl_language("ug"));
    CHECK(!core::is_rtl_language("zh-Hant"));
    CHECK(epub::scripts_in("abc 人 བོད") == ((1u << static_cast<int>(epub::Script::latin)) |
                                            (1u << static_cast<int>(epub::Script::han)) |
                                            (1u << static_cast<int>(epub::Script::tibetan))));
}

TEST_CASE("epub unit: collections order by date then title, slugs unique and ASCII") {
    std::vector<core::PostKey> posts;
    auto date = [](const char* s) { return core::parse_date(s); };
    posts.push_back({0, "/a/x.md", "B", date("2021-01-01")});
    posts.push_back({1, "/a/y.md", "A", std::nullopt});
    posts.push_back({2, "/a/z.md", "C", date("2023-05-05")});
    posts.push_back({3, "/a/w.md", "A", date("2021-01-01")});
    core::order_posts(posts, false);
    CHECK(posts[0].index == 2);
    CHECK(posts[1].index == 3);  // same date: by title
    CHECK(posts[2].index == 0);
    CHECK(posts[3].index == 1);  // undated last
    core::order_posts(posts, true);
    CHECK(posts[0].index == 3);
    CHECK(posts[3].index == 1);

    CHECK(core::post_file_slug("/x/2021-07-12-Hello, World!.md") == "hello-world");
    CHECK(core::post_file_slug("/x/人权.md") == "post");
    // Jekyll also reads one-digit months and days (Let's Encrypt's `2016-6-23-…`).
    CHECK(core::post_file_slug("/x/2016-6-23-defending-our-brand.markdown") ==
          "defending-our-brand");
    CHECK(core::post_file_slug("/x/2016-13-23-not-a-date.md") == "2016-13-23-not-a-date");
    CHECK(core::post_file_slug("/site/content/MIR/index.md") == "mir");
    CHECK(core::post_file_slug("/site/content/posts/Trip/_index.md") == "trip");
    std::vector<std::string> slugs{"a", "b", "a", "a"};
    core::make_unique_slugs(slugs);
    CHECK(slugs == std::vector<std::string>{"a", "b", "a-2", "a-3"});
}
