#include "pdf_text.hpp"

namespace broadside::test {

std::string without_bidi_controls(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' &&
            (s[i + 2] == '\x8E' || s[i + 2] == '\x8F' ||
             (s[i + 2] >= '\xAA' && s[i + 2] <= '\xAE'))) {
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}

}  // namespace broadside::test
