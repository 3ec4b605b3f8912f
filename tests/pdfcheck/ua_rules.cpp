#include "ua_rules.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
#include <regex>
#include <set>

namespace broadside::pdfcheck {
namespace {

using Handle = QPDFObjectHandle;

const std::string tagged_rule = "UA 01 real content tagged";
const std::string metadata_rule = "UA 06 metadata";
const std::string title_rule = "UA 07 document title displayed";
const std::string nesting_rule = "UA 09 appropriate tags";
const std::string language_rule = "UA 11 natural language";
const std::string figure_rule = "UA 13 figures described";
const std::string heading_rule = "UA 14 headings";
const std::string note_rule = "UA 19 notes";
const std::string security_rule = "UA 26 security";
const std::string annotation_rule = "UA 28 annotations";
const std::string xobject_rule = "UA 30 XObjects";
const std::string font_rule = "UA 31 fonts";

// The shape of a BCP 47 tag, as the writer's is_language_tag.
bool is_language_tag(const std::string& tag) {
    static const std::regex shape("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    return std::regex_match(tag, shape);
}

/// How a marked-content sequence counts.
enum class Mark { artifact, tagged, other };

class ContentWalker : public Handle::ParserCallbacks {
  public:
    std::set<long long> mcids;
    std::string problem;  ///< the first one met

    void handleObject(Handle object, size_t, size_t) override {
        if (!object.isOperator()) {
            operands_.push_back(object);
            return;
        }
        const std::string op = object.getOperatorValue();
        if (op == "BMC" || op == "BDC")
            begin(op);
        else if (op == "EMC" && !marks_.empty())
            marks_.pop_back();
        else if (painting().count(op))
            paint(op);
        operands_.clear();
    }
    void handleEOF() override {
        if (!marks_.empty() && problem.empty()) problem = "marked content left open";
    }

  private:
    static const std::set<std::string>& painting() {
        static const std::set<std::string> ops{"Tj", "TJ", "'", "\"", "Do", "f", "F",  "f*",
                                               "B",  "B*", "b", "b*", "S",  "s", "sh", "EI"};
        return ops;
    }

    void begin(const std::string& op) {
        Mark mark = Mark::other;
        if (!operands_.empty() && operands_.front().isNameAndEquals("/Artifact")) {
            mark = Mark::artifact;
        } else if (op == "BDC" && operands_.size() == 2 && operands_[1].isDictionary() &&
                   operands_[1].getKey("/MCID").isInteger()) {
            mark = Mark::tagged;
            const long long id = operands_[1].getKey("/MCID").getIntValue();
            if (!mcids.insert(id).second) note("MCID " + std::to_string(id) + " used twice");
        }
        if (mark != Mark::other)
            for (Mark outer : marks_)
                if (outer != Mark::other)
                    note(outer == mark            ? "tagged content inside tagged content"
                         : mark == Mark::artifact ? "an artifact inside tagged content"
                                                  : "tagged content inside an artifact");
        marks_.push_back(mark);
    }

    void paint(const std::string& op) {
        for (Mark m : marks_)
            if (m != Mark::other) return;
        note("'" + op + "' paints content that is neither tagged nor an artifact");
    }

    void note(const std::string& what) {
        if (problem.empty()) problem = what;
    }

    std::vector<Mark> marks_;
    std::vector<Handle> operands_;
};

class UaChecker {
  public:
    explicit UaChecker(const std::string& path) : path_(path) {}

    std::vector<Finding> run() {
        try {
            pdf_.processFile(path_.c_str());
        } catch (const std::exception& e) {
            add(tagged_rule, std::string("qpdf cannot read the file: ") + e.what());
            return findings_;
        }
        if (pdf_.isEncrypted() && !pdf_.allowAccessibility())
            add(security_rule, "the encryption forbids extraction for accessibility");
        Handle root = pdf_.getRoot();
        Handle tree = root.getKey("/StructTreeRoot");
        Handle mark_info = root.getKey("/MarkInfo");
        if (!mark_info.isDictionary() || !mark_info.getKey("/Marked").isBool() ||
            !mark_info.getKey("/Marked").getBoolValue())
            add(tagged_rule, "the catalog's MarkInfo does not say Marked true");
        if (!tree.isDictionary()) add(tagged_rule, "the catalog has no StructTreeRoot");
        check_metadata(root.getKey("/Metadata"));
        check_viewer_preferences(root.getKey("/ViewerPreferences"));
        check_language(root.getKey("/Lang"), "the catalog");
        if (tree.isDictionary()) {
            role_map_ = tree.getKey("/RoleMap");
            collect_parent_tree(tree.getKey("/ParentTree"), 0);
            walk(tree.getKey("/K"), "", 0);
            check_headings();
        }
        for (auto& page : QPDFPageDocumentHelper(pdf_).getAllPages()) {
            check_content(page);
            check_annotations(page.getObjectHandle());
            check_resources(page);
        }
        return findings_;
    }

  private:
    void add(const std::string& rule, std::string detail) {
        for (const auto& f : findings_)
            if (f.rule == rule) return;  // the first finding per rule says enough
        findings_.push_back({rule, std::move(detail)});
    }

    void check_metadata(Handle metadata) {
        if (!metadata.isStream()) return add(metadata_rule, "no XMP metadata stream");
        std::string xmp;
        try {
            const auto data = metadata.getStreamData(qpdf_dl_all);
            xmp.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        } catch (const std::exception& e) {
            return add(metadata_rule, std::string("the metadata cannot be read: ") + e.what());
        }
        static const std::regex part("<pdfuaid:part>\\s*1\\s*<|pdfuaid:part=\"1\"");
        if (!std::regex_search(xmp, part)) add(metadata_rule, "no pdfuaid:part 1 in the XMP");
        if (xmp.find("<dc:title>") == std::string::npos)
            add(metadata_rule, "no dc:title in the XMP");
    }

    void check_viewer_preferences(Handle prefs) {
        Handle display = prefs.isDictionary() ? prefs.getKey("/DisplayDocTitle") : Handle();
        if (!display.isBool() || !display.getBoolValue())
            add(title_rule, "ViewerPreferences lack DisplayDocTitle true");
    }

    void check_language(Handle lang, const std::string& where) {
        if (!lang.isString() || !is_language_tag(lang.getUTF8Value()))
            add(language_rule, where + " has no valid /Lang");
    }

    // The standard type `type` stands for, through the role map.
    std::string standard(std::string type) {
        for (int hops = 0; hops < 8 && role_map_.isDictionary(); ++hops) {
            Handle mapped = role_map_.getKey(type);
            if (!mapped.isName()) break;
            type = mapped.getName();
        }
        return type;
    }

    void collect_parent_tree(Handle node, int depth) {
        if (!node.isDictionary() || depth > 32) return;
        Handle nums = node.getKey("/Nums");
        if (nums.isArray())
            for (int i = 0; i + 1 < nums.getArrayNItems(); i += 2)
                if (nums.getArrayItem(i).isInteger())
                    parents_[nums.getArrayItem(i).getIntValue()] = nums.getArrayItem(i + 1);
        Handle kids = node.getKey("/Kids");
        if (kids.isArray())
            for (Handle kid : kids.aitems()) collect_parent_tree(kid, depth + 1);
    }

    void walk(Handle k, const std::string& parent, int depth) {
        if (depth > 256) return;
        if (k.isArray()) {
            for (Handle kid : k.aitems()) walk(kid, parent, depth);
            return;
        }
        if (!k.isDictionary() || !k.hasKey("/S")) return;  // an MCID, MCR or OBJR
        if (k.isIndirect() && !seen_.insert(k.getObjGen()).second) return;
        const std::string type = standard(k.getKey("/S").isName() ? k.getKey("/S").getName() : "");
        static const std::map<std::string, std::set<std::string>> allowed_parents{
            {"/TR", {"/Table", "/THead", "/TBody", "/TFoot"}},
            {"/TH", {"/TR"}},
            {"/TD", {"/TR"}},
            {"/LI", {"/L"}},
            {"/Lbl", {"/LI", "/Note", "/BibEntry", "/TOCI"}},
            {"/LBody", {"/LI"}}};
        auto rule = allowed_parents.find(type);
        if (rule != allowed_parents.end() && !rule->second.count(parent))
            add(nesting_rule, type + " inside " + (parent.empty() ? "the root" : parent));
        if (k.hasKey("/Lang")) check_language(k.getKey("/Lang"), "a " + type + " element");
        if (type == "/Figure" && !k.getKey("/Alt").isString() &&
            !k.getKey("/ActualText").isString())
            add(figure_rule, "a Figure without Alt");
        if (type == "/Note") {
            Handle id = k.getKey("/ID");
            if (!id.isString())
                add(note_rule, "a Note without ID");
            else if (!note_ids_.insert(id.getStringValue()).second)
                add(note_rule, "two Notes with the ID " + id.getStringValue());
        }
        static const std::regex numbered("/H([1-6])");
        std::smatch m;
        if (type == "/H")
            headings_.push_back(0);
        else if (std::regex_match(type, m, numbered))
            headings_.push_back(std::stoi(m[1]));
        walk(k.getKey("/K"), type, depth + 1);
    }

    void check_headings() {
        const bool plain = std::count(headings_.begin(), headings_.end(), 0) > 0;
        const bool numbered =
            std::any_of(headings_.begin(), headings_.end(), [](int h) { return h > 0; });
        if (plain && numbered) return add(heading_rule, "both H and H1-H6 are used");
        int previous = 0;
        for (int level : headings_) {
            if (level > previous + 1)
                return add(heading_rule, "H" + std::to_string(level) + " follows " +
                                             (previous ? "H" + std::to_string(previous)
                                                       : std::string("no heading")));
            previous = level;
        }
    }

    void check_content(QPDFPageObjectHelper& page) {
        ContentWalker walker;
        page.parseContents(&walker);
        if (!walker.problem.empty()) add(tagged_rule, walker.problem);
        if (walker.mcids.empty()) return;
        Handle key = page.getObjectHandle().getKey("/StructParents");
        auto entry = key.isInteger() ? parents_.find(key.getIntValue()) : parents_.end();
        if (entry == parents_.end() || !entry->second.isArray())
            return add(tagged_rule, "a page with MCIDs has no parent tree entry");
        for (long long id : walker.mcids)
            if (id >= entry->second.getArrayNItems() ||
                !entry->second.getArrayItem(static_cast<int>(id)).isDictionary())
                return add(tagged_rule, "MCID " + std::to_string(id) + " has no structure element");
    }

    void check_annotations(Handle page) {
        Handle annots = page.getKey("/Annots");
        if (!annots.isArray() || annots.getArrayNItems() == 0) return;
        if (!page.getKey("/Tabs").isNameAndEquals("/S"))
            add(annotation_rule, "a page with annotations lacks /Tabs /S");
        for (Handle a : annots.aitems()) {
            const std::string subtype =
                a.getKey("/Subtype").isName() ? a.getKey("/Subtype").getName() : "";
            if (subtype == "/Widget" || subtype == "/Popup" || subtype == "/PrinterMark") continue;
            Handle key = a.getKey("/StructParent");
            auto entry = key.isInteger() ? parents_.find(key.getIntValue()) : parents_.end();
            const std::string owner = entry != parents_.end() && entry->second.isDictionary() &&
                                              entry->second.getKey("/S").isName()
                                          ? standard(entry->second.getKey("/S").getName())
                                          : "";
            const std::string wanted = subtype == "/Link" ? "/Link" : "/Annot";
            if (owner != wanted)
                add(annotation_rule,
                    "a " + subtype + " annotation is not in a " + wanted + " element");
            if (!a.getKey("/Contents").isString() || a.getKey("/Contents").getUTF8Value().empty())
                add(annotation_rule, "a " + subtype + " annotation without Contents");
        }
    }

    void check_resources(QPDFPageObjectHelper& page) {
        Handle resources = page.getAttribute("/Resources", false);
        Handle xobjects = resources.isDictionary() ? resources.getKey("/XObject") : Handle();
        if (xobjects.isDictionary())
            for (auto [name, x] : xobjects.ditems())
                if (x.isStream() && x.getDict().hasKey("/Ref"))
                    add(xobject_rule, "the reference XObject " + name);
        Handle fonts = resources.isDictionary() ? resources.getKey("/Font") : Handle();
        if (!fonts.isDictionary()) return;
        for (auto [name, font] : fonts.ditems()) {
            if (!font.isDictionary() || !fonts_seen_.insert(font.getObjGen()).second) continue;
            Handle program = font.getKey("/Subtype").isNameAndEquals("/Type0")
                                 ? font.getKey("/DescendantFonts").getArrayItem(0)
                                 : font;
            if (program.getKey("/Subtype").isNameAndEquals("/Type3")) continue;
            Handle d = program.getKey("/FontDescriptor");
            if (!d.isDictionary() ||
                !(d.getKey("/FontFile").isStream() || d.getKey("/FontFile2").isStream() ||
                  d.getKey("/FontFile3").isStream()))
                add(font_rule, "font " + name + " is not embedded");
            Handle map = program.getKey("/CIDToGIDMap");
            if (program.getKey("/Subtype").isNameAndEquals("/CIDFontType2") && !map.isStream() &&
                !map.isNameAndEquals("/Identity"))
                add(font_rule, "the TrueType CIDFont " + name + " has no CIDToGIDMap");
        }
    }

    std::string path_;
    QPDF pdf_;
    std::vector<Finding> findings_;
    Handle role_map_;
    std::map<long long, Handle> parents_;
    std::set<QPDFObjGen> seen_, fonts_seen_;
    std::set<std::string> note_ids_;
    std::vector<int> headings_;  ///< in document order; 0 for H
};

}  // namespace

std::vector<Finding> check_pdf_ua(const std::string& path) {
    return UaChecker(path).run();
}

const std::vector<std::string>& pdf_ua_rules() {
    static const std::vector<std::string> rules{
        tagged_rule,  metadata_rule, title_rule,    nesting_rule,    language_rule, figure_rule,
        heading_rule, note_rule,     security_rule, annotation_rule, xobject_rule,  font_rule};
    return rules;
}

}  // namespace broadside::pdfcheck
