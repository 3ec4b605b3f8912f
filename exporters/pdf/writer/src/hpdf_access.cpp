// The one file that uses libharu 2.3.0's private structures (HPDF_Doc_Rec, HPDF_PageAttr_Rec,
// HPDF_Stream filters). Their layout is that of the installed headers, checked at compile time.
#include "hpdf_access.hpp"

#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <hpdf_info.h>
#include <hpdf_objects.h>
#include <hpdf_page_label.h>
#include <hpdf_pages.h>

#include <vector>

#include "broadside/core/utf8.hpp"

namespace broadside::pdf::hpdf {
namespace {

std::vector<HPDF_BYTE> utf16be_with_bom(std::string_view utf8) {
    std::vector<HPDF_BYTE> out{0xFE, 0xFF};
    auto unit = [&](unsigned u) {
        out.push_back(static_cast<HPDF_BYTE>(u >> 8));
        out.push_back(static_cast<HPDF_BYTE>(u & 0xFF));
    };
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp = core::decode_utf8(utf8, i);  // the model's text is valid UTF-8
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800 + (cp >> 10));
            unit(0xDC00 + (cp & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

// Titles in the information dictionary, bookmarks and page labels are for a viewer's title bar
// and side panel; PDF readers need not accept strings over 32,767 bytes (ISO 32000-1, Annex C)
// and libharu refuses them. A longer one (a 60,000-character title) is cut, the page keeps it.
constexpr std::size_t max_text_string_characters = 1000;

}  // namespace

std::string stored_text(std::string_view utf8) {
    std::string out;
    std::size_t characters = 0;
    for (char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        if ((u & 0xC0) != 0x80 && characters++ == max_text_string_characters) {
            out += "\u2026";  // …
            break;
        }
        out += c;
    }
    return out;
}

namespace {

const char* info_key(HPDF_InfoType type) {
    switch (type) {
        case HPDF_INFO_TITLE:
            return "Title";
        case HPDF_INFO_AUTHOR:
            return "Author";
        case HPDF_INFO_SUBJECT:
            return "Subject";
        case HPDF_INFO_KEYWORDS:
            return "Keywords";
        default:
            return nullptr;
    }
}

}  // namespace

HPDF_Dict new_indirect_dict(HPDF_Doc doc) {
    HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
    if (d && HPDF_Xref_Add(doc->xref, d) != HPDF_OK) return nullptr;
    return d;
}

HPDF_Dict new_dict(HPDF_Doc doc) {
    return HPDF_Dict_New(doc->mmgr);
}
HPDF_Array new_array(HPDF_Doc doc) {
    return HPDF_Array_New(doc->mmgr);
}

namespace {

HPDF_Dict new_stream(HPDF_Doc doc, std::span<const std::uint8_t> bytes, HPDF_UINT filter) {
    HPDF_Dict s = HPDF_DictStream_New(doc->mmgr, doc->xref);  // indirect; libharu adds /Length
    if (!s) return nullptr;
    // The document's compression mode covers only streams libharu creates itself.
    s->filter = filter;
    if (HPDF_Stream_Write(s->stream, bytes.data(), static_cast<HPDF_UINT>(bytes.size())) != HPDF_OK)
        return nullptr;
    return s;
}

}  // namespace

HPDF_Dict new_flate_stream(HPDF_Doc doc, std::span<const std::uint8_t> bytes) {
    return new_stream(doc, bytes, HPDF_STREAM_FILTER_FLATE_DECODE);
}

HPDF_Dict new_plain_stream(HPDF_Doc doc, std::span<const std::uint8_t> bytes) {
    return new_stream(doc, bytes, HPDF_STREAM_FILTER_NONE);
}

HPDF_Dict catalog(HPDF_Doc doc) {
    return doc->catalog;
}

HPDF_STATUS set_file_id(HPDF_Doc doc, std::span<const std::uint8_t, 16> id) {
    HPDF_Array ids = HPDF_Array_New(doc->mmgr);
    if (!ids) return HPDF_GetError(doc);
    for (int half = 0; half < 2; ++half) {
        HPDF_Binary b = HPDF_Binary_New(doc->mmgr, const_cast<HPDF_BYTE*>(id.data()), 16);
        if (!b || HPDF_Array_Add(ids, b) != HPDF_OK) return HPDF_GetError(doc);
    }
    return HPDF_Dict_Add(doc->trailer, "ID", ids);
}

namespace {

// libharu writes a stream's /Filter from its own filter flags, and compresses the data itself
// when they say Flate; data deflated beforehand is declared here instead, inside the
// dictionary, and copied as it is.
HPDF_STATUS declare_flate(HPDF_Dict, HPDF_Stream out) {
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

}  // namespace

HPDF_Image new_deflated_rgb_image(HPDF_Doc doc, std::uint32_t width, std::uint32_t height,
                                  std::span<const std::uint8_t> deflated) {
    HPDF_Dict image = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!image) return nullptr;
    image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;  // what HPDF_Image_Validate asks for
    image->filter = HPDF_STREAM_FILTER_NONE;
    image->write_fn = declare_flate;
    if (HPDF_Dict_AddName(image, "Type", "XObject") != HPDF_OK ||
        HPDF_Dict_AddName(image, "Subtype", "Image") != HPDF_OK ||
        HPDF_Dict_AddNumber(image, "Width", static_cast<HPDF_INT32>(width)) != HPDF_OK ||
        HPDF_Dict_AddNumber(image, "Height", static_cast<HPDF_INT32>(height)) != HPDF_OK ||
        HPDF_Dict_AddName(image, "ColorSpace", "DeviceRGB") != HPDF_OK ||
        HPDF_Dict_AddNumber(image, "BitsPerComponent", 8) != HPDF_OK ||
        HPDF_Stream_Write(image->stream, deflated.data(),
                          static_cast<HPDF_UINT>(deflated.size())) != HPDF_OK)
        return nullptr;
    return image;
}

namespace {

HPDF_Binary text_string(HPDF_Doc doc, std::string_view utf8) {
    auto bytes = utf16be_with_bom(stored_text(utf8));
    return HPDF_Binary_New(doc->mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace

HPDF_STATUS add_text_string(HPDF_Doc doc, HPDF_Dict dict, const char* key, std::string_view utf8) {
    HPDF_Binary b = text_string(doc, utf8);
    if (!b) return HPDF_GetError(doc);
    return HPDF_Dict_Add(dict, key, b);
}

HPDF_STATUS add_array_text_string(HPDF_Doc doc, HPDF_Array array, std::string_view utf8) {
    HPDF_Binary b = text_string(doc, utf8);
    if (!b) return HPDF_GetError(doc);
    return HPDF_Array_Add(array, b);
}

HPDF_STATUS add_byte_string(HPDF_Doc doc, HPDF_Dict dict, const char* key, const std::string& s) {
    HPDF_String str = HPDF_String_New(doc->mmgr, s.c_str(), nullptr);
    if (!str) return HPDF_GetError(doc);
    return HPDF_Dict_Add(dict, key, str);
}

HPDF_STATUS add_array_byte_string(HPDF_Doc doc, HPDF_Array array, const std::string& s) {
    HPDF_String str = HPDF_String_New(doc->mmgr, s.c_str(), nullptr);
    if (!str) return HPDF_GetError(doc);
    return HPDF_Array_Add(array, str);
}

HPDF_STATUS add_boolean(HPDF_Doc doc, HPDF_Dict dict, const char* key, bool value) {
    HPDF_Boolean b = HPDF_Boolean_New(doc->mmgr, value ? HPDF_TRUE : HPDF_FALSE);
    if (!b) return HPDF_GetError(doc);
    return HPDF_Dict_Add(dict, key, b);
}

HPDF_STATUS set_info_text(HPDF_Doc doc, HPDF_InfoType type, std::string_view utf8) {
    const char* key = info_key(type);
    if (!key) return HPDF_INVALID_PARAMETER;
    // The public setter creates the information dictionary; the entry is then replaced with a
    // UTF-16 string, which the setter cannot write.
    HPDF_STATUS st = HPDF_SetInfoAttr(doc, type, "-");
    if (st != HPDF_OK || !doc->info) return st != HPDF_OK ? st : HPDF_INVALID_DOCUMENT;
    return add_text_string(doc, doc->info, key, utf8);
}

HPDF_STATUS set_outline_title(HPDF_Doc doc, HPDF_Outline outline, std::string_view utf8) {
    return add_text_string(doc, outline, "Title", utf8);
}

void set_version_1_5(HPDF_Doc doc) {
    doc->pdf_version = HPDF_VER_15;
}

HPDF_STATUS add_page_label(HPDF_Doc doc, unsigned page_index, int start,
                           std::string_view prefix_utf8) {
    HPDF_Dict label = HPDF_PageLabel_New(doc, HPDF_PAGE_NUM_STYLE_DECIMAL, start, nullptr);
    if (!label) return HPDF_GetError(doc);
    if (!prefix_utf8.empty()) {
        HPDF_STATUS st = add_text_string(doc, label, "P", prefix_utf8);
        if (st != HPDF_OK) return st;
    }
    return HPDF_Catalog_AddPageLabel(doc->catalog, page_index, label);
}

HPDF_STATUS write_page_operators(HPDF_Page page, const std::string& operators) {
    auto attr = static_cast<HPDF_PageAttr>(page->attr);
    return HPDF_Stream_WriteStr(attr->stream, operators.c_str());
}

}  // namespace broadside::pdf::hpdf
