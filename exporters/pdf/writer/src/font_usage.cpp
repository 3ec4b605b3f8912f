#include "font_usage.hpp"

#include <cmath>
#include <cstdio>

namespace broadside::pdf {

FontUsage::FontUsage(FontRef face) : face_(std::move(face)) {}

std::uint32_t FontUsage::code(std::uint32_t glyph) {
    auto it = code_of_glyph_.find(glyph);
    if (it != code_of_glyph_.end()) return it->second;
    std::uint32_t c = face_->cid_for_glyph(glyph);
    code_of_glyph_.emplace(glyph, c);
    glyphs_.insert(glyph);
    widths_[c] =
        static_cast<int>(std::lround(face_->advance(glyph) * 1000.0 / face_->units_per_em()));
    return c;
}

int FontUsage::width(std::uint32_t code) const {
    auto it = widths_.find(code);
    return it == widths_.end() ? 0 : it->second;
}

bool FontUsage::map(std::uint32_t code, const std::u32string& text) {
    auto [it, inserted] = unicode_.emplace(code, text);
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
