#include "broadside/pdf/pdf_writer.hpp"

#include "broadside/core/url.hpp"

#include <hpdf.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <type_traits>

#include "archival.hpp"
#include "extraction_order.hpp"
#include "font_embedder.hpp"
#include "haru_errors.hpp"
#include "hpdf_access.hpp"
#include "image_embedder.hpp"
#include "line_passages.hpp"
#include "object_streams.hpp"
#include "run_operators.hpp"
#include "structure_tree.hpp"

namespace broadside::pdf {

void on_haru_error(HPDF_STATUS error, HPDF_STATUS detail, void* data) {
    auto* e = static_cast<HaruErrors*>(data);
    if (e->error == HPDF_OK) {
        e->error = error;
        e->detail = detail;
    }
}

namespace {

HPDF_Date pdf_date(const core::Date& d) {
    HPDF_Date out{};
    out.year = d.year;
    out.month = d.month;
    out.day = d.day;
    out.hour = d.has_time ? d.hour : 0;
    out.minutes = d.has_time ? d.minute : 0;
    out.seconds = d.has_time ? d.second : 0;
    int offset = d.utc_offset_minutes.value_or(0);
    out.ind = offset > 0 ? '+' : offset < 0 ? '-' : 'Z';
    out.off_hour = std::abs(offset) / 60;
    out.off_minutes = std::abs(offset) % 60;
    return out;
}

void write_info(HPDF_Doc doc, const DocumentInfo& info) {
    const std::pair<HPDF_InfoType, const std::string*> texts[] = {
        {HPDF_INFO_TITLE, &info.title},
        {HPDF_INFO_AUTHOR, &info.author},
        {HPDF_INFO_SUBJECT, &info.subject},
        {HPDF_INFO_KEYWORDS, &info.keywords}};
    for (const auto& [type, value] : texts)
        if (!value->empty()) hpdf::set_info_text(doc, type, *value);
    if (info.created) HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, pdf_date(*info.created));
}

/// Walks the layout and draws it page by page.
class PageWriter {
  public:
    PageWriter(HPDF_Doc doc, FontEmbedder& fonts, ImageEmbedder& images, core::Diagnostics& diags,
               std::string file, bool archival, StructureTree* tree)
        : doc_(doc),
          fonts_(fonts),
          images_(images),
          diags_(diags),
          file_(std::move(file)),
          archival_(archival),
          tree_(tree) {}

    /// What the pages drew so far, for the file identifier.
    [[nodiscard]] const FileIdentity& identity() const { return identity_; }

    /// Links within the document point at anchors that may lie on later pages, so they are
    /// made once every page (and so every destination) exists. A link to an id no anchor has
    /// is left out with one warning per id (a link broken over lines has several areas).
    void finish_internal_links() {
        std::set<std::string> unknown;
        for (const auto& link : internal_links_) {
            auto dest = destinations_.find(link.id);
            if (dest == destinations_.end())
                dest = destinations_.find(core::percent_decode(link.id));
            if (dest == destinations_.end()) {
                if (unknown.insert(link.id).second)
                    diags_.warning(file_, 0, 0,
                                   "the link to '#" + link.id +
                                       "' leads nowhere: no heading has "
                                       "that id, so it is not clickable",
                                   "check the heading's id in the layout dump (anchor lines)");
                continue;
            }
            HPDF_Annotation annot = HPDF_Page_CreateLinkAnnot(link.page, link.rect, dest->second);
            if (annot) styled(annot, link.page, link.element, link.text);
        }
    }

    /// Adds a page and draws `p` on it; returns the page (null when libharu failed).
    HPDF_Page page(const Page& p) {
        page_ = HPDF_AddPage(doc_);
        if (!page_) return nullptr;
        if (tree_) tree_->add_page(page_);
        HPDF_Page_SetWidth(page_, static_cast<HPDF_REAL>(p.size.width));
        HPDF_Page_SetHeight(page_, static_cast<HPDF_REAL>(p.size.height));
        draw_on(page_, p);
        return page_;
    }

