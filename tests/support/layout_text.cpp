#include "layout_text.hpp"

#include <regex>
#include <sstream>

namespace broadside::test {
namespace {

bool starts(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

std::string unquote(const std::string& s) {  // the dump's quoting: \" \\ \n
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            ++i;
            out += s[i] == 'n' ? '\n' : s[i];
        } else {
            out += s[i];
        }
    }
    return out;
}

// Lines that come from front matter or page furniture rather than the Markdown body.
bool furniture(const std::string& role) {
    static const char* kinds[] = {
        "marker",     "title",       "byline",  "page-number", "running-head", "continuation-head",
        "letterhead", "return-line", "notes",   "address",     "info",         "date",
        "subject",    "opening",     "closing", "signature",   "signator",     "cc",
        "enclosures", "postscript", "repeated-table-header"};
    for (const char* k : kinds)
        if (starts(role, k)) return true;
    return false;
}

}  // namespace

std::string letters(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            ++i;
            continue;
        }
        static const char* marks[] = {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC",
                                      "\xE2\x80\x8E", "\xE2\x80\x8F"};
        bool mark = false;
        for (const char* m : marks)
            if (text.compare(i, 3, m) == 0) mark = true;
        if (mark) {
            i += 3;
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::string first_difference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    if (i == a.size() && i == b.size()) return "equal";
    std::size_t from = i > 60 ? i - 60 : 0;
    return "at byte " + std::to_string(i) + ":\n  " + a.substr(from, 120) + "\n  " +
           b.substr(from, 120);
}

DumpText dump_text(const std::string& dump) {
    static const std::regex item(R"(^    @\S+ line(?: \[([^\]]*)\])? r=\S+ (?:hyphen )?"(.*)\"$)");
    DumpText t;
    std::istringstream in(dump);
    for (std::string l; std::getline(in, l);) {
        std::smatch m;
        if (!std::regex_match(l, m, item)) continue;
        std::string role = m[1], text = unquote(m[2]);
        t.all += text + "\n";
        if (starts(role, "footnote")) {
            t.footnotes += text + "\n";
        } else if (!furniture(role)) {
            t.body += text + "\n";
        }
    }
    return t;
}

}  // namespace broadside::test
