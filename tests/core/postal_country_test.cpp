// Country lines of postal addresses, as ICU names the countries.
#include <catch2/catch.hpp>

#include "broadside/core/postal_country.hpp"

using broadside::core::country_named_by;
using broadside::core::postal_capitals;

TEST_CASE("a line that names a country, in the languages letters are written in", "[core][postal]") {
    CHECK(country_named_by("Switzerland", "en") == "CH");
    CHECK(country_named_by("  SUISSE ", "en") == "CH");
    CHECK(country_named_by("Schweiz", "de") == "CH");
    CHECK(country_named_by("Швейцария", "ru") == "CH");
    CHECK(country_named_by("瑞士", "zh") == "CH");
    CHECK(country_named_by("USA", "en") == "US");
    CHECK(country_named_by("United States", "en") == "US");
    CHECK(country_named_by("Deutschland", "fr") == "DE");  // German names are always known
}

TEST_CASE("streets, towns and short words are not countries", "[core][postal]") {
    CHECK_FALSE(country_named_by("Main Street 1", "en"));
    CHECK_FALSE(country_named_by("1201 Geneva", "en"));
    CHECK_FALSE(country_named_by("and", "en"));  // not the alpha-3 code AND, which is in capitals
    CHECK_FALSE(country_named_by("", "en"));
    CHECK_FALSE(country_named_by(std::string(100000, 'a'), "en"));
}

TEST_CASE("capitals by the rules of the letter's language", "[core][postal]") {
    CHECK(postal_capitals("Türkei", "de") == "TÜRKEI");
    CHECK(postal_capitals("Großbritannien", "de") == "GROSSBRITANNIEN");
    CHECK(postal_capitals("Royaume-Uni", "fr") == "ROYAUME-UNI");
    CHECK(postal_capitals("Türkiye", "tr") == "TÜRKİYE");  // Turkish dotted capital I
}