    /// Draws `p` on a page added before, over what it holds already.
    void draw_on(HPDF_Page target, const Page& p) {
        page_ = target;
        height_ = p.size.height;
        page_left_to_right_ = direction_balance(page_text(p)) >= 0;
        for (const auto& frame : p.frames) {
            frame_ = &frame;
            for (const auto& [at, item] : frame.items)
                // `at` by name: clang 14 (the fuzz build) cannot capture a binding
                std::visit([&, at = at](const auto& it) { draw(it, to_pdf(at)); }, item);
        }
        end_artifact();
    }

  private:
    /// The only place where layout space (top-left, y down) becomes PDF space (y up).
    [[nodiscard]] Point to_pdf(Point at) const {
        return {frame_->box.origin.x + at.x, height_ - (frame_->box.origin.y + at.y)};
    }

    static std::u32string page_text(const Page& p) {
        std::string text;
        for (const auto& frame : p.frames)
            for (const auto& [at, item] : frame.items) {
                if (const auto* run = std::get_if<GlyphRun>(&item)) text += run->text;
                if (const auto* line = std::get_if<TextLine>(&item)) text += line->text;
            }
        return utf8_to_u32(text);
    }

    /// Right-to-left text, and clusters of several glyphs (Tibetan stacks, Indic reordering),
    /// do not extract in logical order from glyph positions: such a line becomes one span. So
    /// does a line with a character no font has, which is drawn as an outline, not as text.
    static bool needs_line_span(const TextLine& line) {
        for (const auto& [at, run] : line.runs) {
            if (run.rtl) return true;
            for (std::size_t i = 0; i < run.glyphs.size(); ++i)
                if (run.glyphs[i].id == 0 ||
                    (i > 0 && run.glyphs[i].cluster == run.glyphs[i - 1].cluster))
                    return true;
        }
        return false;
    }

    void draw(const TextLine& line, Point) {
        // One text object per line: an ActualText span must end while its font is still set
        // (Poppler sizes the span's text from the font in effect at EMC), and Q would reset it.
        // pdftotext drops a hyphen that ends a line and joins the next line to it, as it should
        // for a word we hyphenated; the author's own hyphen ("zero-/Covid") must stay, so such
        // a line gets a span whose text ends in an invisible mark of the page's direction.
        bool authors_hyphen = !line.hyphenated && !line.text.empty() && line.text.back() == '-';
        bool span = authors_hyphen || needs_line_span(line);
        const std::vector<LinePassage> parts = line_passages(line, tree_ && line.tag);
        const bool tagged = tree_ && line.tag, one = parts.size() == 1;
        if (tagged)
            end_artifact();
        else
            begin_artifact();
        // Each line is marked content of its own (Poppler reads the text of an element's
        // marked content up to the first end of a span inside it). A line in several
        // languages is marked passage by passage inside the line's one ActualText span:
        // Poppler reads a line broken into several spans as several lines.
        std::string ops;
        // Such a line's ActualText is in the order Poppler wants; when that is not the logical
        // order, readers of the structure (screen readers) get the logical text from a Span's
        // ActualText instead.
        std::u32string poppler_text;
        if (span) poppler_text = poppler_actual_text(utf8_to_u32(line.text), page_left_to_right_);
        const bool reordered = span && poppler_text != utf8_to_u32(line.text);
        auto logical = [&](std::size_t i) -> std::string {
            if (!reordered) return {};
            const std::size_t from = one ? 0 : parts[i].begin;
            const std::size_t to = i + 1 < parts.size() ? parts[i + 1].begin : line.text.size();
            return line.text.substr(std::min(from, line.text.size()), to - std::min(from, to));
        };
        if (tagged && one) ops += tree_->open(page_, line.tag, parts.front().lang, logical(0));
        if (span) {
            if (authors_hyphen) poppler_text += page_left_to_right_ ? U'\u200E' : U'\u200F';
            ops += "/Span<</ActualText<FEFF" + utf16be_hex(poppler_text) + ">>>BDC\n";
        }
        Point line_start;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const LinePassage& passage = parts[i];
            if (tagged && !one) ops += tree_->open(page_, line.tag, passage.lang, logical(i));
            for (const auto* entry : passage.runs)
                ops += run_ops(entry->second, to_pdf(entry->first), line_start, !span);
            if (tagged && !one) ops += "EMC\n";
        }
        if (span) ops += "EMC\n";
        if (tagged && one) ops += "EMC\n";
        write_text_object(ops);
    }

