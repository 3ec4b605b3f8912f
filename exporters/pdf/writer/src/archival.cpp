#include "archival.hpp"

#include <hpdf_objects.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <vector>

#include "broadside/core/language_tag.hpp"
#include "broadside/core/xml_text.hpp"
#include "hpdf_access.hpp"

namespace broadside::pdf {

void FileIdentity::add(std::string_view bytes) {
    for (unsigned char c : bytes) {
        a_ = (a_ ^ c) * 0x100000001b3ull;
        b_ = (b_ ^ c) * 0x100000001b3ull;
    }
}

std::array<std::uint8_t, 16> FileIdentity::digest() const {
    std::array<std::uint8_t, 16> out{};
    for (int i = 0; i < 8; ++i) {
        out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(a_ >> (8 * i));
        out[static_cast<std::size_t>(8 + i)] = static_cast<std::uint8_t>(b_ >> (8 * i));
    }
    return out;
}

namespace {

// The instant libharu writes as CreationDate (D:YYYYMMDDHHmmSS with its offset), in XMP's
// form, so the two agree as PDF/A requires.
std::string xmp_date(const core::Date& d) {
    const int offset = d.utc_offset_minutes.value_or(0);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day,
                  d.has_time ? d.hour : 0, d.has_time ? d.minute : 0, d.has_time ? d.second : 0);
    std::string out = text;
    if (offset == 0) return out + "Z";
    std::snprintf(text, sizeof text, "%c%02d:%02d", offset > 0 ? '+' : '-', std::abs(offset) / 60,
                  std::abs(offset) % 60);
    return out + text;
}

// An information dictionary value as the dictionary holds it (cut, controls dropped), so the
// two agree as PDF/A requires.
std::string info_text(const std::string& value) {
    return core::xml_escape(hpdf::stored_text(value));
}

std::string alternative(const char* element, const std::string& value) {
    return std::string("<") + element + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
           info_text(value) + "</rdf:li></rdf:Alt></" + element + ">\n";
}

// libharu's form of a date (D:YYYYMMDDHHmmSSOHH'mm'), for dates libharu does not write itself.
std::string pdf_date_text(const core::Date& d) {
    const int offset = d.utc_offset_minutes.value_or(0);
    char text[40];
    std::snprintf(text, sizeof text, "D:%04d%02d%02d%02d%02d%02d%c%02d'%02d'", d.year, d.month,
                  d.day, d.has_time ? d.hour : 0, d.has_time ? d.minute : 0,
                  d.has_time ? d.second : 0,
                  offset > 0   ? '+'
                  : offset < 0 ? '-'
                               : 'Z',
                  std::abs(offset) / 60, std::abs(offset) % 60);
    return text;
}

// The metadata of `info`, claiming PDF/A when `pdf_a` (the profile may be missing) and PDF/UA
// when the document is tagged.
std::string xmp_packet(const DocumentInfo& info, bool pdf_a, const std::string& producer) {
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
        "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" "
        "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
    if (pdf_a)
        x += "<pdfaid:part>" + std::string(info.attachments.empty() ? "2" : "3") +
             "</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n";
    if (info.pdf_ua) x += "<pdfuaid:part>1</pdfuaid:part>\n";
    x += "<dc:format>application/pdf</dc:format>\n";
    if (!info.title.empty()) x += alternative("dc:title", info.title);
    // One entry: PDF/A compares the whole Author string with the first creator.
    if (!info.author.empty())
        x += "<dc:creator><rdf:Seq><rdf:li>" + info_text(info.author) +
             "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!info.subject.empty()) x += alternative("dc:description", info.subject);
    if (core::is_language_tag(info.language))
        x += "<dc:language><rdf:Bag><rdf:li>" + core::xml_escape(info.language) +
             "</rdf:li></rdf:Bag></dc:language>\n";
    if (!info.keywords.empty())
        x += "<pdf:Keywords>" + info_text(info.keywords) + "</pdf:Keywords>\n";
    x += "<pdf:Producer>" + core::xml_escape(producer) + "</pdf:Producer>\n";
    if (info.created) x += "<xmp:CreateDate>" + xmp_date(*info.created) + "</xmp:CreateDate>\n";
    x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>\n";
    return x;
}

std::optional<std::vector<std::uint8_t>> srgb_profile() {
    std::ifstream in(BROADSIDE_SRGB_PROFILE, std::ios::binary);
    if (!in) return std::nullopt;
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    // An ICC profile's header is 128 bytes and names its colour space at offset 16.
    if (bytes.size() < 128 ||
        std::string_view(reinterpret_cast<const char*>(&bytes[16]), 4) != "RGB ")
        return std::nullopt;
    return bytes;
}

bool add_output_intent(HPDF_Doc doc, const std::vector<std::uint8_t>& profile) {
    HPDF_Dict icc = hpdf::new_flate_stream(doc, profile);
    HPDF_Dict intent = hpdf::new_dict(doc);
    HPDF_Array intents = hpdf::new_array(doc);
    if (!icc || !intent || !intents) return false;
    HPDF_Dict_AddNumber(icc, "N", 3);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    hpdf::add_byte_string(doc, intent, "OutputConditionIdentifier", "sRGB IEC61966-2.1");
    hpdf::add_byte_string(doc, intent, "Info", "sRGB IEC61966-2.1");
    HPDF_Dict_Add(intent, "DestOutputProfile", icc);
    HPDF_Array_Add(intents, intent);
    return HPDF_Dict_Add(hpdf::catalog(doc), "OutputIntents", intents) == HPDF_OK;
}

bool add_metadata(HPDF_Doc doc, const std::string& xmp) {
    HPDF_Dict stream = hpdf::new_plain_stream(
        doc, std::span(reinterpret_cast<const std::uint8_t*>(xmp.data()), xmp.size()));
    if (!stream) return false;
    HPDF_Dict_AddName(stream, "Type", "Metadata");
    HPDF_Dict_AddName(stream, "Subtype", "XML");
    return HPDF_Dict_Add(hpdf::catalog(doc), "Metadata", stream) == HPDF_OK;
}

}  // namespace

