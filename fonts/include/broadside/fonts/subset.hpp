#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "broadside/fonts/face.hpp"

namespace broadside::fonts {

/// How hb-subset should cut a face.
struct SubsetOptions {
    /// Keep every glyph at its original id (unused ones emptied). PDF TrueType fonts use this
    /// so content-stream codes can be original glyph ids; it costs almost nothing for `glyf`
    /// but blows CID-keyed CFF up ~50×, so leave it off there.
    bool retain_glyph_ids = false;
    /// Keep GSUB/GPOS/GDEF/BASE/JSTF/MATH/kern/morx. A PDF draws already-shaped glyphs and
    /// needs none of them; an ePub's browser shapes itself and needs them all.
    bool keep_layout_tables = false;
    /// Drop TrueType hinting instructions (about −30 % for Noto; screens at PDF sizes do not
    /// need them).
    bool drop_hinting = false;
};

/// Subsets `face` to `glyphs` (glyph ids of that face; .notdef is always kept). Returns the
/// new font file (an sfnt), or nothing when hb-subset fails. Deterministic for equal input.
std::optional<std::vector<std::uint8_t>> subset_glyphs(const Face& face,
                                                       std::span<const std::uint32_t> glyphs,
                                                       const SubsetOptions& options);

/// Subsets `face` to the glyphs of `code_points` (through the cmap, plus whatever GSUB can
/// reach from them when layout tables are kept), for formats whose reader shapes the text
/// itself (ePub). Returns the new sfnt, or nothing when hb-subset fails.
std::optional<std::vector<std::uint8_t>> subset_code_points(const Face& face,
                                                            std::span<const char32_t> code_points,
                                                            const SubsetOptions& options);

/// A copy of table `tag` (four characters, e.g. `CFF `) of the sfnt `font`, or nothing when the
/// font has no such table or is not an sfnt.
std::optional<std::vector<std::uint8_t>> sfnt_table(std::span<const std::uint8_t> font,
                                                    std::string_view tag);

}  // namespace broadside::fonts
