#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <hpdf.h>

namespace broadside::pdf::hpdf {

// libharu 2.3.0's public API cannot build Type0 fonts, write raw page operators, mark PDF 1.5
// or store Unicode text strings. These functions do it through the private structures of the
// installed headers; hpdf_access.cpp is the only file that touches them, so a libharu upgrade
// is checked in one place.

/// A new dictionary registered as an indirect object of `doc` (shared between pages, or
/// referenced before it is filled in). Owned by the document.
HPDF_Dict new_indirect_dict(HPDF_Doc doc);
/// A new direct dictionary or array, to be added to exactly one container. Owned by it.
HPDF_Dict new_dict(HPDF_Doc doc);
HPDF_Array new_array(HPDF_Doc doc);
/// A new indirect stream holding `bytes`, deflated when the document is saved.
HPDF_Dict new_flate_stream(HPDF_Doc doc, std::span<const std::uint8_t> bytes);
/// A new indirect stream holding `bytes` as they are: XMP metadata, which PDF/A wants
/// readable without decoding.
HPDF_Dict new_plain_stream(HPDF_Doc doc, std::span<const std::uint8_t> bytes);
/// The document catalog, for entries libharu has no setter for (/Metadata, /OutputIntents,
/// /Lang).
HPDF_Dict catalog(HPDF_Doc doc);
/// Sets the trailer's file identifier /ID to `id` twice (a new file's two halves are equal).
HPDF_STATUS set_file_id(HPDF_Doc doc, std::span<const std::uint8_t, 16> id);
/// A new image XObject of `width` × `height` 8-bit RGB pixels handed over already deflated
/// (zlib format), and written as they are: the document holds the compressed bytes until it
/// is saved, never the pixels.
HPDF_Image new_deflated_rgb_image(HPDF_Doc doc, std::uint32_t width, std::uint32_t height,
                                  std::span<const std::uint8_t> deflated);
/// What a text string holds for `utf8`: without the control characters XML cannot carry (so
/// the XMP metadata can say the same), and cut after 1,000 characters with "…" (readers need
/// not accept longer strings, ISO 32000-1 Annex C, and libharu refuses them).
std::string stored_text(std::string_view utf8);
/// Adds `key` to `dict` as a PDF text string (stored_text): UTF-16BE with a byte-order mark,
/// so any script shows in viewers' document properties and outlines. Replaces an entry.
HPDF_STATUS add_text_string(HPDF_Doc doc, HPDF_Dict dict, const char* key, std::string_view utf8);
/// Appends `utf8` to `array` as a PDF text string (a name tree's keys).
HPDF_STATUS add_array_text_string(HPDF_Doc doc, HPDF_Array array, std::string_view utf8);
/// Adds `key` to `dict` as a byte string (ASCII data such as CIDSystemInfo's Registry).
HPDF_STATUS add_byte_string(HPDF_Doc doc, HPDF_Dict dict, const char* key, const std::string& s);
/// Appends `s` to `array` as a byte string (the keys of an ID tree).
HPDF_STATUS add_array_byte_string(HPDF_Doc doc, HPDF_Array array, const std::string& s);
/// Adds `key` to `dict` as a boolean.
HPDF_STATUS add_boolean(HPDF_Doc doc, HPDF_Dict dict, const char* key, bool value);
/// Sets the Title, Author, Subject or Keywords entry of the document information dictionary.
HPDF_STATUS set_info_text(HPDF_Doc doc, HPDF_InfoType type, std::string_view utf8);
/// Gives outline entry `outline` the Unicode title `utf8`.
HPDF_STATUS set_outline_title(HPDF_Doc doc, HPDF_Outline outline, std::string_view utf8);
/// Declares the file PDF 1.5 (ActualText marked content needs it; 2.3.0 has no setter).
void set_version_1_5(HPDF_Doc doc);
/// Starts a range of decimal page labels at page `page_index` (0-based) numbered from `start`,
/// with `prefix_utf8` (may be empty) in front of each number as a Unicode text string (the
/// public HPDF_AddPageLabel writes the prefix as raw bytes).
HPDF_STATUS add_page_label(HPDF_Doc doc, unsigned page_index, int start,
                           std::string_view prefix_utf8);
/// Appends content-stream operators to `page`. The caller keeps libharu's graphics state in
/// step: call only in page-description mode, balanced (BT/ET, q/Q inside `operators`).
HPDF_STATUS write_page_operators(HPDF_Page page, const std::string& operators);

}  // namespace broadside::pdf::hpdf
