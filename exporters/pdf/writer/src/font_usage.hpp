#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// What one embedded face is used for: the glyphs drawn, the code each is drawn with, the
/// widths those codes get in /W and the text they map to in the ToUnicode CMap. Codes do not
/// depend on the final subset: glyph ids for TrueType (the subset keeps ids), CIDs for
/// CID-keyed CFF (the subset keeps the charset's CIDs).
class FontUsage {
  public:
    explicit FontUsage(FontRef face);

    [[nodiscard]] const FontRef& face() const { return face_; }
    /// The content-stream code of glyph `glyph`, registering the glyph on first use.
    std::uint32_t code(std::uint32_t glyph);
    /// Width of `code` in 1/1000 em, exactly as written to /W (the TJ arithmetic uses it).
    [[nodiscard]] int width(std::uint32_t code) const;
    /// Records that `code` stands for `text`. The first mapping of a code wins; returns false
    /// when the code already stands for different text (the caller adds ActualText then).
    bool map(std::uint32_t code, const std::u32string& text);
    [[nodiscard]] bool mapped(std::uint32_t code) const { return unicode_.contains(code); }

    [[nodiscard]] const std::set<std::uint32_t>& glyphs() const { return glyphs_; }
    [[nodiscard]] const std::map<std::uint32_t, int>& widths() const { return widths_; }
    [[nodiscard]] const std::map<std::uint32_t, std::u32string>& unicode() const {
        return unicode_;
    }

  private:
    FontRef face_;
    std::vector<std::uint32_t> code_plus_one_;  ///< by glyph id; 0: not used yet
    std::vector<int> width_of_code_;            ///< by code; what widths_ holds, flat
    std::set<std::uint32_t> glyphs_;
    std::map<std::uint32_t, int> widths_;
    std::map<std::uint32_t, std::u32string> unicode_;
};

/// The ToUnicode CMap of a font: `bfchar` entries in blocks of at most 100 (the CMap format's
/// limit), two-byte codes, values in UTF-16BE hex.
std::string to_unicode_cmap(const std::map<std::uint32_t, std::u32string>& unicode);

/// Decodes UTF-8 that the reader already validated (truncated sequences end the text).
std::u32string utf8_to_u32(std::string_view text);

/// `text` as upper-case UTF-16BE hex digits (surrogate pairs for supplementary planes).
std::string utf16be_hex(const std::u32string& text);

}  // namespace broadside::pdf
