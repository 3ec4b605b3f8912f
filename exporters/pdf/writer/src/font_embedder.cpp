#include "font_embedder.hpp"

#include <hpdf_objects.h>

#include <cmath>

#include "broadside/fonts/subset.hpp"
#include "hpdf_access.hpp"

namespace broadside::pdf {
namespace {

/// The six-letter subset tag of PDF 32000 9.6.4, derived from the face and its glyphs (FNV-1a)
/// so the same text gives the same name on every run.
std::string subset_tag(const FontUsage& u) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::uint64_t v) {
        for (int i = 0; i < 4; ++i) {
            h ^= (v >> (8 * i)) & 0xFF;
            h *= 1099511628211ull;
        }
    };
    for (char c : u.face()->postscript_name()) mix(static_cast<unsigned char>(c));
    for (std::uint32_t g : u.glyphs()) mix(g);
    std::string tag;
    for (int i = 0; i < 6; ++i) {
        tag += static_cast<char>('A' + h % 26);
        h /= 26;
    }
    return tag;
}

int font_units(const fonts::Face& face, double v) {
    return static_cast<int>(std::lround(v * 1000.0 / face.units_per_em()));
}

HPDF_Dict descriptor(HPDF_Doc doc, const fonts::Face& face, const std::string& name,
                     HPDF_Dict program) {
    HPDF_Dict fd = hpdf::new_indirect_dict(doc);
    if (!fd) return nullptr;
    const auto& m = face.metrics();
    HPDF_Dict_AddName(fd, "Type", "FontDescriptor");
    HPDF_Dict_AddName(fd, "FontName", name.c_str());
    HPDF_Dict_AddNumber(fd, "Flags", 4);  // symbolic: the codes are not a standard encoding
    HPDF_Array box = hpdf::new_array(doc);
    for (int v : {m.bbox_x_min, m.bbox_y_min, m.bbox_x_max, m.bbox_y_max})
        HPDF_Array_AddNumber(box, font_units(face, v));
    HPDF_Dict_Add(fd, "FontBBox", box);
    HPDF_Dict_AddReal(fd, "ItalicAngle", static_cast<HPDF_REAL>(m.italic_angle));
    HPDF_Dict_AddNumber(fd, "Ascent", font_units(face, m.ascender));
    HPDF_Dict_AddNumber(fd, "Descent", font_units(face, m.descender));
    HPDF_Dict_AddNumber(fd, "CapHeight", font_units(face, m.cap_height));
    HPDF_Dict_AddNumber(fd, "StemV", 80);  // required; viewers only use it for substitution
    HPDF_Dict_Add(fd, face.is_cff() ? "FontFile3" : "FontFile2", program);
    return fd;
}

/// /W as runs of consecutive codes: [c [w w w] c' [w] …].
HPDF_Array widths(HPDF_Doc doc, const FontUsage& u) {
    HPDF_Array w = hpdf::new_array(doc);
    const auto& all = u.widths();
    for (auto it = all.begin(); it != all.end();) {
        HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(it->first));
        HPDF_Array run = hpdf::new_array(doc);
        std::uint32_t previous = it->first;
        HPDF_Array_AddNumber(run, it->second);
        for (++it; it != all.end() && it->first == previous + 1; previous = it->first, ++it)
            HPDF_Array_AddNumber(run, it->second);
        HPDF_Array_Add(w, run);
    }
    return w;
}

}  // namespace

FontEmbedder::Entry& FontEmbedder::font(const FontRef& face) {
    auto it = index_.find(face.get());
    if (it != index_.end()) return fonts_[it->second];
    Entry e;
    e.usage = std::make_unique<FontUsage>(face);
    e.dict = hpdf::new_indirect_dict(doc_);
    if (e.dict) {
        HPDF_Dict_AddName(e.dict, "Type", "Font");
        HPDF_Dict_AddName(e.dict, "Subtype", "Type0");
        HPDF_Dict_AddName(e.dict, "Encoding", "Identity-H");
    }
    index_.emplace(face.get(), fonts_.size());
    fonts_.push_back(std::move(e));
    return fonts_.back();
}

bool FontEmbedder::finish(core::Diagnostics& diags, const std::string& file) {
    bool ok = true;
    for (auto& e : fonts_) ok = finish_one(e, diags, file) && ok;
    return ok;
}

bool FontEmbedder::finish_one(Entry& e, core::Diagnostics& diags, const std::string& file) {
    const FontUsage& u = *e.usage;
    const fonts::Face& face = *u.face();
    if (!e.dict) return false;
    // TrueType keeps glyph ids so codes stay valid (/CIDToGIDMap /Identity, nearly free);
    // CID-keyed CFF keeps its CIDs in the charset without that, and would grow ~50× with it.
    // Name-keyed CFF has no CIDs: there the code is the glyph id and the ids must stay.
    fonts::SubsetOptions options;
    options.retain_glyph_ids = !face.is_cff() || !face.is_cid_keyed();
    options.drop_hinting = true;
    std::vector<std::uint32_t> glyphs(u.glyphs().begin(), u.glyphs().end());
    auto subset = fonts::subset_glyphs(face, glyphs, options);
    std::optional<std::vector<std::uint8_t>> program = subset;
    if (subset && face.is_cff()) program = fonts::sfnt_table(*subset, "CFF ");
    if (!program) {
        diags.error(file, 0, 0,
                    "cannot subset font " + face.ref().path + " (face " +
                        std::to_string(face.ref().index) + ")",
                    "the font file may be damaged; choose another font in the style");
        return false;
    }
    HPDF_Dict stream = hpdf::new_flate_stream(doc_, *program);
    if (!stream) return false;
    if (face.is_cff())
        HPDF_Dict_AddName(stream, "Subtype", "CIDFontType0C");
    else
        HPDF_Dict_AddNumber(stream, "Length1", static_cast<HPDF_INT32>(program->size()));

    std::string name = subset_tag(u) + "+" + face.postscript_name();
    HPDF_Dict fd = descriptor(doc_, face, name, stream);
    HPDF_Dict cid = hpdf::new_indirect_dict(doc_);
    if (!fd || !cid) return false;
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", face.is_cff() ? "CIDFontType0" : "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", name.c_str());
    HPDF_Dict info = hpdf::new_dict(doc_);
    const auto& si = face.cid_system_info();
    hpdf::add_byte_string(doc_, info, "Registry", si.registry);
    hpdf::add_byte_string(doc_, info, "Ordering", si.ordering);
    HPDF_Dict_AddNumber(info, "Supplement", si.supplement);
    HPDF_Dict_Add(cid, "CIDSystemInfo", info);
    HPDF_Dict_Add(cid, "FontDescriptor", fd);
    HPDF_Dict_AddNumber(cid, "DW", 1000);
    HPDF_Dict_Add(cid, "W", widths(doc_, u));
    if (!face.is_cff()) HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");

    std::string cmap = to_unicode_cmap(u.unicode());
    HPDF_Dict to_unicode = hpdf::new_flate_stream(
        doc_, std::span(reinterpret_cast<const std::uint8_t*>(cmap.data()), cmap.size()));
    if (!to_unicode) return false;

    HPDF_Dict_AddName(e.dict, "BaseFont", name.c_str());
    HPDF_Array descendants = hpdf::new_array(doc_);
    HPDF_Array_Add(descendants, cid);
    HPDF_Dict_Add(e.dict, "DescendantFonts", descendants);
    HPDF_Dict_Add(e.dict, "ToUnicode", to_unicode);
    return true;
}

}  // namespace broadside::pdf