    // Furniture and decoration drawn one after another share one artifact.
    void begin_artifact() {
        if (!tree_ || artifact_open_) return;
        hpdf::write_page_operators(page_, StructureTree::open_artifact());
        artifact_open_ = true;
    }

    void end_artifact() {
        if (!artifact_open_) return;
        hpdf::write_page_operators(page_, "EMC\n");
        artifact_open_ = false;
    }

    void draw(const GlyphRun& run, Point at) {
        Point line_start;
        std::string ops = run_ops(run, at, line_start, true);
        if (!ops.empty()) begin_artifact();  // a bare run belongs to no element
        write_text_object(ops);
    }

    // Draws what `paint` writes as an artifact of a tagged page (decoration, furniture).
    template <typename Paint>
    void artifact(Paint paint) {
        begin_artifact();
        paint();
    }

    std::string run_ops(const GlyphRun& run, Point at, Point& line_start, bool cluster_spans) {
        if (run.glyphs.empty() || !run.font) return {};
        FontEmbedder::Entry& font = fonts_.font(run.font);
        if (!font.dict) return {};
        const char* name =
            HPDF_Page_GetLocalFontName(page_, reinterpret_cast<HPDF_Font>(font.dict));
        if (!name) return {};
        std::vector<Rect> boxes;
        std::string ops =
            run_operators(run, name, at, line_start, *font.usage, cluster_spans, &boxes);
        for (const Rect& box : boxes) missing_.emplace_back(box, run.fill);
        return ops;
    }

    void write_text_object(const std::string& ops) {
        if (ops.empty()) return;
        if (archival_) identity_.add(ops);  // the file identifier only PDF/A asks for
        // libharu's own q/BT keep its graphics-state bookkeeping in step with the raw text
        // operators in between; its text API cannot use a font dictionary it did not build.
        HPDF_Page_GSave(page_);
        HPDF_Page_BeginText(page_);
        hpdf::write_page_operators(page_, ops);
        HPDF_Page_EndText(page_);
        HPDF_Page_GRestore(page_);
        draw_missing_glyphs();
    }

    // A character no installed font has (already a warning) as an outlined box in the text's
    // colour, where the font's .notdef glyph would stand.
    void draw_missing_glyphs() {
        if (!missing_.empty()) artifact([this] { draw_missing_boxes(); });
        missing_.clear();
    }

    void draw_missing_boxes() {
        for (const auto& [box, color] : missing_) {
            const double inset = box.size.width * 0.1;
            HPDF_Page_GSave(page_);
            HPDF_Page_SetRGBStroke(page_, static_cast<HPDF_REAL>(color.r / 255.0),
                                   static_cast<HPDF_REAL>(color.g / 255.0),
                                   static_cast<HPDF_REAL>(color.b / 255.0));
            HPDF_Page_SetLineWidth(page_, 0.5);
            HPDF_Page_Rectangle(page_, static_cast<HPDF_REAL>(box.origin.x + inset),
                                static_cast<HPDF_REAL>(box.origin.y),
                                static_cast<HPDF_REAL>(box.size.width - 2 * inset),
                                static_cast<HPDF_REAL>(box.size.height));
            HPDF_Page_Stroke(page_);
            HPDF_Page_GRestore(page_);
        }
    }

    void draw(const Rule& rule, Point at) {
        artifact([&] { draw_rule(rule, at); });
    }

    void draw_rule(const Rule& rule, Point at) {
        HPDF_Page_GSave(page_);
        HPDF_Page_SetRGBFill(page_, static_cast<HPDF_REAL>(rule.fill.r / 255.0),
                             static_cast<HPDF_REAL>(rule.fill.g / 255.0),
                             static_cast<HPDF_REAL>(rule.fill.b / 255.0));
        HPDF_Page_Rectangle(
            page_, static_cast<HPDF_REAL>(at.x), static_cast<HPDF_REAL>(at.y - rule.size.height),
            static_cast<HPDF_REAL>(rule.size.width), static_cast<HPDF_REAL>(rule.size.height));
        HPDF_Page_Fill(page_);
        HPDF_Page_GRestore(page_);
    }

