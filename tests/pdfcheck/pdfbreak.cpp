// `pdfbreak RULE IN.pdf OUT.pdf`: a copy of a good PDF that breaks exactly one PDF/A-2u or
// PDF/UA-1 rule (named as pdf_rules.hpp and ua_rules.hpp name them), so the tests show that the
// checker fails each rule.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <regex>
#include <string>

namespace {

using Handle = QPDFObjectHandle;

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return static_cast<bool>(out);
}

// Same-length edits of the file's bytes, for what qpdf would write back correctly.
bool patch(const std::string& in, const std::string& out, const std::string& from,
           const std::string& to, bool last) {
    std::string bytes = read_bytes(in);
    const std::size_t at = last ? bytes.rfind(from) : bytes.find(from);
    if (at == std::string::npos || from.size() != to.size()) return false;
    bytes.replace(at, from.size(), to);
    return write_bytes(out, bytes);
}

std::string stream_text(Handle stream) {
    auto data = stream.getStreamData(qpdf_dl_all);
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

Handle first_font(QPDF& pdf) {
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        Handle fonts = page.getAttribute("/Resources", false).getKey("/Font");
        if (fonts.isDictionary())
            for (auto [name, font] : fonts.ditems()) return font;
    }
    return Handle::newNull();
}

// The first structure element of `type` (e.g. "/LI") under `k`, depth first; null when none.
Handle find_element(Handle k, const std::string& type, int depth) {
    if (depth > 200) return Handle::newNull();
    if (k.isArray()) {
        for (Handle kid : k.aitems())
            if (Handle found = find_element(kid, type, depth); !found.isNull()) return found;
        return Handle::newNull();
    }
    if (!k.isDictionary() || !k.getKey("/S").isName()) return Handle::newNull();
    if (k.getKey("/S").isNameAndEquals(type)) return k;
    return find_element(k.getKey("/K"), type, depth + 1);
}

Handle first_element(QPDF& pdf, const std::string& type) {
    return find_element(pdf.getRoot().getKey("/StructTreeRoot").getKey("/K"), type, 0);
}

// Renames the first element of `type` to `to` (an LI a Div: its LBody is out of place).
bool retype(QPDF& pdf, const std::string& type, const std::string& to) {
    Handle e = first_element(pdf, type);
    if (!e.isDictionary()) return false;
    e.replaceKey("/S", Handle::newName(to));
    return true;
}

bool remove_from_element(QPDF& pdf, const std::string& type, const std::string& key) {
    Handle e = first_element(pdf, type);
    if (!e.isDictionary() || !e.hasKey(key)) return false;
    e.removeKey(key);
    return true;
}

using Edit = std::function<bool(QPDF&)>;

