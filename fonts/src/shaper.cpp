#include "broadside/fonts/shaper.hpp"

#include <hb.h>

namespace broadside::fonts {
namespace {

/// A reusable HarfBuzz buffer: creating one per word would cost more than shaping short words.
hb_buffer_t* scratch_buffer() {
    thread_local std::unique_ptr<hb_buffer_t, decltype(&hb_buffer_destroy)> buffer(
        hb_buffer_create(), &hb_buffer_destroy);
    hb_buffer_reset(buffer.get());
    return buffer.get();
}

std::unique_ptr<ShapedText> run_harfbuzz(const Face& face, const ShapeRequest& r) {
    hb_buffer_t* buffer = scratch_buffer();
    hb_buffer_add_utf8(buffer, r.text.data(), static_cast<int>(r.text.size()), 0,
                       static_cast<int>(r.text.size()));
    hb_buffer_set_direction(buffer,
                            r.direction == Direction::rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    if (!r.script.empty())
        hb_buffer_set_script(
            buffer, hb_script_from_string(r.script.data(), static_cast<int>(r.script.size())));
    if (!r.language.empty())
        hb_buffer_set_language(buffer, hb_language_from_string(
                                           r.language.data(), static_cast<int>(r.language.size())));
    hb_buffer_guess_segment_properties(buffer);  // fills only what was left unset
    hb_shape(static_cast<hb_font_t*>(face.harfbuzz_font()), buffer, nullptr, 0);

    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &n);
    auto out = std::make_unique<ShapedText>();
    out->glyphs.reserve(n);
    for (unsigned i = 0; i < n; ++i) {
        bool unsafe = hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK;
        out->glyphs.push_back({info[i].codepoint, pos[i].x_advance, pos[i].x_offset,
                               pos[i].y_offset, info[i].cluster, unsafe});
        out->advance += pos[i].x_advance;
    }
    return out;
}

}  // namespace

const ShapedText& Shaper::shape(const Face& face, const ShapeRequest& request) {
    // The key names everything that changes HarfBuzz's answer; the face by address, which is
    // stable because faces are shared and outlive the job.
    key_.clear();
    const void* face_id = &face;
    key_.append(reinterpret_cast<const char*>(&face_id), sizeof face_id);
    key_ += request.direction == Direction::rtl ? 'R' : 'L';
    key_.append(request.script);
    key_ += '\0';
    key_.append(request.language);
    key_ += '\0';
    key_.append(request.text);
    auto it = cache_.find(key_);
    if (it == cache_.end()) {
        auto shaped = run_harfbuzz(face, request);
        glyphs_shaped_ += shaped->glyphs.size();
        it = cache_.emplace(key_, std::move(shaped)).first;
    }
    glyphs_returned_ += it->second->glyphs.size();
    return *it->second;
}

}  // namespace broadside::fonts
