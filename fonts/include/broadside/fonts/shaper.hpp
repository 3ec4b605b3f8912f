#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "broadside/fonts/face.hpp"

namespace broadside::fonts {

/// Text direction of one shaping item.
enum class Direction { ltr, rtl };

/// One glyph as HarfBuzz placed it, in font units (divide by units per em, multiply by the
/// point size). `cluster` is the byte offset in the shaped UTF-8 text of the first character
/// the glyph belongs to. Glyphs come in visual order (right to left text: last cluster first).
struct ShapedGlyph {
    std::uint32_t glyph = 0;
    std::int32_t x_advance = 0;
    std::int32_t x_offset = 0;
    std::int32_t y_offset = 0;
    std::uint32_t cluster = 0;
    bool unsafe_to_break = false;  ///< HarfBuzz: cutting before this glyph needs reshaping
};

/// One shaping item: a run of text of one direction, script, language and face.
struct ShapeRequest {
    std::string_view text;  ///< UTF-8
    Direction direction = Direction::ltr;
    std::string_view script;    ///< ISO 15924 code, e.g. `Arab`; empty lets HarfBuzz guess
    std::string_view language;  ///< BCP 47, e.g. `ug`; empty for none
};

/// Shaped glyphs of one request and their total advance in font units.
struct ShapedText {
    std::vector<ShapedGlyph> glyphs;
    std::int64_t advance = 0;
};

/// HarfBuzz shaping with a cache of shaped words: callers shape word by word, and the same
/// words recur, so the cache turns most shaping into a hash lookup. Results are in font units
/// and independent of the point size. Not thread-safe; use one per job (or per thread).
class Shaper {
  public:
    /// Shapes `request` with `face` (default features: kerning, ligatures, contextual forms,
    /// mark positioning). The reference stays valid as long as the Shaper lives.
    const ShapedText& shape(const Face& face, const ShapeRequest& request);

    /// Glyphs produced by HarfBuzz (cache misses) and glyphs handed out in total.
    [[nodiscard]] std::uint64_t glyphs_shaped() const { return glyphs_shaped_; }
    [[nodiscard]] std::uint64_t glyphs_returned() const { return glyphs_returned_; }
    [[nodiscard]] std::size_t cache_size() const { return cache_.size(); }

  private:
    std::unordered_map<std::string, std::unique_ptr<ShapedText>> cache_;
    std::string key_;
    std::uint64_t glyphs_shaped_ = 0;
    std::uint64_t glyphs_returned_ = 0;
};

}  // namespace broadside::fonts