const std::map<std::string, Edit>& edits() {
    static const std::map<std::string, Edit> table{
        {"6.2.3 output intent",
         [](QPDF& pdf) {
             pdf.getRoot().removeKey("/OutputIntents");
             return true;
         }},
        {"6.2.11.4 fonts embedded",
         [](QPDF& pdf) {
             Handle font = first_font(pdf);
             Handle d = font.getKey("/DescendantFonts").getArrayItem(0).getKey("/FontDescriptor");
             if (!d.isDictionary()) return false;
             for (const char* key : {"/FontFile", "/FontFile2", "/FontFile3"}) d.removeKey(key);
             return true;
         }},
        {"6.2.11.7 ToUnicode",
         [](QPDF& pdf) {
             Handle font = first_font(pdf);
             if (!font.hasKey("/ToUnicode")) return false;
             font.removeKey("/ToUnicode");
             return true;
         }},
        {"6.2.11.8 no .notdef glyph",
         [](QPDF& pdf) {
             // The first glyph code shown on the first page becomes 0: glyph 0, .notdef.
             auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
             Handle contents = pages.front().getObjectHandle().getKey("/Contents");
             if (contents.isArray()) contents = contents.getArrayItem(0);
             const std::string text = stream_text(contents);
             const std::string changed =
                 std::regex_replace(text, std::regex("<[0-9A-Fa-f]{4}>"), "<0000>",
                                    std::regex_constants::format_first_only);
             if (changed == text) return false;
             contents.replaceStreamData(changed, Handle::newNull(), Handle::newNull());
             return true;
         }},
        {"6.3.2 annotation flags",
         [](QPDF& pdf) {
             for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
                 Handle annots = page.getObjectHandle().getKey("/Annots");
                 if (annots.isArray() && annots.getArrayNItems() > 0) {
                     annots.getArrayItem(0).replaceKey("/F", Handle::newInteger(0));
                     return true;
                 }
             }
             return false;
         }},
        {"6.5.1 forbidden actions",
         [](QPDF& pdf) {
             pdf.getRoot().replaceKey("/OpenAction",
                                      Handle::parse("<< /S /JavaScript /JS (app.alert\\(1\\)) >>"));
             return true;
         }},
        {"6.6.2.1 metadata stream",
         [](QPDF& pdf) {
             // Marked with a filter qpdf has no decoder for, so it writes the stream as it is
             // (a metadata stream it can decode it writes decoded, for PDF/A's sake).
             Handle metadata = pdf.getRoot().getKey("/Metadata");
             if (!metadata.isStream()) return false;
             metadata.replaceStreamData(stream_text(metadata), Handle::newName("/JBIG2Decode"),
                                        Handle::newNull());
             return true;
         }},
        {"6.8 embedded files",
         [](QPDF& pdf) {
             Handle af = pdf.getRoot().getKey("/AF");
             if (!af.isArray() || af.getArrayNItems() == 0) return false;
             af.getArrayItem(0).removeKey("/AFRelationship");
             return true;
         }},
        {"6.6.2.3 info and metadata agree",
         [](QPDF& pdf) {
             pdf.getTrailer().getKey("/Info").replaceKey("/Producer",
                                                         Handle::newString("another program"));
             return true;
         }},
        {"6.6.4 PDF/A identification",
         [](QPDF& pdf) {
             Handle metadata = pdf.getRoot().getKey("/Metadata");
             if (!metadata.isStream()) return false;
             std::string xmp = stream_text(metadata);
             const std::string from = "<pdfaid:part>2</pdfaid:part>";  // a PDF/A-2 file
             const std::size_t at = xmp.find(from);
             if (at == std::string::npos) return false;
             xmp.replace(at, from.size(), "<pdfaid:part>4</pdfaid:part>");
             metadata.replaceStreamData(xmp, Handle::newNull(), Handle::newNull());
             return true;
         }},
        {"UA 01 real content tagged",
         [](QPDF& pdf) {
             // The first artifact becomes marked content of no kind: neither tagged nor furniture.
             for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
                 Handle contents = page.getObjectHandle().getKey("/Contents");
                 if (contents.isArray()) contents = contents.getArrayItem(0);
                 const std::string text = stream_text(contents);
                 const std::size_t at = text.find("/Artifact BMC");
                 if (at == std::string::npos) continue;
                 contents.replaceStreamData(
                     text.substr(0, at) + "/Decor BMC" + text.substr(at + 13), Handle::newNull(),
                     Handle::newNull());
                 return true;
             }
             return false;
         }},
        {"UA 06 metadata",
         [](QPDF& pdf) {
             Handle metadata = pdf.getRoot().getKey("/Metadata");
             if (!metadata.isStream()) return false;
             std::string xmp = stream_text(metadata);
             const std::string claim = "<pdfuaid:part>1</pdfuaid:part>";
             const std::size_t at = xmp.find(claim);
             if (at == std::string::npos) return false;
             xmp.erase(at, claim.size());
             metadata.replaceStreamData(xmp, Handle::newNull(), Handle::newNull());
             return true;
         }},
        {"UA 07 document title displayed",
         [](QPDF& pdf) {
             Handle prefs = pdf.getRoot().getKey("/ViewerPreferences");
             if (!prefs.isDictionary()) return false;
             prefs.replaceKey("/DisplayDocTitle", Handle::newBool(false));
             return true;
         }},
        {"UA 09 appropriate tags", [](QPDF& pdf) { return retype(pdf, "/LI", "/Div"); }},
        {"UA 11 natural language",
         [](QPDF& pdf) {
             if (!pdf.getRoot().hasKey("/Lang")) return false;
             pdf.getRoot().removeKey("/Lang");
             return true;
         }},
        {"UA 13 figures described",
         [](QPDF& pdf) { return remove_from_element(pdf, "/Figure", "/Alt"); }},
        {"UA 14 headings", [](QPDF& pdf) { return retype(pdf, "/H1", "/H3"); }},
        {"UA 19 notes", [](QPDF& pdf) { return remove_from_element(pdf, "/Note", "/ID"); }},
        {"UA 28 annotations",
         [](QPDF& pdf) {
             for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
                 Handle annots = page.getObjectHandle().getKey("/Annots");
                 if (annots.isArray() && annots.getArrayNItems() > 0) {
                     annots.getArrayItem(0).removeKey("/Contents");
                     return true;
                 }
             }
             return false;
         }},
        {"UA 30 XObjects",
         [](QPDF& pdf) {
             for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
                 Handle xobjects = page.getAttribute("/Resources", false).getKey("/XObject");
                 if (!xobjects.isDictionary()) continue;
                 for (auto [name, x] : xobjects.ditems()) {
                     x.getDict().replaceKey("/Ref", Handle::parse("<< /F (other.pdf) /Page 0 >>"));
                     return true;
                 }
             }
             return false;
         }},
        {"UA 31 fonts",
         [](QPDF& pdf) {
             Handle cid_font = first_font(pdf).getKey("/DescendantFonts").getArrayItem(0);
             if (!cid_font.isDictionary() || !cid_font.hasKey("/CIDToGIDMap")) return false;
             cid_font.removeKey("/CIDToGIDMap");
             return true;
         }},
    };
    return table;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: pdfbreak RULE IN.pdf OUT.pdf\n";
        return 2;
    }
    const std::string rule = argv[1], in = argv[2], out = argv[3];
    try {
        if (rule == "6.1.2 file header")  // the binary comment line becomes plain text
            return patch(in, out, "%\xB7\xBE\xAD\xAA", "%PDF!", false) ? 0 : 1;
        if (rule == "6.1.3 file identifier")  // the trailer's /ID under another name
            return patch(in, out, "/ID [", "/XD [", true) ? 0 : 1;
        QPDF pdf;
        pdf.processFile(in.c_str());
        QPDFWriter writer(pdf, out.c_str());
        // Streams as they are: qpdf would otherwise decode a filtered metadata stream.
        writer.setStreamDataMode(qpdf_s_preserve);
        writer.setDecodeLevel(qpdf_dl_none);
        if (rule == "UA 26 security") {
            // Revision 2, where extracting text for accessibility goes with extracting at all:
            // later revisions always allow it.
            writer.setR2EncryptionParametersInsecure("", "owner", true, true, false, true);
        } else if (rule == "6.1.3 no encryption") {
            writer.setR6EncryptionParameters("", "owner", true, true, true, true, true, true,
                                             qpdf_r3p_full, true);
        } else {
            auto edit = edits().find(rule);
            if (edit == edits().end()) {
                std::cerr << "pdfbreak: no such rule: " << rule << '\n';
                return 2;
            }
            if (!edit->second(pdf)) {
                std::cerr << "pdfbreak: the input has nothing to break for " << rule << '\n';
                return 1;
            }
        }
        writer.write();
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "pdfbreak: " << e.what() << '\n';
        return 1;
    }
}
