#include <catch2/catch.hpp>

#include "broadside/styles/style.hpp"

using namespace broadside;

namespace {
const std::string inputs = STYLE_INPUTS;
}

TEST_CASE("the default style is a handsome serif page") {
    core::Diagnostics diags;
    auto s = styles::load_style("default", diags);
    REQUIRE(s);
    CHECK(diags.empty());
    CHECK(s->page_width == Approx(595.276));
    CHECK(s->body.size == Approx(10.5));
    CHECK(s->body.leading == Approx(14));
    CHECK(s->body.family == "serif");
    CHECK(s->headings[0].size > s->headings[1].size);
    CHECK(s->headings[1].size > s->headings[2].size);
    CHECK(s->margin_left == Approx(27 * 72 / 25.4));
    CHECK(s->link_color.hex() == "#1f4e8c");
}

TEST_CASE("a user's style overrides only what it names") {
    core::Diagnostics diags;
    auto s = styles::load_style(inputs + "/override.yaml", diags);
    REQUIRE(s);
    CHECK(diags.empty());
    CHECK(s->page_width == 612);
    CHECK(s->margin_left == 72);
    CHECK(s->margin_right == Approx(27 * 72 / 25.4));  // from default
    CHECK(s->body.size == 12);
    CHECK_FALSE(s->justify);
    CHECK(s->headings[1].size == 18);
    CHECK(s->headings[1].bold);  // kept from default
    CHECK(s->fonts.at("latn") == std::vector<std::string>{"DejaVu Serif"});
}

TEST_CASE("an unknown key is an error naming the key and its line") {
    core::Diagnostics diags;
    CHECK_FALSE(styles::load_style(inputs + "/bad_key.yaml", diags));
    REQUIRE(diags.items().size() == 1);
    const auto& d = diags.items()[0];
    CHECK(d.line == 3);
    CHECK(d.message == "unknown style key 'body.colour'");
    CHECK(d.hint.find("color") != std::string::npos);
}

TEST_CASE("a bad value is an error naming the key and its line") {
    core::Diagnostics diags;
    CHECK_FALSE(styles::load_style(inputs + "/bad_value.yaml", diags));
    REQUIRE(diags.has_errors());
    CHECK(diags.items()[0].line == 2);
    CHECK(diags.items()[0].message == "style key 'page.margin-top' must be a length");
}

TEST_CASE("unknown presets and extends cycles are errors") {
    core::Diagnostics diags;
    CHECK_FALSE(styles::load_style("no-such-preset", diags));
    CHECK(diags.items().back().message == "unknown style 'no-such-preset'");
    CHECK(diags.items().back().hint.find("default") != std::string::npos);
    CHECK_FALSE(styles::load_style(inputs + "/cycle_a.yaml", diags));
    CHECK(diags.items().back().message.find("more than 8 levels") != std::string::npos);
}
