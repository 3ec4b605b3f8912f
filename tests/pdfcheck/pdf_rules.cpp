#include "pdf_rules.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace broadside::pdfcheck {
namespace {

using Handle = QPDFObjectHandle;

const std::string header_rule = "6.1.2 file header";
const std::string id_rule = "6.1.3 file identifier";
const std::string encryption_rule = "6.1.3 no encryption";
const std::string intent_rule = "6.2.3 output intent";
const std::string embedded_rule = "6.2.11.4 fonts embedded";
const std::string unicode_rule = "6.2.11.7 ToUnicode";
const std::string notdef_rule = "6.2.11.8 no .notdef glyph";
const std::string annotation_rule = "6.3.2 annotation flags";
const std::string action_rule = "6.5.1 forbidden actions";
const std::string metadata_rule = "6.6.2.1 metadata stream";
const std::string agreement_rule = "6.6.2.3 info and metadata agree";
const std::string identification_rule = "6.6.4 PDF/A identification";
const std::string embedded_files_rule = "6.8 embedded files";

class Checker {
  public:
    explicit Checker(const std::string& path) : path_(path) {}

    std::vector<Finding> run() {
        check_header();
        try {
            pdf_.processFile(path_.c_str());
        } catch (const std::exception& e) {
            add(header_rule, std::string("qpdf cannot read the file: ") + e.what());
            return findings_;
        }
        if (pdf_.isEncrypted() || pdf_.getTrailer().hasKey("/Encrypt"))
            add(encryption_rule, "the file is encrypted");
        check_id();
        const std::string xmp = check_metadata_stream();
        check_identification(xmp);
        check_embedded_files(xmp);
        check_agreement(xmp);
        check_output_intent();
        check_actions();
        for (auto& page : QPDFPageDocumentHelper(pdf_).getAllPages()) {
            check_fonts(page);
            check_annotations(page.getObjectHandle());
        }
        return findings_;
    }

  private:
    void add(const std::string& rule, std::string detail) {
        findings_.push_back({rule, std::move(detail)});
    }

