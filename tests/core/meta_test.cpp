#include <catch2/catch.hpp>

#include "broadside/core/meta.hpp"
#include "broadside/core/slug.hpp"
#include "broadside/core/utf8.hpp"

using namespace broadside::core;

TEST_CASE("dates parse with and without a time") {
    auto d = parse_date("2021-07-12");
    REQUIRE(d);
    CHECK(d->iso() == "2021-07-12");
    CHECK_FALSE(d->has_time);

    auto t = parse_date("2021-07-12 09:30:15 +08:00");
    REQUIRE(t);
    CHECK(t->iso() == "2021-07-12T09:30:15+08:00");
    CHECK(t->unix_seconds() == parse_date("2021-07-12T01:30:15Z")->unix_seconds());

    CHECK(parse_date("2021-07-12T09:30")->iso() == "2021-07-12T09:30:00");
    CHECK(parse_date("2021-07-12T09:30:15.250Z")->iso() == "2021-07-12T09:30:15Z");
}

TEST_CASE("impossible or malformed dates are refused") {
    CHECK_FALSE(parse_date("2021-02-30"));
    CHECK_FALSE(parse_date("2021-13-01"));
    CHECK_FALSE(parse_date("2021-7-12"));
    CHECK_FALSE(parse_date("July 12, 2021"));
    CHECK_FALSE(parse_date("2021-07-12 25:00"));
    CHECK(parse_date("2024-02-29"));
    CHECK_FALSE(parse_date("2023-02-29"));
}

TEST_CASE("every date form Jekyll, Hugo and Astro write") {
    // Jekyll copies Ruby's Time#to_s: a space before the offset, and sometimes the zone's name.
    CHECK(parse_date("2013-05-06 02:12:52 +0200").value_or(Date{}).iso() ==
          "2013-05-06T02:12:52+02:00");
    CHECK(parse_date("2013-05-06 02:12:52 -0700 PDT").value_or(Date{}).iso() ==
          "2013-05-06T02:12:52-07:00");
    CHECK(parse_date("2013-05-06 02:12:52 UTC").value_or(Date{}).iso() == "2013-05-06T02:12:52Z");
    CHECK(parse_date("2013-05-06 02:12 +0200").value_or(Date{}).iso() ==
          "2013-05-06T02:12:00+02:00");
    // RFC 3339 as Hugo writes it, with and without seconds or zone.
    CHECK(parse_date("2023-01-15T09:00:00-05:00").value_or(Date{}).iso() ==
          "2023-01-15T09:00:00-05:00");
    CHECK(parse_date("2023-01-15T09:00-05:00").value_or(Date{}).iso() ==
          "2023-01-15T09:00:00-05:00");
    CHECK(parse_date("2023-01-15T09:00").value_or(Date{}).iso() == "2023-01-15T09:00:00");
    CHECK_FALSE(parse_date("2013-05-06 02:12:52 +0200 pdt"));
    CHECK_FALSE(parse_date("2013-05-06 02:12:52 +0200 CENTRAL"));

    // Written forms count only for values of date keys (parse_written_date).
    CHECK_FALSE(parse_date("Jul 08 2022"));
    CHECK(parse_written_date("Jul 08 2022") == parse_date("2022-07-08"));
    CHECK(parse_written_date("July 8, 2022") == parse_date("2022-07-08"));
    CHECK(parse_written_date("8 July 2022") == parse_date("2022-07-08"));
    CHECK(parse_written_date("Fri, 08 Jul 2022") == parse_date("2022-07-08"));
    CHECK(parse_written_date("Sept. 1 2022") == parse_date("2022-09-01"));
    CHECK(parse_written_date("2022-07-08") == parse_date("2022-07-08"));
    CHECK_FALSE(parse_written_date("Feb 30 2022"));
    CHECK_FALSE(parse_written_date("Julember 8 2022"));
    CHECK_FALSE(parse_written_date("July 2022"));
    CHECK_FALSE(parse_written_date("The 8th of July"));
}

TEST_CASE("a URL that spells /YYYY/MM/DD/ dates the post") {
    CHECK(date_in_url("2020/03/12/announcing-rust-1.42") == parse_date("2020-03-12"));
    CHECK(date_in_url("/blog/2016/05/13/rustup.html") == parse_date("2016-05-13"));
    CHECK(date_in_url("https://blog.example.org/2016/05/13/") == parse_date("2016-05-13"));
    CHECK_FALSE(date_in_url("/blog/2016/13/13/x"));
    CHECK_FALSE(date_in_url("/v12016/05/13/x"));
    CHECK_FALSE(date_in_url("releases/1.88.0"));
}

