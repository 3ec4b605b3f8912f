#include "broadside/fonts/subset.hpp"

#include <hb-subset.h>
#include <hb.h>

namespace broadside::fonts {
namespace {

std::vector<std::uint8_t> blob_bytes(hb_blob_t* blob) {
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    return {reinterpret_cast<const std::uint8_t*>(data),
            reinterpret_cast<const std::uint8_t*>(data) + length};
}

hb_subset_input_t* make_input(const SubsetOptions& options) {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) return nullptr;
    if (!options.keep_layout_tables) {
        // Dropping GSUB also stops hb-subset from pulling in every glyph GSUB could reach.
        hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const char* tag :
             {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "DSIG"})
            hb_set_add(drop, hb_tag_from_string(tag, 4));
    }
    unsigned flags = HB_SUBSET_FLAGS_DEFAULT;
    if (options.retain_glyph_ids) flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
    if (options.drop_hinting) flags |= HB_SUBSET_FLAGS_NO_HINTING;
    hb_subset_input_set_flags(input, flags);
    return input;
}

std::optional<std::vector<std::uint8_t>> run_subset(const Face& face, hb_subset_input_t* input) {
    hb_face_t* sub = hb_subset_or_fail(static_cast<hb_face_t*>(face.harfbuzz_face()), input);
    hb_subset_input_destroy(input);
    if (!sub) return std::nullopt;
    hb_blob_t* blob = hb_face_reference_blob(sub);
    auto bytes = blob_bytes(blob);
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    if (bytes.empty()) return std::nullopt;
    return bytes;
}

}  // namespace

std::optional<std::vector<std::uint8_t>> subset_glyphs(const Face& face,
                                                       std::span<const std::uint32_t> glyphs,
                                                       const SubsetOptions& options) {
    hb_subset_input_t* input = make_input(options);
    if (!input) return std::nullopt;
    hb_set_t* set = hb_subset_input_glyph_set(input);
    for (std::uint32_t g : glyphs) hb_set_add(set, g);
    // Without this hb-subset would also keep the glyphs of the face's own cmap closure.
    hb_set_clear(hb_subset_input_unicode_set(input));
    return run_subset(face, input);
}

std::optional<std::vector<std::uint8_t>> subset_code_points(const Face& face,
                                                            std::span<const char32_t> code_points,
                                                            const SubsetOptions& options) {
    hb_subset_input_t* input = make_input(options);
    if (!input) return std::nullopt;
    hb_set_t* set = hb_subset_input_unicode_set(input);
    for (char32_t cp : code_points) hb_set_add(set, cp);
    return run_subset(face, input);
}

std::optional<std::vector<std::uint8_t>> sfnt_table(std::span<const std::uint8_t> font,
                                                    std::string_view tag) {
    if (tag.size() != 4) return std::nullopt;
    hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(font.data()),
                                     static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY,
                                     nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    hb_blob_t* table = hb_face_reference_table(face, hb_tag_from_string(tag.data(), 4));
    std::optional<std::vector<std::uint8_t>> out;
    if (hb_blob_get_length(table) > 0) out = blob_bytes(table);
    hb_blob_destroy(table);
    hb_face_destroy(face);
    return out;
}

}  // namespace broadside::fonts