void attach_files(HPDF_Doc doc, const DocumentInfo& info) {
    if (info.attachments.empty()) return;
    HPDF_Array associated = hpdf::new_array(doc);
    HPDF_Array names = hpdf::new_array(doc);
    for (const auto& a : info.attachments) {
        HPDF_Dict stream = hpdf::new_flate_stream(
            doc, std::span(reinterpret_cast<const std::uint8_t*>(a.bytes.data()), a.bytes.size()));
        HPDF_Dict params = hpdf::new_dict(doc);
        HPDF_Dict files = hpdf::new_dict(doc);
        HPDF_Dict spec = hpdf::new_indirect_dict(doc);
        if (!stream || !params || !files || !spec) return;
        HPDF_Dict_AddName(stream, "Type", "EmbeddedFile");
        HPDF_Dict_AddName(stream, "Subtype", a.mime_type.c_str());
        HPDF_Dict_AddNumber(params, "Size", static_cast<HPDF_INT32>(a.bytes.size()));
        if (info.created)
            hpdf::add_byte_string(doc, params, "ModDate", pdf_date_text(*info.created));
        HPDF_Dict_Add(stream, "Params", params);
        HPDF_Dict_AddName(spec, "Type", "Filespec");
        hpdf::add_byte_string(doc, spec, "F", a.name);
        hpdf::add_text_string(doc, spec, "UF", a.name);
        hpdf::add_text_string(doc, spec, "Desc", a.description);
        HPDF_Dict_AddName(spec, "AFRelationship", "Data");
        HPDF_Dict_Add(files, "F", stream);
        HPDF_Dict_Add(files, "UF", stream);
        HPDF_Dict_Add(spec, "EF", files);
        HPDF_Array_Add(associated, spec);
        hpdf::add_array_text_string(doc, names, a.name);
        HPDF_Array_Add(names, spec);
    }
    HPDF_Dict catalog = hpdf::catalog(doc);
    HPDF_Dict_Add(catalog, "AF", associated);
    HPDF_Dict embedded = hpdf::new_dict(doc);
    HPDF_Dict name_tree = hpdf::new_dict(doc);
    HPDF_Dict_Add(embedded, "Names", names);
    HPDF_Dict_Add(name_tree, "EmbeddedFiles", embedded);
    HPDF_Dict_Add(catalog, "Names", name_tree);
}

void claim_standards(HPDF_Doc doc, const DocumentInfo& info, const FileIdentity& identity,
                     core::Diagnostics& diags, const std::string& file) {
    std::optional<std::vector<std::uint8_t>> profile;
    bool pdf_a = info.pdf_a;
    if (pdf_a && !(profile = srgb_profile())) {
        diags.warning(file, 0, 0,
                      "the sRGB colour profile " BROADSIDE_SRGB_PROFILE
                      " is missing; the PDF is not marked PDF/A",
                      "install Debian's icc-profiles-free");
        pdf_a = false;
    }
    if (!pdf_a && !info.pdf_ua) return;
    const char* producer = HPDF_GetInfoAttr(doc, HPDF_INFO_PRODUCER);
    if (core::is_language_tag(info.language))
        hpdf::add_byte_string(doc, hpdf::catalog(doc), "Lang", info.language);
    add_metadata(doc, xmp_packet(info, pdf_a, producer ? producer : ""));
    if (!pdf_a) return;
    add_output_intent(doc, *profile);
    hpdf::set_file_id(doc, identity.digest());
}

}  // namespace broadside::pdf
