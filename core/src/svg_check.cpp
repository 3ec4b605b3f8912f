#include "broadside/core/svg_check.hpp"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <memory>

namespace broadside::core {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// A reference that stays inside the SVG: a fragment or inline data.
bool is_local_reference(std::string_view ref) {
    std::string r = lower(trimmed(ref));
    if (!r.empty() && (r.front() == '"' || r.front() == '\'')) r.erase(0, 1);
    return r.empty() || r.front() == '#' || r.rfind("data:", 0) == 0;
}

// CSS in a style attribute or element: every url(…) must be local, and @import never is.
bool css_refers_outside(std::string_view css) {
    std::string c = lower(css);
    if (c.find("@import") != std::string::npos) return true;
    for (auto at = c.find("url("); at != std::string::npos; at = c.find("url(", at + 4)) {
        if (!is_local_reference(std::string_view(c).substr(at + 4))) return true;
    }
    return false;
}

std::string_view text(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

struct ReaderFree {
    void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};

enum class Finding { none, scripts, outside };

Finding check_attributes(xmlTextReaderPtr reader) {
    Finding found = Finding::none;
    while (xmlTextReaderMoveToNextAttribute(reader) == 1) {
        const std::string name = lower(text(xmlTextReaderConstLocalName(reader)));
        const std::string_view value = text(xmlTextReaderConstValue(reader));
        if (name.rfind("on", 0) == 0 || lower(value).find("javascript:") != std::string::npos)
            return Finding::scripts;
        if ((name == "href" || name == "src") && !is_local_reference(value))
            found = Finding::outside;
        if (name == "style" && css_refers_outside(value)) found = Finding::outside;
    }
    xmlTextReaderMoveToElement(reader);
    return found;
}

}  // namespace

std::string svg_problem(std::string_view svg) {
    // Once, before any thread parses: libxml2's global state is set up here.
    static const bool ready = (xmlInitParser(), true);
    (void)ready;
    if (svg.size() > static_cast<std::size_t>(INT_MAX))
        return "is not a well-formed SVG: too large";
    // No XML_PARSE_NOENT (entities stay unexpanded), no DTD loading, no network, no
    // XML_PARSE_HUGE (libxml2's own bounds on depth and text size stay on).
    std::unique_ptr<xmlTextReader, ReaderFree> reader(xmlReaderForMemory(
        svg.data(), static_cast<int>(svg.size()), nullptr, nullptr,
        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA));
    if (!reader) return "is not a well-formed SVG";
    Finding found = Finding::none;
    bool in_style = false;
    int status = 0;
    while ((status = xmlTextReaderRead(reader.get())) == 1) {
        const int type = xmlTextReaderNodeType(reader.get());
        if (type == XML_READER_TYPE_ELEMENT) {
            const std::string name = lower(text(xmlTextReaderConstLocalName(reader.get())));
            if (name == "script") return "is an SVG with scripts";
            in_style = name == "style" && !xmlTextReaderIsEmptyElement(reader.get());
            Finding f = check_attributes(reader.get());
            if (f == Finding::scripts) return "is an SVG with scripts";
            if (f == Finding::outside) found = f;
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            in_style = false;
        } else if (in_style && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA)) {
            if (css_refers_outside(text(xmlTextReaderConstValue(reader.get()))))
                found = Finding::outside;
        }
    }
    if (status != 0) {
        // libxml2's message may quote the input (a tag name of a megabyte): only a short one.
        const xmlError* error = xmlGetLastError();
        std::string_view why =
            error ? trimmed(text(reinterpret_cast<const xmlChar*>(error->message))) : "";
        // libxml2's depth message ends with advice to the programmer, not to the user.
        if (why.find("Excessive depth") != std::string_view::npos)
            why = "nested deeper than 256 elements";
        return "is not a well-formed SVG" +
               (why.empty() || why.size() > 120 ? std::string() : ": " + std::string(why));
    }
    if (found == Finding::outside) return "is an SVG that refers to other files";
    return {};
}

std::optional<std::string> svg_without_external_dtd(std::string_view svg) {
    const std::size_t start = svg.find("<!DOCTYPE");
    if (start == std::string_view::npos || start > svg.find("<svg")) return std::nullopt;
    std::size_t p = start + 9;
    auto skip_space = [&] {
        while (p < svg.size() && std::isspace(static_cast<unsigned char>(svg[p]))) ++p;
    };
    auto skip_word = [&] {
        while (p < svg.size() && !std::isspace(static_cast<unsigned char>(svg[p])) &&
               svg[p] != '[' && svg[p] != '>')
            ++p;
    };
    auto skip_literal = [&] {
        skip_space();
        if (p >= svg.size() || (svg[p] != '"' && svg[p] != '\'')) return false;
        const std::size_t close = svg.find(svg[p], p + 1);
        if (close == std::string_view::npos) return false;
        p = close + 1;
        return true;
    };
    skip_space();
    const std::size_t name_start = p;
    skip_word();
    const std::string_view name = svg.substr(name_start, p - name_start);
    skip_space();
    const std::size_t keyword_start = p;
    skip_word();
    const std::string_view keyword = svg.substr(keyword_start, p - keyword_start);
    if (keyword == "PUBLIC") {
        if (!skip_literal() || !skip_literal()) return std::nullopt;
    } else if (keyword == "SYSTEM") {
        if (!skip_literal()) return std::nullopt;
    } else {
        p = keyword_start;  // no external identifier
    }
    skip_space();
    std::string out(svg.substr(0, start));
    if (p < svg.size() && svg[p] == '[') {
        // The subset ends at the first `]` followed by `>`; its declarations stay as written.
        std::size_t close = p;
        for (;;) {
            close = svg.find(']', close + 1);
            if (close == std::string_view::npos) return std::nullopt;
            std::size_t q = close + 1;
            while (q < svg.size() && std::isspace(static_cast<unsigned char>(svg[q]))) ++q;
            if (q < svg.size() && svg[q] == '>') {
                if (svg.substr(p, close - p).find("SYSTEM") != std::string_view::npos ||
                    svg.substr(p, close - p).find("PUBLIC") != std::string_view::npos)
                    return std::nullopt;  // external entities inside: left to the check
                if (keyword_start == p) return std::nullopt;  // nothing external to remove
                out += "<!DOCTYPE " + std::string(name) + " ";
                out.append(svg.substr(p, q + 1 - p));
                out.append(svg.substr(q + 1));
                return out;
            }
        }
    }
    if (p >= svg.size() || svg[p] != '>') return std::nullopt;
    out.append(svg.substr(p + 1));
    return out;
}

}  // namespace broadside::core
