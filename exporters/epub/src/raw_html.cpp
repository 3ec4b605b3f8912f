// Raw HTML from Markdown is re-serialised from tokens rather than copied, so the output is
// XHTML by construction (quoted attributes, closed voids, numeric characters for entities).
#include "raw_html.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/url.hpp"
#include "broadside/core/utf8.hpp"
#include "xml.hpp"

namespace broadside::epub {
namespace {

constexpr std::array phrasing_elements = {
    "a",    "abbr",  "b",    "bdi",    "bdo",  "br",  "cite", "code", "del",  "dfn",
    "em",   "i",     "ins",  "kbd",    "mark", "q",   "rp",   "rt",   "ruby", "s",
    "samp", "small", "span", "strong", "sub",  "sup", "time", "u",    "var",  "wbr"};
constexpr std::array flow_elements = {
    "address",    "article", "aside",  "blockquote", "caption", "dd",  "div",     "dl",    "dt",
    "figcaption", "figure",  "footer", "h1",         "h2",      "h3",  "h4",      "h5",    "h6",
    "header",     "hr",      "li",     "ol",         "p",       "pre", "section", "table", "tbody",
    "td",         "tfoot",   "th",     "thead",      "tr",      "ul"};
// Elements that can run code, load content, or take input: never passed through.
constexpr std::array unsafe_elements = {
    "script", "style",    "iframe",   "object",   "embed",  "applet", "form",
    "input",  "button",   "select",   "textarea", "link",   "meta",   "base",
    "frame",  "frameset", "svg",      "math",     "video",  "audio",  "source",
    "canvas", "template", "noscript", "img",      "picture"};
constexpr std::array void_elements = {"br", "hr", "wbr"};
// Elements whose content is phrasing only: a block element inside them is a nesting error.
constexpr std::array phrasing_containers = {"p",  "h1", "h2",  "h3", "h4",
                                            "h5", "h6", "pre", "dt", "caption"};

template <std::size_t N>
bool in(const std::array<const char*, N>& set, std::string_view name) {
    return std::any_of(set.begin(), set.end(), [&](const char* s) { return name == s; });
}

// An element as a message names it; an element name of a megabyte is cut like any value.
std::string element(const std::string& name) {
    return name.size() <= 40 ? "<" + name + ">" : "<" + core::quote_value(name) + ">";
}

// XHTML parsers refuse deeper documents (libxml2 stops at 256 levels), and the chapter
// around a block already nests a few; raw HTML deeper than this is refused with a warning.
constexpr std::size_t max_html_depth = 64;

bool is_phrasing(std::string_view n) {
    return in(phrasing_elements, n);
}

const std::pair<const char*, char32_t> named_entities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},     {"copy", 0xA9},     {"reg", 0xAE},     {"trade", 0x2122}, {"mdash", 0x2014},
    {"ndash", 0x2013},  {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},   {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"bull", 0x2022},  {"middot", 0xB7},
    {"times", 0xD7},    {"divide", 0xF7},   {"deg", 0xB0},     {"euro", 0x20AC},  {"pound", 0xA3},
    {"yen", 0xA5},      {"cent", 0xA2},     {"sect", 0xA7},    {"para", 0xB6},    {"shy", 0xAD},
    {"thinsp", 0x2009}, {"ensp", 0x2002},   {"emsp", 0x2003},  {"zwj", 0x200D},   {"zwnj", 0x200C},
    {"lrm", 0x200E},    {"rlm", 0x200F},    {"larr", 0x2190},  {"rarr", 0x2192},  {"uarr", 0x2191},
    {"darr", 0x2193},   {"hearts", 0x2665}, {"check", 0x2713}, {"iexcl", 0xA1},   {"iquest", 0xBF},
    {"frac12", 0xBD},   {"plusmn", 0xB1},   {"micro", 0xB5}};