    void draw(const Link& link, Point at) {
        HPDF_Rect rect{
            static_cast<HPDF_REAL>(at.x), static_cast<HPDF_REAL>(at.y - link.size.height),
            static_cast<HPDF_REAL>(at.x + link.size.width), static_cast<HPDF_REAL>(at.y)};
        // The Link element takes its place in the structure now, beside the link's text.
        const std::size_t element = tree_ ? tree_->link(link.tag) : 0;
        if (link.url.starts_with('#')) {
            internal_links_.push_back({page_, rect, link.url.substr(1), element, link.text});
            return;
        }
        const std::string uri = core::valid_uri(link.url);
        HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page_, rect, uri.c_str());
        if (annot) styled(annot, page_, element, link.text);
    }

    void draw(const Image& image, Point at) {
        HPDF_Image xobject = images_.image(image);
        if (!xobject || image.size.width <= 0 || image.size.height <= 0) return;
        if (image.tag && tree_) {
            end_artifact();
            hpdf::write_page_operators(page_, tree_->open(page_, image.tag, ""));
        } else {
            begin_artifact();
        }
        HPDF_Page_DrawImage(page_, xobject, static_cast<HPDF_REAL>(at.x),
                            static_cast<HPDF_REAL>(at.y - image.size.height),
                            static_cast<HPDF_REAL>(image.size.width),
                            static_cast<HPDF_REAL>(image.size.height));
        if (image.tag && tree_) hpdf::write_page_operators(page_, "EMC\n");
    }

    void draw(const Anchor& anchor, Point at) {
        HPDF_Destination dest = HPDF_Page_CreateDestination(page_);
        if (!dest) return;
        HPDF_Destination_SetFitH(dest, static_cast<HPDF_REAL>(at.y));
        destinations_.emplace(anchor.id, dest);  // ids are unique; the first one wins
        if (anchor.level <= 0) return;
        while (!outlines_.empty() && outlines_.back().first >= anchor.level) outlines_.pop_back();
        HPDF_Outline parent = outlines_.empty() ? nullptr : outlines_.back().second;
        HPDF_Outline outline = HPDF_CreateOutline(doc_, parent, "", nullptr);
        if (!outline) return;
        hpdf::set_outline_title(doc_, outline, anchor.title);
        HPDF_Outline_SetDestination(outline, dest);
        outlines_.emplace_back(anchor.level, outline);
    }

    /// A link to an anchor, waiting for all destinations to exist.
    struct InternalLink {
        HPDF_Page page;
        HPDF_Rect rect;
        std::string id;
        std::size_t element;  ///< its Link element in a tagged PDF
        std::string text;
    };

    // Links draw no border; a PDF/A file's annotations must print as they show. In a tagged
    // PDF each is the object of its Link element.
    void styled(HPDF_Annotation annot, HPDF_Page page, std::size_t element,
                const std::string& text) const {
        HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        if (archival_) HPDF_Dict_AddNumber(annot, "F", 4);  // Print
        if (tree_) tree_->attach(element, page, annot, text);
    }

    HPDF_Doc doc_;
    FontEmbedder& fonts_;
    ImageEmbedder& images_;
    core::Diagnostics& diags_;
    std::string file_;
    std::map<std::string, HPDF_Destination> destinations_;
    std::vector<InternalLink> internal_links_;
    HPDF_Page page_ = nullptr;
    const Frame* frame_ = nullptr;
    double height_ = 0;
    bool page_left_to_right_ = true;
    std::vector<std::pair<int, HPDF_Outline>> outlines_;
    bool archival_;
    StructureTree* tree_;         ///< null: the PDF is not tagged
    bool artifact_open_ = false;  ///< an artifact is open on the page
    FileIdentity identity_;
    std::vector<std::pair<Rect, Rgb>> missing_;  // boxes of the text object being written
};

std::optional<std::vector<std::uint8_t>> save(HPDF_Doc doc) {
    if (HPDF_SaveToStream(doc) != HPDF_OK) return std::nullopt;
    std::vector<std::uint8_t> bytes(HPDF_GetStreamSize(doc));
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ResetStream(doc);
    if (HPDF_ReadFromStream(doc, bytes.data(), &size) != HPDF_OK && size != bytes.size())
        return std::nullopt;
    bytes.resize(size);
    if (auto packed = pack_objects(bytes)) return packed;
    return bytes;
}

}  // namespace

struct PdfPageWriter::Impl {
    struct Label {
        unsigned page;
        PageLabel label;
    };

