#include <catch2/catch.hpp>

#include "broadside/core/url.hpp"

using broadside::core::percent_decode;
using broadside::core::valid_uri;

TEST_CASE("a URL that is already valid stays byte for byte") {
    for (const char* url : {"https://example.org/", "https://example.org/a/b.html?x=1&y=2#top",
                            "mailto:info@example.org", "https://user:pw@example.org:8080/p",
                            "https://[2001:db8::1]:443/x", "https://example.org/caf%C3%A9",
                            "tel:+41-22-555-0100", "https://example.org/a(b)!$'*+,;=:@"})
        CHECK(valid_uri(url) == url);
}

TEST_CASE("an internationalized host becomes punycode, as browsers resolve it") {
    CHECK(valid_uri("https://bücher.example/") == "https://xn--bcher-kva.example/");
    CHECK(valid_uri("https://例子.中国/路径") ==
          "https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84");
    // A host from rust-lang's blog: UTS #46 maps the emoji as browsers do.
    CHECK(valid_uri("https://❤.rust-lang.org") == "https://xn--qei.rust-lang.org");
    // A name IDNA refuses (a label starting with a combining mark) is percent-encoded, which
    // RFC 3986 also allows.
    CHECK(valid_uri("https://\u0301x.example/") == "https://%CC%81x.example/");
    CHECK(valid_uri("https://xn--bcher-kva.example/") == "https://xn--bcher-kva.example/");
}

TEST_CASE("what a URI cannot hold is percent-encoded") {
    CHECK(valid_uri("https://example.org/#rust-2018##rust") ==
          "https://example.org/#rust-2018%23%23rust");
    CHECK(valid_uri("https://example.org/a b/ü?q=a b#c d") ==
          "https://example.org/a%20b/%C3%BC?q=a%20b#c%20d");
    CHECK(valid_uri("https://example.org/<x>\"{|}^`\\") ==
          "https://example.org/%3Cx%3E%22%7B%7C%7D%5E%60%5C");
    CHECK(valid_uri("https://example.org/100%") == "https://example.org/100%25");
    CHECK(valid_uri("https://example.org/%zz") == "https://example.org/%25zz");
    CHECK(valid_uri("mailto:Anna Müller <a@example.org>") ==
          "mailto:Anna%20M%C3%BCller%20%3Ca@example.org%3E");
}

TEST_CASE("percent escapes decode to their bytes") {
    CHECK(percent_decode("my%20post.md") == "my post.md");
    CHECK(percent_decode("caf%C3%A9") == "café");
    CHECK(percent_decode("100%") == "100%");
    CHECK(percent_decode("%4") == "%4");
}
