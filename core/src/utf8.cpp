#include "broadside/core/utf8.hpp"

namespace broadside::core {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

// Length of the valid sequence starting at `i`, or 0 with `bad` set to the length of the
// maximal invalid subpart (Unicode 15, 3.9 "U+FFFD Substitution of Maximal Subparts").
std::size_t valid_sequence(std::string_view s, std::size_t i, std::size_t& bad) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    bad = 1;
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    for (std::size_t k = 1; k < n; ++k) {
        if (i + k >= s.size()) return 0;
        unsigned char t = b(i + k);
        unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (t < l || t > h) return 0;
        bad = k + 1;
    }
    return n;
}

}  // namespace

std::string sanitize_utf8(std::string_view bytes, std::vector<Utf8Problem>& problems) {
    std::string out;
    out.reserve(bytes.size());
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        std::size_t bad = 0;
        std::size_t n = valid_sequence(bytes, i, bad);
        if (n > 0) {
            if (bytes[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
            out.append(bytes.data() + i, n);
            i += n;
            continue;
        }
        out += replacement;
        if (problems.empty() || problems.back().line != line)
            problems.push_back({line, static_cast<int>(i - line_start) + 1});
        i += bad;
    }
    return out;
}

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
    auto c = static_cast<unsigned char>(s[pos]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && pos + k < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
    pos += n;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace broadside::core