    HaruErrors errors;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> doc{nullptr, &HPDF_Free};
    std::unique_ptr<FontEmbedder> fonts;
    std::unique_ptr<ImageEmbedder> images;
    std::unique_ptr<StructureTree> structure;  ///< when the PDF is tagged
    std::unique_ptr<PageWriter> writer;
    core::Diagnostics& diags;
    std::string file;
    std::vector<HPDF_Page> pages;  // in order, for drawing on a page later
    std::vector<Label> labels;     // written at the end: the number tree must start at page 0
    DocumentInfo info;             // the PDF/A claim, made at the end, repeats it

    Impl(core::Diagnostics& d, std::string f) : diags(d), file(std::move(f)) {}
};

PdfPageWriter::PdfPageWriter(const DocumentInfo& info, core::Diagnostics& diags, std::string file)
    : impl_(std::make_unique<Impl>(diags, std::move(file))) {
    Impl& w = *impl_;
    w.doc.reset(HPDF_New(on_haru_error, &w.errors));
    if (!w.doc) return;
    // Before the first page, so page contents are deflated as well.
    HPDF_SetCompressionMode(w.doc.get(), HPDF_COMP_ALL);
    hpdf::set_version_1_5(w.doc.get());
    write_info(w.doc.get(), info);
    w.info = info;
    w.fonts = std::make_unique<FontEmbedder>(w.doc.get());
    w.images = std::make_unique<ImageEmbedder>(w.doc.get(), w.errors, diags, w.file);
    if (info.pdf_ua) w.structure = std::make_unique<StructureTree>(w.doc.get());
    w.writer = std::make_unique<PageWriter>(w.doc.get(), *w.fonts, *w.images, diags, w.file,
                                            info.pdf_a, w.structure.get());
}

PdfPageWriter::~PdfPageWriter() = default;

void PdfPageWriter::add(const Page& page) {
    Impl& w = *impl_;
    if (!w.writer) return;
    HPDF_Page added = w.writer->page(page);
    if (page.label) w.labels.push_back({static_cast<unsigned>(w.pages.size()), *page.label});
    w.pages.push_back(added);
}

void PdfPageWriter::draw_on(std::size_t index, const Page& page) {
    Impl& w = *impl_;
    if (!w.writer || index >= w.pages.size() || !w.pages[index]) return;
    w.writer->draw_on(w.pages[index], page);
}

std::optional<std::vector<std::uint8_t>> PdfPageWriter::finish() {
    Impl& w = *impl_;
    if (!w.doc) {
        w.diags.error(w.file, 0, 0, "the PDF library could not start (out of memory?)");
        return std::nullopt;
    }
    w.writer->finish_internal_links();
    // Each labelled page starts a decimal range; a document labelled only later gets a plain
    // range from its first page.
    if (!w.labels.empty() && w.labels.front().page != 0)
        hpdf::add_page_label(w.doc.get(), 0, 1, "");
    for (const auto& l : w.labels)
        hpdf::add_page_label(w.doc.get(), l.page, l.label.start, l.label.prefix);
    attach_files(w.doc.get(), w.info);
    if (w.structure) w.structure->finish();
    claim_standards(w.doc.get(), w.info, w.writer->identity(), w.diags, w.file);
    bool fonts_ok = w.fonts->finish(w.diags, w.file);
    std::optional<std::vector<std::uint8_t>> bytes;
    if (fonts_ok && w.errors.error == HPDF_OK) bytes = save(w.doc.get());
    if (w.errors.error != HPDF_OK || (fonts_ok && !bytes)) {
        char code[48];
        std::snprintf(code, sizeof code, "0x%04X, detail %u", static_cast<unsigned>(w.errors.error),
                      static_cast<unsigned>(w.errors.detail));
        w.diags.error(w.file, 0, 0,
                      std::string("the PDF library failed (libharu error ") + code + ")");
        return std::nullopt;
    }
    return bytes;
}

std::optional<std::vector<std::uint8_t>> render_pdf(const Layout& layout, const DocumentInfo& info,
                                                    core::Diagnostics& diags,
                                                    const std::string& file) {
    PdfPageWriter writer(info, diags, file);
    for (const auto& page : layout.pages) writer.add(page);
    return writer.finish();
}

}  // namespace broadside::pdf
