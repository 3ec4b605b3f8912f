#include "xml.hpp"

#include <cctype>

namespace broadside::epub {

void append_xml(std::string& out, std::string_view text) {
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                // XML 1.0 allows only tab, newline and carriage return below U+0020.
                if (c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;
                out += ch;
        }
    }
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    append_xml(out, text);
    return out;
}

bool is_safe_id(std::string_view id) {
    if (id.empty()) return false;
    const auto first = static_cast<unsigned char>(id.front());
    if (!(std::isalpha(first) || first == '_' || first >= 0x80)) return false;
    for (unsigned char c : id) {
        if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80)) return false;
    }
    return true;
}

}  // namespace broadside::epub
