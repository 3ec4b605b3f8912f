#include "broadside/core/xml_text.hpp"

namespace broadside::core {

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

}  // namespace broadside::core