TEST_CASE("a post's date: date keys first, then the file name, then the URL") {
    MetaMap map;
    map.emplace_back("path", MetaValue{std::string("2020/03/12/rust-1.42"), {}});
    Meta meta(map);
    CHECK(meta.date()->iso() == "2020-03-12");
    CHECK(meta.date_source() == "path");
    meta.file_name_date = parse_date("2020-01-02");
    CHECK(meta.date()->iso() == "2020-01-02");
    CHECK(meta.date_source() == "file name");
    meta.set("pubDate", MetaValue{*parse_date("2021-05-06"), {}});
    CHECK(meta.date()->iso() == "2021-05-06");
    CHECK(meta.date_source() == "pubDate");
    meta.set("date", MetaValue{*parse_date("2022-05-06"), {}});
    CHECK(meta.date_source() == "date");
}

TEST_CASE("dates order by instant") {
    CHECK(*parse_date("2021-07-12") < *parse_date("2021-07-13"));
    CHECK(*parse_date("2021-07-12T10:00:00+02:00") < *parse_date("2021-07-12T09:00:00Z"));
}

TEST_CASE("typed accessors read the well-known keys") {
    MetaMap map;
    map.emplace_back("title", MetaValue{std::string("  A title  "), {}});
    map.emplace_back("description", MetaValue{std::string("From description"), {}});
    MetaList authors;
    authors.push_back(MetaValue{std::string("Ann"), {}});
    MetaMap bob;
    bob.emplace_back("name", MetaValue{std::string("Bob"), {}});
    authors.push_back(MetaValue{bob, {}});
    map.emplace_back("authors", MetaValue{authors, {}});
    MetaList tags;
    tags.push_back(MetaValue{std::string("tibet"), {}});
    map.emplace_back("tags", MetaValue{tags, {}});
    map.emplace_back("categories", MetaValue{MetaList{MetaValue{std::string("tibet"), {}},
                                                      MetaValue{std::string("reports"), {}}},
                                             {}});
    map.emplace_back("draft", MetaValue{true, {}});
    Meta meta(map);
    CHECK(meta.title() == "A title");
    CHECK(meta.excerpt() == "From description");
    CHECK(meta.authors() == std::vector<std::string>{"Ann", "Bob"});
    CHECK(meta.tags() == std::vector<std::string>{"tibet", "reports"});
    CHECK(meta.draft());
    CHECK_FALSE(meta.lang());
    CHECK_FALSE(meta.date());
    meta.file_name_date = parse_date("2020-01-02");
    CHECK(meta.date()->iso() == "2020-01-02");
}

TEST_CASE("slugs follow GitHub's rule and stay unique") {
    SlugGenerator slugs;
    CHECK(slugs.make("Hello, World!") == "hello-world");
    CHECK(slugs.make("Hello, World!") == "hello-world-1");
    CHECK(slugs.make("hello-world-1") == "hello-world-1-1");
    CHECK(slugs.make("Россия и 中国") == "россия-и-中国");
    CHECK(slugs.make("ئۇيغۇر تىلى") == "ئۇيغۇر-تىلى");
    CHECK(slugs.make("!!!") == "section");
    CHECK(slugs.make("") == "section-1");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD with its line and column") {
    std::vector<Utf8Problem> problems;
    std::string out = sanitize_utf8("ok\nab\xff\xe2\x82z\n\xed\xa0\x80", problems);
    CHECK(out == "ok\nab\xEF\xBF\xBD\xEF\xBF\xBDz\n\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].column == 3);
    CHECK(problems[1].line == 3);
    CHECK(problems[1].column == 1);
}

TEST_CASE("UTF-8 round trip") {
    std::string s;
    for (char32_t cp : {U'A', U'é', U'中', U'𝄞'}) append_utf8(s, cp);
    std::size_t pos = 0;
    CHECK(decode_utf8(s, pos) == U'A');
    CHECK(decode_utf8(s, pos) == U'é');
    CHECK(decode_utf8(s, pos) == U'中');
    CHECK(decode_utf8(s, pos) == U'𝄞');
    CHECK(pos == s.size());
}
