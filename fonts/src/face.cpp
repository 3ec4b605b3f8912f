#include "broadside/fonts/face.hpp"

#include <hb-ot.h>
#include <hb.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include FT_TRUETYPE_TABLES_H

namespace broadside::fonts {

struct Face::Impl {
    FaceRef ref;
    hb_face_t* hb_face = nullptr;
    hb_font_t* hb_font = nullptr;
    // Each face owns its FreeType library: FT_Library is not safe to share across threads, and
    // FreeType is only asked for facts the PDF writer needs (CIDs, metrics, names) once.
    FT_Library ft_library = nullptr;
    FT_Face ft_face = nullptr;
    std::string postscript_name;
    std::string family_name;
    unsigned upem = 1000;
    bool cff = false;
    bool cid_keyed = false;
    FaceMetrics metrics;
    CidSystemInfo cid_info;

    bool load_freetype();
    ~Impl() {
        if (ft_face) FT_Done_Face(ft_face);
        if (ft_library) FT_Done_FreeType(ft_library);
        if (hb_font) hb_font_destroy(hb_font);
        if (hb_face) hb_face_destroy(hb_face);
    }
};

bool Face::Impl::load_freetype() {
    Impl& f = *this;
    if (FT_Init_FreeType(&f.ft_library) != 0) return false;
    if (FT_New_Face(f.ft_library, f.ref.path.c_str(), static_cast<FT_Long>(f.ref.index),
                    &f.ft_face) != 0) {
        f.ft_face = nullptr;
        return false;
    }
    const char* ps = FT_Get_Postscript_Name(f.ft_face);
    f.postscript_name = ps ? ps : "Unnamed";
    f.family_name = f.ft_face->family_name ? f.ft_face->family_name : "";
    auto& m = f.metrics;
    m.ascender = f.ft_face->ascender;
    m.descender = f.ft_face->descender;
    m.bbox_x_min = static_cast<int>(f.ft_face->bbox.xMin);
    m.bbox_y_min = static_cast<int>(f.ft_face->bbox.yMin);
    m.bbox_x_max = static_cast<int>(f.ft_face->bbox.xMax);
    m.bbox_y_max = static_cast<int>(f.ft_face->bbox.yMax);
    auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(f.ft_face, FT_SFNT_OS2));
    m.cap_height = os2 && os2->version >= 2 ? os2->sCapHeight : m.ascender;
    auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(f.ft_face, FT_SFNT_POST));
    m.italic_angle = post ? post->italicAngle / 65536.0 : 0.0;
    if (f.cff) {
        FT_Bool keyed = 0;
        f.cid_keyed = FT_Get_CID_Is_Internally_CID_Keyed(f.ft_face, &keyed) == 0 && keyed;
    }
    if (f.cid_keyed) {
        const char* registry = nullptr;
        const char* ordering = nullptr;
        FT_Int supplement = 0;
        if (FT_Get_CID_Registry_Ordering_Supplement(f.ft_face, &registry, &ordering, &supplement) ==
            0) {
            f.cid_info = {registry ? registry : "Adobe", ordering ? ordering : "Identity",
                          supplement};
        }
    }
    return true;
}

std::shared_ptr<Face> Face::open(const FaceRef& ref) {
    auto impl = std::make_unique<Impl>();
    impl->ref = ref;
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(ref.path.c_str());
    if (!blob) return nullptr;
    if (ref.index >= hb_face_count(blob)) {
        hb_blob_destroy(blob);
        return nullptr;
    }
    impl->hb_face = hb_face_create(blob, ref.index);
    hb_blob_destroy(blob);
    impl->upem = hb_face_get_upem(impl->hb_face);
    if (hb_face_get_glyph_count(impl->hb_face) == 0) return nullptr;
    // The font's scale stays at units per em, so shaped positions are in font units and one
    // shaping result serves every point size.
    impl->hb_font = hb_font_create(impl->hb_face);
    hb_blob_t* cff = hb_face_reference_table(impl->hb_face, HB_TAG('C', 'F', 'F', ' '));
    impl->cff = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
    if (!impl->load_freetype()) return nullptr;
    hb_font_make_immutable(impl->hb_font);
    return std::shared_ptr<Face>(new Face(std::move(impl)));
}

Face::Face(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Face::~Face() = default;

const FaceRef& Face::ref() const {
    return impl_->ref;
}
const std::string& Face::postscript_name() const {
    return impl_->postscript_name;
}
const std::string& Face::family_name() const {
    return impl_->family_name;
}
unsigned Face::units_per_em() const {
    return impl_->upem;
}
unsigned Face::glyph_count() const {
    return hb_face_get_glyph_count(impl_->hb_face);
}
bool Face::is_cff() const {
    return impl_->cff;
}
bool Face::is_cid_keyed() const {
    return impl_->cid_keyed;
}
const FaceMetrics& Face::metrics() const {
    return impl_->metrics;
}
const CidSystemInfo& Face::cid_system_info() const {
    return impl_->cid_info;
}
void* Face::harfbuzz_font() const {
    return impl_->hb_font;
}
void* Face::harfbuzz_face() const {
    return impl_->hb_face;
}

std::optional<std::uint32_t> Face::nominal_glyph(char32_t cp) const {
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(impl_->hb_font, cp, &gid) || gid == 0) return std::nullopt;
    return gid;
}

bool Face::covers_all(std::string_view text) const {
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0,
                       static_cast<int>(text.size()));
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &n);
    bool ok = true;
    // HarfBuzz turns invalid UTF-8 into U+FFFD, which no text face of ours covers: that is the
    // "not covered" answer the caller wants.
    for (unsigned i = 0; i < n && ok; ++i) ok = covers(info[i].codepoint);
    hb_buffer_destroy(buffer);
    return ok;
}

int Face::advance(std::uint32_t gid) const {
    return hb_font_get_glyph_h_advance(impl_->hb_font, gid);
}

std::uint32_t Face::cid_for_glyph(std::uint32_t gid) const {
    if (!impl_->cid_keyed) return gid;
    FT_UInt cid = 0;
    // FreeType's CID lookup reads the CFF charset, which is immutable; the face is not
    // modified, but FreeType does not promise that, so this one call is serialized.
    static std::mutex ft_mutex;
    std::lock_guard lock(ft_mutex);
    if (FT_Get_CID_From_Glyph_Index(impl_->ft_face, gid, &cid) != 0) return gid;
    return cid;
}

std::shared_ptr<const Face> FaceLibrary::open(const FaceRef& ref) {
    std::string key = ref.path + '\n' + std::to_string(ref.index);
    std::lock_guard lock(mutex_);
    auto it = faces_.find(key);
    if (it != faces_.end()) return it->second;
    std::shared_ptr<const Face> face = Face::open(ref);
    faces_.emplace(std::move(key), face);
    return face;
}

}  // namespace broadside::fonts