bool xml_allowed(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Decodes character references (`&amp;`, `&#106;`); a `&` that starts none stays itself.
std::string decode_references(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '&') {
            std::size_t next = s.find('&', i);
            if (next == std::string_view::npos) next = s.size();
            out.append(s.substr(i, next - i));
            i = next;
            continue;
        }
        std::size_t semi = s.find(';', i);
        if (semi != std::string_view::npos && semi - i <= 10) {
            std::string_view name = s.substr(i + 1, semi - i - 1);
            char32_t cp = 0;
            if (!name.empty() && name[0] == '#') {
                bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
                std::string digits(name.substr(hex ? 2 : 1));
                if (!digits.empty() &&
                    std::all_of(digits.begin(), digits.end(), [hex](unsigned char c) {
                        return hex ? std::isxdigit(c) != 0 : std::isdigit(c) != 0;
                    })) {
                    unsigned long v = std::stoul(digits, nullptr, hex ? 16 : 10);
                    cp = v <= 0x10FFFF && xml_allowed(static_cast<char32_t>(v))
                             ? static_cast<char32_t>(v)
                             : 0xFFFD;
                }
            } else {
                for (const auto& [n, c] : named_entities) {
                    if (name == n) cp = c;
                }
            }
            if (cp != 0) {
                core::append_utf8(out, cp);
                i = semi + 1;
                continue;
            }
        }
        out += '&';
        ++i;
    }
    return out;
}

// The text with its references decoded and escaped again, so it is XML whatever it held.
std::string xml_text(std::string_view s) {
    return xml_escape(decode_references(s));
}

struct Tag {
    bool closing = false;
    bool self_closing = false;
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Parses the tag starting at s[pos] == '<'; advances pos past it. Nothing for malformed tags.
std::optional<Tag> parse_tag(std::string_view s, std::size_t& pos) {
    Tag tag;
    std::size_t i = pos + 1;
    if (i < s.size() && s[i] == '/') {
        tag.closing = true;
        ++i;
    }
    std::size_t start = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-')) ++i;
    if (i == start) return std::nullopt;
    tag.name = lower(s.substr(start, i - start));
    for (;;) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        if (i >= s.size()) return std::nullopt;
        if (s[i] == '>') {
            pos = i + 1;
            return tag;
        }
        if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '>') {
            tag.self_closing = true;
            pos = i + 2;
            return tag;
        }
        if (tag.closing) return std::nullopt;
        start = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '=' &&
               s[i] != '>' && s[i] != '/' && s[i] != '"' && s[i] != '\'') {
            ++i;
        }
        if (i == start) return std::nullopt;
        std::string name = lower(s.substr(start, i - start));
        std::string value;
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        if (i < s.size() && s[i] == '=') {
            ++i;
            while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
            if (i >= s.size()) return std::nullopt;
            if (s[i] == '"' || s[i] == '\'') {
                std::size_t end = s.find(s[i], i + 1);
                if (end == std::string_view::npos) return std::nullopt;
                value = s.substr(i + 1, end - i - 1);
                i = end + 1;
            } else {
                start = i;
                while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) &&
                       s[i] != '>') {
                    ++i;
                }
                value = s.substr(start, i - start);
            }
        }
        tag.attributes.emplace_back(std::move(name), std::move(value));
    }
}