    // "%PDF-1.n", then a comment line with at least four bytes of 128 or more, so transfer
    // tools treat the file as binary.
    void check_header() {
        std::ifstream in(path_, std::ios::binary);
        std::string head(64, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        if (head.rfind("%PDF-1.", 0) != 0) return add(header_rule, "no %PDF-1.n header");
        const std::size_t second = head.find('\n');
        int high = 0;
        if (second != std::string::npos && head[second + 1] == '%')
            for (std::size_t i = second + 2; i < head.size() && head[i] != '\n' && head[i] != '\r';
                 ++i)
                high += static_cast<unsigned char>(head[i]) >= 128;
        if (high < 4) add(header_rule, "no binary comment line after the header");
    }

    void check_id() {
        Handle id = pdf_.getTrailer().getKey("/ID");
        if (!id.isArray() || id.getArrayNItems() != 2 || !id.getArrayItem(0).isString() ||
            !id.getArrayItem(1).isString())
            add(id_rule, "the trailer has no /ID of two strings");
    }

    std::string check_metadata_stream() {
        Handle metadata = pdf_.getRoot().getKey("/Metadata");
        if (!metadata.isStream()) {
            add(metadata_rule, "the catalog has no /Metadata stream");
            return {};
        }
        Handle dict = metadata.getDict();
        if (!dict.getKey("/Type").isNameAndEquals("/Metadata") ||
            !dict.getKey("/Subtype").isNameAndEquals("/XML"))
            add(metadata_rule, "the metadata stream is not /Type /Metadata /Subtype /XML");
        if (dict.hasKey("/Filter")) add(metadata_rule, "the metadata stream is filtered");
        try {
            const auto data = metadata.getStreamData(qpdf_dl_all);
            return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        } catch (const std::exception& e) {
            add(metadata_rule, std::string("the metadata cannot be read: ") + e.what());
            return {};
        }
    }

    // The value of an XMP property written as an element (`<pdf:Producer>x</…>`, or the first
    // `rdf:li` inside it) or as an attribute (`pdf:Producer="x"`).
    static std::optional<std::string> xmp_value(const std::string& xmp, const std::string& name) {
        std::smatch m;
        const std::regex element("<" + name +
                                 ">\\s*(?:<rdf:(?:Alt|Seq|Bag)>\\s*<rdf:li[^>]*>)?([^<]*)<");
        const std::regex attribute(name + "=\"([^\"]*)\"");
        if (std::regex_search(xmp, m, element) || std::regex_search(xmp, m, attribute))
            return unescape(m[1]);
        return std::nullopt;
    }

    static std::string unescape(std::string s) {
        const std::pair<const char*, const char*> entities[] = {
            {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
        for (const auto& [from, to] : entities)
            for (std::size_t at; (at = s.find(from)) != std::string::npos;)
                s.replace(at, std::string(from).size(), to);
        return s;
    }

    void check_identification(const std::string& xmp) {
        if (xmp.empty()) return;  // reported by the metadata rule
        const auto part = xmp_value(xmp, "pdfaid:part");
        if (part != "2" && part != "3") add(identification_rule, "pdfaid:part is not 2 or 3");
        if (xmp_value(xmp, "pdfaid:conformance") != "U")
            add(identification_rule, "pdfaid:conformance is not U");
    }

    // PDF/A-3 (ISO 19005-3, 6.8): an attachment is an associated file of the document, with
    // both file names, its relationship and its MIME type; PDF/A-2 allows only PDF/A
    // attachments, which broadside never makes.
    void check_embedded_files(const std::string& xmp) {
        std::vector<Handle> specs;
        // Step by step: qpdf warns on stderr when a key is looked up in something not a dictionary.
        Handle names = pdf_.getRoot().getKey("/Names");
        if (names.isDictionary()) names = names.getKey("/EmbeddedFiles");
        if (names.isDictionary()) names = names.getKey("/Names");
        if (names.isArray())
            for (int i = 1; i < names.getArrayNItems(); i += 2)
                specs.push_back(names.getArrayItem(i));
        if (specs.empty()) return;
        if (xmp_value(xmp, "pdfaid:part") != "3")
            add(embedded_files_rule, "attachments in a file that does not claim PDF/A-3");
        std::set<QPDFObjGen> associated;
        Handle af = pdf_.getRoot().getKey("/AF");
        if (af.isArray())
            for (Handle spec : af.aitems()) associated.insert(spec.getObjGen());
        for (Handle spec : specs) {
            if (!spec.getKey("/F").isString() || !spec.getKey("/UF").isString())
                add(embedded_files_rule, "an attachment without both /F and /UF names");
            if (!spec.getKey("/AFRelationship").isName())
                add(embedded_files_rule, "an attachment without /AFRelationship");
            if (!spec.isIndirect() || !associated.count(spec.getObjGen()))
                add(embedded_files_rule, "an attachment that is not in the catalog's /AF");
            Handle file = spec.getKey("/EF").getKey("/F");
            if (!file.isStream() || !file.getDict().getKey("/Subtype").isName())
                add(embedded_files_rule, "an attachment without its MIME type (/Subtype)");
        }
    }

    // Seconds since 1970 of a PDF date (D:YYYYMMDDHHmmSS+HH'mm') or an XMP one
    // (YYYY-MM-DDTHH:MM:SS+HH:MM); digits are read in order, whatever separates them.
    static std::optional<long long> instant(const std::string& text) {
        std::vector<int> fields;
        std::string digits;
        char sign = 'Z';
        for (std::size_t i = text.rfind("D:", 0) == 0 ? 2 : 0; i < text.size(); ++i) {
            const char c = text[i];
            if (fields.size() < 6 && std::isdigit(static_cast<unsigned char>(c))) {
                digits += c;
                const std::size_t want = fields.empty() ? 4 : 2;
                if (digits.size() == want) {
                    fields.push_back(std::stoi(digits));
                    digits.clear();
                }
            } else if (fields.size() >= 3 && (c == '+' || c == '-' || c == 'Z')) {
                sign = c;
                std::string rest;
                for (std::size_t k = i + 1; k < text.size(); ++k)
                    if (std::isdigit(static_cast<unsigned char>(text[k]))) rest += text[k];
                fields.resize(6, 0);
                const int offset = rest.size() >= 4 ? std::stoi(rest.substr(0, 2)) * 60 +
                                                          std::stoi(rest.substr(2, 2))
                                                    : 0;
                return seconds(fields) - (sign == '-' ? -offset : sign == '+' ? offset : 0) * 60;
            }
        }
        if (fields.size() < 3) return std::nullopt;
        fields.resize(6, 0);
        return seconds(fields);
    }

    static long long seconds(const std::vector<int>& f) {
        // Days from civil (Howard Hinnant's algorithm).
        const int y = f[0] - (f[1] <= 2), m = f[1];
        const int era = (y >= 0 ? y : y - 399) / 400;
        const int yoe = y - era * 400;
        const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + f[2] - 1;
        const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        const long long days = static_cast<long long>(era) * 146097 + doe - 719468;
        return days * 86400 + f[3] * 3600 + f[4] * 60 + f[5];
    }

    void check_agreement(const std::string& xmp) {
        Handle info = pdf_.getTrailer().getKey("/Info");
        if (!info.isDictionary() || xmp.empty()) return;
        const std::pair<const char*, const char*> texts[] = {
            {"/Title", "dc:title"},         {"/Author", "dc:creator"},
            {"/Subject", "dc:description"}, {"/Keywords", "pdf:Keywords"},
            {"/Producer", "pdf:Producer"},  {"/Creator", "xmp:CreatorTool"}};
        for (const auto& [key, property] : texts) {
            Handle value = info.getKey(key);
            if (!value.isString()) continue;
            const auto in_xmp = xmp_value(xmp, property);
            if (in_xmp != value.getUTF8Value())
                add(agreement_rule, std::string(key) + " is '" + value.getUTF8Value() + "' but " +
                                        property + " is '" + in_xmp.value_or("(missing)") + "'");
        }
        const std::pair<const char*, const char*> dates[] = {{"/CreationDate", "xmp:CreateDate"},
                                                             {"/ModDate", "xmp:ModifyDate"}};
        for (const auto& [key, property] : dates) {
            Handle value = info.getKey(key);
            if (!value.isString()) continue;
            const auto in_xmp = xmp_value(xmp, property);
            if (!in_xmp || instant(*in_xmp) != instant(value.getUTF8Value()))
                add(agreement_rule, std::string(key) + " is " + value.getUTF8Value() + " but " +
                                        property + " is " + in_xmp.value_or("(missing)"));
        }
    }

    void check_output_intent() {
        Handle intents = pdf_.getRoot().getKey("/OutputIntents");
        bool found = false;
        if (intents.isArray())
            for (Handle intent : intents.aitems()) {
                if (!intent.isDictionary() || !intent.getKey("/S").isNameAndEquals("/GTS_PDFA1"))
                    continue;
                found = true;
                Handle profile = intent.getKey("/DestOutputProfile");
                if (!profile.isStream()) {
                    add(intent_rule, "the PDF/A output intent has no DestOutputProfile");
                    continue;
                }
                const auto icc = profile.getStreamData(qpdf_dl_all);
                const std::string head(reinterpret_cast<const char*>(icc->getBuffer()),
                                       std::min<std::size_t>(icc->getSize(), 128));
                // The pages are drawn in DeviceRGB: the profile must be an RGB one.
                if (head.size() < 128 || head.substr(16, 4) != "RGB " ||
                    !profile.getDict().getKey("/N").isInteger() ||
                    profile.getDict().getKey("/N").getIntValue() != 3)
                    add(intent_rule, "the output profile is not a 3-component RGB ICC profile");
            }
        if (!found) add(intent_rule, "the catalog has no GTS_PDFA1 output intent");
    }

    void check_actions() {
        static const std::set<std::string> forbidden{
            "/Launch", "/Sound",       "/Movie",     "/ResetForm", "/ImportData", "/JavaScript",
            "/Hide",   "/SetOCGState", "/Rendition", "/Trans",     "/GoTo3DView"};
        for (Handle object : pdf_.getAllObjects())
            check_action_in(object.isStream() ? object.getDict() : object, forbidden, 0);
        if (pdf_.getRoot().hasKey("/AA")) add(action_rule, "the catalog has /AA actions");
    }

    void check_action_in(Handle h, const std::set<std::string>& forbidden, int depth) {
        if (depth > 8) return;  // direct objects nest shallowly; indirect ones are visited anyway
        if (h.isDictionary()) {
            Handle s = h.getKey("/S");
            if (s.isName() && forbidden.count(s.getName()))
                add(action_rule, "a " + s.getName() + " action");
            if (h.hasKey("/JS")) add(action_rule, "a /JS script");
            for (auto [key, value] : h.ditems())
                if (!value.isIndirect()) check_action_in(value, forbidden, depth + 1);
        } else if (h.isArray()) {
            for (Handle value : h.aitems())
                if (!value.isIndirect()) check_action_in(value, forbidden, depth + 1);
        }
    }

    void check_annotations(Handle page) {
        Handle annots = page.getKey("/Annots");
        if (!annots.isArray()) return;
        for (Handle a : annots.aitems()) {
            Handle flags = a.getKey("/F");
            const long long f = flags.isInteger() ? flags.getIntValue() : 0;
            // Print (4) set; Invisible (1), Hidden (2), NoView (32) clear.
            if ((f & 4) == 0 || (f & (1 | 2 | 32)) != 0)
                add(annotation_rule,
                    "an annotation with /F " + std::to_string(f) + " (must print, not hidden)");
            if (a.hasKey("/AA")) add(action_rule, "an annotation with /AA actions");
        }
    }

    // What each font resource of the page needs: embedded program, ToUnicode, and no code of a
    // shown string that selects glyph 0.
    void check_fonts(QPDFPageObjectHelper& page) {
        Handle fonts = page.getAttribute("/Resources", false).getKey("/Font");
        if (!fonts.isDictionary()) return;
        std::map<std::string, std::vector<std::uint16_t>> gid_of_code;  // Type0 fonts
        for (auto [name, font] : fonts.ditems()) {
            if (checked_fonts_.insert(font.getObjGen()).second) check_font(font);
            if (font.getKey("/Subtype").isNameAndEquals("/Type0"))
                gid_of_code[name] = cid_to_gid(font);
        }
        NotdefFinder finder(gid_of_code);
        page.parseContents(&finder);
        if (finder.found) add(notdef_rule, "a shown string selects glyph 0 (.notdef)");
    }

    void check_font(Handle font) {
        if (font.getKey("/Subtype").isNameAndEquals("/Type3")) return;
        const std::string name = font.getKey("/BaseFont").isName()
                                     ? font.getKey("/BaseFont").getName()
                                     : std::string("(unnamed)");
        if (!font.getKey("/ToUnicode").isStream())
            add(unicode_rule, "font " + name + " has no ToUnicode map");
        Handle program_holder = font.getKey("/Subtype").isNameAndEquals("/Type0")
                                    ? font.getKey("/DescendantFonts").getArrayItem(0)
                                    : font;
        Handle descriptor = program_holder.getKey("/FontDescriptor");
        if (!descriptor.isDictionary() || !(descriptor.getKey("/FontFile").isStream() ||
                                            descriptor.getKey("/FontFile2").isStream() ||
                                            descriptor.getKey("/FontFile3").isStream()))
            add(embedded_rule, "font " + name + " is not embedded");
    }

    // Identity-H codes are CIDs; the CIDToGIDMap gives the glyph. An empty vector means the
    // identity.
    static std::vector<std::uint16_t> cid_to_gid(Handle font) {
        Handle map = font.getKey("/DescendantFonts").getArrayItem(0).getKey("/CIDToGIDMap");
        std::vector<std::uint16_t> out;
        if (!map.isStream()) return out;
        const auto data = map.getStreamData(qpdf_dl_all);
        const unsigned char* p = data->getBuffer();
        for (std::size_t i = 0; i + 1 < data->getSize(); i += 2)
            out.push_back(static_cast<std::uint16_t>(p[i] << 8 | p[i + 1]));
        return out;
    }

    class NotdefFinder : public Handle::ParserCallbacks {
      public:
        explicit NotdefFinder(const std::map<std::string, std::vector<std::uint16_t>>& fonts)
            : fonts_(fonts) {}
        bool found = false;

        void handleObject(Handle object, size_t, size_t) override {
            if (!object.isOperator()) {
                operands_.push_back(object);
                return;
            }
            const std::string op = object.getOperatorValue();
            if (op == "Tf" && !operands_.empty() && operands_.front().isName()) {
                auto it = fonts_.find(operands_.front().getName());
                font_ = it == fonts_.end() ? nullptr : &it->second;
            } else if (op == "Tj" || op == "'" || op == "\"" || op == "TJ") {
                for (Handle operand : operands_) {
                    if (operand.isString()) shown(operand.getStringValue());
                    if (operand.isArray())
                        for (Handle item : operand.aitems())
                            if (item.isString()) shown(item.getStringValue());
                }
            }
            operands_.clear();
        }
        void handleEOF() override {}

      private:
        void shown(const std::string& bytes) {
            if (!font_) return;
            for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
                const unsigned cid = static_cast<unsigned char>(bytes[i]) << 8 |
                                     static_cast<unsigned char>(bytes[i + 1]);
                const unsigned gid = font_->empty() ? cid : cid < font_->size() ? (*font_)[cid] : 0;
                found = found || gid == 0;
            }
        }

        const std::map<std::string, std::vector<std::uint16_t>>& fonts_;
        const std::vector<std::uint16_t>* font_ = nullptr;
        std::vector<Handle> operands_;
    };

    std::string path_;
    QPDF pdf_;
    std::vector<Finding> findings_;
    std::set<QPDFObjGen> checked_fonts_;
};

}  // namespace

std::vector<Finding> check_pdf_a(const std::string& path) {
    return Checker(path).run();
}

const std::vector<std::string>& pdf_a_rules() {
    static const std::vector<std::string> rules{
        header_rule,        id_rule,       encryption_rule, intent_rule,
        embedded_rule,      unicode_rule,  notdef_rule,     annotation_rule,
        action_rule,        metadata_rule, agreement_rule,  identification_rule,
        embedded_files_rule};
    return rules;
}

}  // namespace broadside::pdfcheck
