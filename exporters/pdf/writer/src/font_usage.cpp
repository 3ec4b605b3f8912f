#include "font_usage.hpp"

#include <cmath>
#include <cstdio>

namespace broadside::pdf {

FontUsage::FontUsage(FontRef face) : face_(std::move(face)) {}

std::uint32_t FontUsage::code(std::uint32_t glyph) {
    // Every printed glyph asks: a flat table answers (glyph ids and codes are 16-bit).
    if (glyph < code_plus_one_.size() && code_plus_one_[glyph] != 0)
        return code_plus_one_[glyph] - 1;
    std::uint32_t c = face_->cid_for_glyph(glyph);
    if (glyph >= code_plus_one_.size()) code_plus_one_.resize(glyph + 1, 0);
    code_plus_one_[glyph] = c + 1;
    glyphs_.insert(glyph);
    const int w =
        static_cast<int>(std::lround(face_->advance(glyph) * 1000.0 / face_->units_per_em()));
    widths_[c] = w;
    if (c >= width_of_code_.size()) width_of_code_.resize(c + 1, 0);
    width_of_code_[c] = w;
    return c;
}

int FontUsage::width(std::uint32_t code) const {
    return code < width_of_code_.size() ? width_of_code_[code] : 0;
}

bool FontUsage::map(std::uint32_t code, const std::u32string& text) {
    // try_emplace builds no node for a code seen before: most glyphs are.
    auto [it, inserted] = unicode_.try_emplace(code, text);
    return inserted || it->second == text;
}

std::u32string utf8_to_u32(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + n > s.size()) break;
        char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < n; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out += cp;
        i += n;
    }
    return out;
}

std::string utf16be_hex(const std::u32string& text) {
    std::string out;
    char buf[16];
    for (char32_t c : text) {
        if (c >= 0x10000) {
            c -= 0x10000;
            std::snprintf(buf, sizeof buf, "%04X%04X", 0xD800 + static_cast<unsigned>(c >> 10),
                          0xDC00 + static_cast<unsigned>(c & 0x3FF));
        } else {
            std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
        }
        out += buf;
    }
    return out;
}

std::string to_unicode_cmap(const std::map<std::uint32_t, std::u32string>& unicode) {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    auto it = unicode.begin();
    while (it != unicode.end()) {
        std::size_t n =
            std::min<std::size_t>(100, static_cast<std::size_t>(std::distance(it, unicode.end())));
        cmap += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = 0; k < n; ++k, ++it) {
            char code[8];
            std::snprintf(code, sizeof code, "%04X", it->first & 0xFFFF);
            cmap += "<" + std::string(code) + "> <" + utf16be_hex(it->second) + ">\n";
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return cmap;
}

}  // namespace broadside::pdf