bool digits_only(const std::string& v) {
    return !v.empty() && v.size() < 4 &&
           std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Writes a start tag with only the attributes that are harmless and valid on that element;
// returns false (with `problem`) for anything that could run code.
bool write_start_tag(const Tag& tag, std::string& out, std::string& problem) {
    std::string attrs;
    for (const auto& [name, raw] : tag.attributes) {
        if (name.rfind("on", 0) == 0) {
            problem = "raw HTML has an event handler (" + core::quote_value(name) + ")";
            return false;
        }
        // Attribute values are decoded first so `&#106;avascript:` is seen for what it is.
        const std::string decoded = decode_references(raw);
        std::string value = xml_escape(decoded);
        std::string lowered = lower(value);
        lowered.erase(std::remove_if(lowered.begin(), lowered.end(),
                                     [](unsigned char c) { return std::isspace(c); }),
                      lowered.end());
        bool keep = false;
        if (name == "class" || name == "title") {
            keep = true;
        } else if (name == "lang") {
            keep = !value.empty();
            if (keep) attrs += " xml:lang=\"" + value + "\"";
        } else if (name == "dir") {
            keep = value == "ltr" || value == "rtl" || value == "auto";
        } else if (name == "href" && tag.name == "a") {
            if (lowered.rfind("javascript:", 0) == 0 || lowered.rfind("data:", 0) == 0 ||
                lowered.rfind("vbscript:", 0) == 0) {
                problem = "raw HTML links to a script";
                return false;
            }
            keep = lowered.rfind("http://", 0) == 0 || lowered.rfind("https://", 0) == 0 ||
                   lowered.rfind("mailto:", 0) == 0;
            value = xml_escape(core::valid_uri(decoded));
        } else if ((name == "colspan" || name == "rowspan") &&
                   (tag.name == "td" || tag.name == "th")) {
            keep = digits_only(value) && value != "0";
        } else if (name == "scope" && tag.name == "th") {
            keep = value == "row" || value == "col";
        } else if (name == "start" && tag.name == "ol") {
            keep = digits_only(value);
        } else if (name == "datetime" &&
                   (tag.name == "time" || tag.name == "del" || tag.name == "ins")) {
            keep = !value.empty();
        }
        if (keep) attrs += " " + name + "=\"" + value + "\"";
    }
    out += "<" + tag.name + attrs + (in(void_elements, tag.name) ? "/>" : ">");
    return true;
}

bool whitespace_only(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

// HTML content rules that the EPUB schema enforces: which parent each element needs, and which
// parents take no text.
bool allowed_child(const std::string& parent, const std::string& child) {
    if (child == "li") return parent == "ul" || parent == "ol";
    if (child == "dt" || child == "dd") return parent == "dl";
    if (child == "tr")
        return parent == "table" || parent == "thead" || parent == "tbody" || parent == "tfoot";
    if (child == "td" || child == "th") return parent == "tr";
    if (child == "thead" || child == "tbody" || child == "tfoot" || child == "caption") {
        return parent == "table";
    }
    if (parent == "ul" || parent == "ol" || parent == "dl" || parent == "table" ||
        parent == "thead" || parent == "tbody" || parent == "tfoot" || parent == "tr") {
        return false;
    }
    if (!is_phrasing(child) && (is_phrasing(parent) || in(phrasing_containers, parent))) {
        return false;
    }
    return true;
}

bool takes_text(const std::string& parent) {
    return !(parent == "ul" || parent == "ol" || parent == "dl" || parent == "table" ||
             parent == "thead" || parent == "tbody" || parent == "tfoot" || parent == "tr");
}

}  // namespace

std::optional<std::string> sanitize_html_block(std::string_view html, std::string& problem) {
    std::string out;
    std::vector<std::string> open{"div"};  // the wrapper the caller puts around the block
    std::size_t i = 0;
    while (i < html.size()) {
        if (html[i] != '<') {
            std::size_t next = html.find('<', i);
            if (next == std::string_view::npos) next = html.size();
            std::string_view text = html.substr(i, next - i);
            if (!takes_text(open.back()) && !whitespace_only(text)) {
                problem = "raw HTML has text directly inside " + element(open.back());
                return std::nullopt;
            }
            out += xml_text(text);
            i = next;
            continue;
        }
        if (html.substr(i, 4) == "<!--") {
            std::size_t end = html.find("-->", i + 4);
            if (end == std::string_view::npos) {
                problem = "raw HTML has an unclosed comment";
                return std::nullopt;
            }
            i = end + 3;
            continue;
        }
        auto tag = parse_tag(html, i);
        if (!tag) {
            problem = "raw HTML is not well-formed";
            return std::nullopt;
        }
        if (in(unsafe_elements, tag->name)) {
            problem = "raw HTML has a " + element(tag->name) +
                      " element, which is not allowed in the book";
            return std::nullopt;
        }
        if (!is_phrasing(tag->name) && !in(flow_elements, tag->name)) {
            problem = "raw HTML has an unknown element " + element(tag->name);
            return std::nullopt;
        }
        if (tag->closing) {
            if (open.size() < 2 || open.back() != tag->name) {
                const bool inner = std::find(open.begin() + 1, open.end(), tag->name) != open.end();
                problem = inner ? "raw HTML leaves " + element(open.back()) +
                                      " unclosed before </" + tag->name + ">"
                                : "raw HTML closes " + element(tag->name) + " that is not open";
                return std::nullopt;
            }
            open.pop_back();
            out += "</" + tag->name + ">";
            continue;
        }
        if (!allowed_child(open.back(), tag->name) ||
            (tag->name == "a" && std::find(open.begin(), open.end(), "a") != open.end())) {
            problem = "raw HTML puts " + element(tag->name) + " inside " + element(open.back());
            return std::nullopt;
        }
        if (open.size() > max_html_depth) {
            problem =
                "raw HTML nests elements deeper than " + std::to_string(max_html_depth) + " levels";
            return std::nullopt;
        }
        if (!write_start_tag(*tag, out, problem)) return std::nullopt;
        if (in(void_elements, tag->name)) continue;
        if (tag->self_closing) {
            out += "</" + tag->name + ">";
        } else {
            open.push_back(tag->name);
        }
    }
    if (open.size() > 1) {
        problem = "raw HTML leaves " + element(open.back()) + " unclosed";
        return std::nullopt;
    }
    return out;
}

std::string InlineHtml::accept(std::string_view fragment, std::string& problem) {
    if (fragment.substr(0, 4) == "<!--") return {};  // comments carry nothing for the reader
    std::size_t pos = 0;
    auto tag = fragment.empty() || fragment[0] != '<' ? std::nullopt : parse_tag(fragment, pos);
    if (!tag || pos != fragment.size()) {
        problem = "raw HTML is not well-formed";
        return {};
    }
    if (tag->closing) {
        if (!open_.empty() && open_.back() == tag->name) {
            open_.pop_back();
            return "</" + tag->name + ">";
        }
        if (!dropped_.empty() && dropped_.back() == tag->name) {
            dropped_.pop_back();  // its start tag was left out with a warning already
            return {};
        }
        problem = is_phrasing(tag->name)
                      ? "raw HTML closes <" + tag->name + "> that is not open here"
                      : "raw HTML " + element(tag->name) + " is not allowed inside a paragraph";
        return {};
    }
    std::string out;
    if (!is_phrasing(tag->name)) {
        problem = "raw HTML " + element(tag->name) + " is not allowed inside a paragraph";
    } else if (tag->name == "a" && in_link()) {
        problem = "raw HTML nests links";
    } else if (open_.size() >= max_html_depth) {
        problem =
            "raw HTML nests elements deeper than " + std::to_string(max_html_depth) + " levels";
    } else {
        write_start_tag(*tag, out, problem);
    }
    if (!problem.empty()) {
        if (!in(void_elements, tag->name) && !tag->self_closing) dropped_.push_back(tag->name);
        return {};
    }
    if (in(void_elements, tag->name)) return out;
    if (tag->self_closing) return out + "</" + tag->name + ">";
    open_.push_back(tag->name);
    return out;
}

bool InlineHtml::in_link() const {
    return inside_link_ || std::find(open_.begin(), open_.end(), "a") != open_.end();
}

std::string InlineHtml::close_all() {
    std::string out;
    while (!open_.empty()) {
        out += "</" + open_.back() + ">";
        open_.pop_back();
    }
    return out;
}

}  // namespace broadside::epub
