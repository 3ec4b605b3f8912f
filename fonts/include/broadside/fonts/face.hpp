#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace broadside::fonts {

/// Where a face lives: a font file and the index of the face inside it (0 for plain .ttf/.otf,
/// the face number inside a .ttc collection).
struct FaceRef {
    std::string path;
    unsigned index = 0;
    friend bool operator==(const FaceRef&, const FaceRef&) = default;
};

/// Vertical metrics and box of a face in font units (y up, as in the font).
struct FaceMetrics {
    int ascender = 0;
    int descender = 0;  ///< negative below the baseline
    int cap_height = 0;
    int bbox_x_min = 0, bbox_y_min = 0, bbox_x_max = 0, bbox_y_max = 0;
    double italic_angle = 0;  ///< degrees, counter-clockwise from vertical (negative leans right)
};

/// The CIDSystemInfo of a CID-keyed CFF face (`Adobe`, `Identity`, 0 for all other faces).
struct CidSystemInfo {
    std::string registry = "Adobe";
    std::string ordering = "Identity";
    int supplement = 0;
};

/// One opened font face: HarfBuzz and FreeType handles over one memory-mapped file. Immutable
/// after opening, so one Face may be shared by every thread; glyph ids are those of the font.
/// Create through FaceLibrary (or `Face::open`); the type hides HarfBuzz/FreeType from users.
class Face {
  public:
    /// Opens face `ref.index` of `ref.path`. Returns null when the file is missing, unreadable,
    /// not a font, or has no such face; never throws for bad files.
    static std::shared_ptr<Face> open(const FaceRef& ref);
    ~Face();
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;

    [[nodiscard]] const FaceRef& ref() const;
    /// PostScript name, e.g. `NotoSerif-Regular`; `Unnamed` when the font has none.
    [[nodiscard]] const std::string& postscript_name() const;
    /// Family name from the font's name table (`Noto Serif CJK SC`).
    [[nodiscard]] const std::string& family_name() const;
    /// Font units per em (1000 for CFF, usually 1000/2048 for TrueType).
    [[nodiscard]] unsigned units_per_em() const;
    [[nodiscard]] unsigned glyph_count() const;
    /// True when the outlines are CFF (`CFF ` table) rather than TrueType `glyf`.
    [[nodiscard]] bool is_cff() const;
    /// True for CFF faces keyed by CID (Noto CJK): their PDF codes are CIDs, not glyph ids.
    [[nodiscard]] bool is_cid_keyed() const;
    [[nodiscard]] const FaceMetrics& metrics() const;
    [[nodiscard]] const CidSystemInfo& cid_system_info() const;

    /// The glyph the cmap gives for `cp`, or nothing when the face does not cover it.
    [[nodiscard]] std::optional<std::uint32_t> nominal_glyph(char32_t cp) const;
    /// Coverage check: does the cmap map `cp` to a real glyph?
    [[nodiscard]] bool covers(char32_t cp) const { return nominal_glyph(cp).has_value(); }
    /// True when every code point of the UTF-8 `text` is covered (invalid bytes are not).
    [[nodiscard]] bool covers_all(std::string_view text) const;
    /// Horizontal advance of glyph `gid` in font units.
    [[nodiscard]] int advance(std::uint32_t gid) const;
    /// The CID of glyph `gid` in a CID-keyed CFF face; the glyph id itself for other faces.
    [[nodiscard]] std::uint32_t cid_for_glyph(std::uint32_t gid) const;

    /// Opaque handles for the other files of this library (shaper, subsetter): `hb_font_t*`
    /// scaled to units per em, `hb_face_t*`. Not part of the public contract.
    [[nodiscard]] void* harfbuzz_font() const;
    [[nodiscard]] void* harfbuzz_face() const;

  private:
    struct Impl;
    explicit Face(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// Opens each face once and hands out shared references. Thread-safe.
class FaceLibrary {
  public:
    /// The face at `ref`, opened on first use; null when it cannot be opened (remembered, so a
    /// bad file is tried once).
    std::shared_ptr<const Face> open(const FaceRef& ref);

  private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const Face>> faces_;
};

}  // namespace broadside::fonts
