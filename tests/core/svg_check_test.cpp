// The SVG check reads SVG as XML: what a pattern over the text missed (an entity-encoded
// "javascript:", a reference in CSS) is caught, and what no pattern could bound (nesting,
// size) ends in a message.
#include <catch2/catch.hpp>

#include <string>

#include "broadside/core/svg_check.hpp"

using broadside::core::svg_problem;
using broadside::core::svg_without_external_dtd;

namespace {

std::string svg(const std::string& body) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" "
           "xmlns:xlink=\"http://www.w3.org/1999/xlink\">" +
           body + "</svg>";
}

}  // namespace

TEST_CASE("epub svg: drawings that stay inside themselves may travel") {
    CHECK(svg_problem(svg("<rect width=\"10\" height=\"5\" style=\"fill:url(#g)\"/>")).empty());
    CHECK(svg_problem(svg("<use href=\"#a\"/><image xlink:href=\"data:image/png;base64,AA\"/>"))
              .empty());
    CHECK(svg_problem(svg("<style>rect { fill: url('#g') }</style>")).empty());
    CHECK(svg_problem("<?xml version=\"1.0\"?>\n" + svg("<text>on the map</text>")).empty());
}

TEST_CASE("epub svg: scripts in any spelling are refused") {
    const std::string scripts = "is an SVG with scripts";
    CHECK(svg_problem(svg("<script>alert(1)</script>")) == scripts);
    CHECK(svg_problem(svg("<rect onload=\"alert(1)\"/>")) == scripts);
    CHECK(svg_problem(svg("<rect ONCLICK=\"x()\"/>")) == scripts);
    CHECK(svg_problem(svg("<a href=\"javascript:alert(1)\"><text>x</text></a>")) == scripts);
    // A character reference hides the scheme from a text pattern, not from an XML parser.
    CHECK(svg_problem(svg("<a xlink:href=\"&#106;avascript:alert(1)\"><text>x</text></a>")) ==
          scripts);
}

TEST_CASE("epub svg: references to other files are refused") {
    const std::string outside = "is an SVG that refers to other files";
    CHECK(svg_problem(svg("<image href=\"photo.png\"/>")) == outside);
    CHECK(svg_problem(svg("<image xlink:href=\"https://example.org/x.png\"/>")) == outside);
    CHECK(svg_problem(svg("<rect style=\"fill:url(https://example.org/p.svg#x)\"/>")) == outside);
    CHECK(svg_problem(svg("<style>@import 'x.css';</style>")) == outside);
}

TEST_CASE("epub svg: broken, deep or huge SVG ends in a message") {
    CHECK(svg_problem("<svg><g></svg>").rfind("is not a well-formed SVG", 0) == 0);
    CHECK(svg_problem("").rfind("is not a well-formed SVG", 0) == 0);
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<g>";
    CHECK(svg_problem(svg(deep)).rfind("is not a well-formed SVG", 0) == 0);
    // A megabyte tag name: the message stays short.
    CHECK(svg_problem(svg("<" + std::string(1 << 20, 'g') + ">")).size() < 200);
}

TEST_CASE("epub svg: the SVG 1.1 DOCTYPE goes, an internal subset stays") {
    const std::string body = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>";
    const std::string prolog = "<?xml version=\"1.0\"?>\n";
    CHECK(svg_without_external_dtd(prolog +
                                   "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                                   "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" +
                                   body) == prolog + "\n" + body);
    CHECK(svg_without_external_dtd("<!DOCTYPE svg SYSTEM 'svg11.dtd'>" + body) == body);
    // Illustrator declares the namespaces as entities; the drawing still needs them.
    const std::string subset = "[\n<!ENTITY ns_svg \"http://www.w3.org/2000/svg\">\n]>";
    CHECK(svg_without_external_dtd("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                                   "\"svg11.dtd\" " +
                                   subset + body) == "<!DOCTYPE svg " + subset + body);
    CHECK_FALSE(svg_without_external_dtd(body));
    CHECK_FALSE(svg_without_external_dtd("<!DOCTYPE svg " + subset + body));
    CHECK_FALSE(svg_without_external_dtd("<!DOCTYPE svg PUBLIC \"unclosed>" + body));
    CHECK_FALSE(svg_without_external_dtd("<!DOCTYPE svg [<!ENTITY x SYSTEM \"f.xml\">]>" + body));
}
