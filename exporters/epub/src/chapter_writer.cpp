// Chapters are written straight from the model: cmark's HTML is not XHTML, and only the model
// knows the spans needed for warnings.
#include "chapter_writer.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "broadside/core/language_tag.hpp"
#include "links.hpp"
#include "scripts.hpp"
#include "xhtml_page.hpp"
#include "xml.hpp"

namespace broadside::epub {
namespace {

class ChapterWriter {
  public:
    ChapterWriter(const BookPlan& plan, std::size_t index, const core::Document& doc,
                  core::Diagnostics& diags)
        : plan_(plan),
          index_(index),
          post_(plan.posts[index]),
          doc_(doc),
          diags_(diags),
          lang_(chapter_language(plan, post_)),
          latin_lang_(script_of_language(plan.language) == Script::latin ? plan.language : "en"),
          // In right-to-left chapters each block finds its own direction, so an English
          // paragraph in a Uyghur post reads left to right.
          block_dir_(core::is_rtl_language(lang_) ? " dir=\"auto\"" : ""),
          prefix_("bs-c" + std::to_string(index + 1) + "-") {
        for (const auto& block : doc.blocks) {
            if (const auto* fn = std::get_if<core::FootnoteDefinition>(&block.node)) {
                defined_[fn->number] = 0;
            }
        }
        top_heading_level_ = top_heading_level(doc.blocks);
    }

    std::string write() {
        out_ = xhtml_open(post_.title, lang_, "../styles/book.css");
        out_ +=
            "<section epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"bs-title\">\n";
        write_header();
        bool notes_open = false;
        for (const auto& block : doc_.blocks) {
            const bool note = std::holds_alternative<core::FootnoteDefinition>(block.node);
            if (note && !notes_open) {
                out_ += "<section class=\"footnotes\" epub:type=\"footnotes\">\n";
                notes_open = true;
            }
            write_block(block, false);
        }
        if (notes_open) out_ += "</section>\n";
        out_ += "</section>\n";
        out_ += xhtml_close;
        return std::move(out_);
    }

  private:
    void warn(const core::SourceSpan& span, const std::string& message) {
        diags_.warning(post_.path, span.line, span.column, message);
    }

    void text(std::string_view t) { append_text_with_lang(out_, t, lang_, latin_lang_); }

    void write_header() {
        out_ += "<header class=\"chapter-head ";
        out_ += chrome_class;
        out_ += "\">\n<h1 class=\"chapter-title\" id=\"bs-title\">";
        text(post_.title);
        out_ += "</h1>\n";
        if (post_.date || !post_.authors.empty()) {
            out_ += "<p class=\"chapter-meta\">";
            if (post_.date) {
                out_ += "<time datetime=\"" + xml_escape(post_.date->iso()) + "\">";
                text(post_.date_text);
                out_ += "</time>";
            }
            if (post_.date && !post_.authors.empty()) out_ += "<span class=\"sep\"> · </span>";
            if (!post_.authors.empty()) {
                out_ += "<span class=\"chapter-authors\">";
                for (std::size_t i = 0; i < post_.authors.size(); ++i) {
                    if (i > 0) out_ += ", ";
                    text(post_.authors[i]);
                }
                out_ += "</span>";
            }
            out_ += "</p>\n";
        }
        if (!post_.excerpt.empty()) {
            out_ += "<p class=\"chapter-excerpt\">";
            text(post_.excerpt);
            out_ += "</p>\n";
        }
        if (!post_.header_image.empty() && !post_.header_image_in_body) {
            out_ += "<div class=\"chapter-image\"><img src=\"../" + xml_escape(post_.header_image) +
                    "\" alt=\"\"/></div>\n";
        }
        out_ += "</header>\n";
    }

    // ---- blocks ---------------------------------------------------------------------------

    void write_blocks(const std::vector<core::Block>& blocks, bool tight) {
        for (const auto& b : blocks) write_block(b, tight);
    }

    void write_block(const core::Block& block, bool tight) {
        std::visit([&](const auto& node) { block_node(node, block.span, tight); }, block.node);
    }

    void block_node(const core::Paragraph& p, const core::SourceSpan&, bool tight) {
        if (tight) {
            write_inlines(p.children, false);
            out_ += '\n';
            return;
        }
        // An image alone in its paragraph is a figure: no indent, centred.
        const bool figure =
            p.children.size() == 1 && std::holds_alternative<core::Image>(p.children.front().node);
        out_ += "<p" + block_dir_ + (figure ? " class=\"figure\">" : ">");
        write_inlines(p.children, false);
        out_ += "</p>\n";
    }

    // The smallest heading level in `blocks`, nested ones included; 7 when there is none.
    static int top_heading_level(const std::vector<core::Block>& blocks) {
        int top = 7;
        for (const auto& b : blocks) {
            std::visit(
                [&](const auto& node) {
                    using T = std::decay_t<decltype(node)>;
                    if constexpr (std::is_same_v<T, core::Heading>) {
                        top = std::min(top, node.level);
                    } else if constexpr (std::is_same_v<T, core::BlockQuote> ||
                                         std::is_same_v<T, core::FootnoteDefinition>) {
                        top = std::min(top, top_heading_level(node.children));
                    } else if constexpr (std::is_same_v<T, core::List>) {
                        for (const auto& item : node.items) {
                            top = std::min(top, top_heading_level(item.children));
                        }
                    }
                },
                b.node);
        }
        return top;
    }

    void block_node(const core::Heading& h, const core::SourceSpan&, bool) {
        // The chapter title is the h1: the post's highest headings become h2 whether they were
        // written as # or ##, and no heading goes more than one level below the one before it,
        // so the outline never skips a level.
        const int shifted = std::max(1, h.level) - top_heading_level_ + 2;
        last_heading_level_ = std::min({6, shifted, last_heading_level_ + 1});
        const std::string tag = "h" + std::to_string(last_heading_level_);
        const std::string id = heading_xhtml_id(h.id);
        written_ids_.insert(id);
        out_ += "<" + tag + block_dir_ + " id=\"" + xml_escape(id) + "\">";
        write_inlines(h.children, false);
        out_ += "</" + tag + ">\n";
    }

    void block_node(const core::BlockQuote& q, const core::SourceSpan&, bool) {
        out_ += "<blockquote>\n";
        write_blocks(q.children, false);
        out_ += "</blockquote>\n";
    }

    void block_node(const core::List& list, const core::SourceSpan&, bool) {
        const bool tasks = std::all_of(list.items.begin(), list.items.end(), [](const auto& i) {
            return i.task != core::TaskState::none;
        });
        if (list.ordered) {
            out_ += "<ol";
            if (list.start != 1) out_ += " start=\"" + std::to_string(list.start) + "\"";
        } else {
            out_ += "<ul";
        }
        if (tasks) out_ += " class=\"tasks\"";
        out_ += ">\n";
        for (const auto& item : list.items) {
            out_ += "<li" + block_dir_;
            if (item.task != core::TaskState::none) {
                const bool done = item.task == core::TaskState::checked;
                // EPUB 3.2 has no forms: a glyph in a span shows the state instead of <input>.
                out_ += done ? " class=\"task done\"><span class=\"task-box "
                             : " class=\"task\"><span class=\"task-box ";
                out_ += chrome_class;
                out_ += done ? "\" role=\"img\" aria-label=\"done\">☑</span> "
                             : "\" role=\"img\" aria-label=\"to do\">☐</span> ";
            } else {
                out_ += ">";
            }
            write_blocks(item.children, list.tight);
            out_ += "</li>\n";
        }
        out_ += list.ordered ? "</ol>\n" : "</ul>\n";
    }

    void block_node(const core::CodeBlock& code, const core::SourceSpan&, bool) {
        out_ += "<pre><code";
        std::string language = code.info.substr(0, code.info.find_first_of(" \t{"));
        language.erase(
            std::remove_if(language.begin(), language.end(),
                           [](unsigned char c) {
                               return !(std::isalnum(c) || c == '-' || c == '_' || c == '+');
                           }),
            language.end());
        if (!language.empty()) out_ += " class=\"language-" + language + "\"";
        out_ += ">";
        append_xml(out_, code.code);
        out_ += "</code></pre>\n";
    }

    void block_node(const core::ThematicBreak&, const core::SourceSpan&, bool) {
        out_ += "<hr/>\n";
    }

    void block_node(const core::Table& table, const core::SourceSpan&, bool) {
        out_ += "<table>\n<thead>\n";
        write_row(table.header, table.alignments, true);
        out_ += "</thead>\n";
        if (!table.rows.empty()) {
            out_ += "<tbody>\n";
            for (const auto& row : table.rows) write_row(row, table.alignments, false);
            out_ += "</tbody>\n";
        }
        out_ += "</table>\n";
    }

    void write_row(const core::TableRow& row, const std::vector<core::Alignment>& align,
                   bool head) {
        out_ += "<tr>";
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const auto a = i < align.size() ? align[i] : core::Alignment::none;
            out_ += head ? "\n<th scope=\"col\"" : "\n<td";
            // Alignment through classes: `align=` is obsolete in XHTML5 (RSC-005).
            if (a == core::Alignment::left) out_ += " class=\"left\"";
            if (a == core::Alignment::center) out_ += " class=\"center\"";
            if (a == core::Alignment::right) out_ += " class=\"right\"";
            out_ += ">";
            write_inlines(row.cells[i].children, false);
            out_ += head ? "</th>" : "</td>";
        }
        out_ += "\n</tr>\n";
    }

    void block_node(const core::FootnoteDefinition& fn, const core::SourceSpan&, bool) {
        const std::string n = std::to_string(fn.number);
        out_ += "<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"" + prefix_ + "fn" + n +
                "\">\n";
        // The back link comes first, so pop-up readers show the number before the text.
        std::string back = "<a class=\"fn-back " + std::string(chrome_class) + "\" href=\"#" +
                           prefix_ + "fnref" + n + "\" role=\"doc-backlink\">" + n + ".</a> ";
        if (defined_.count(fn.number) && defined_[fn.number] == 0) {
            back = "<span class=\"fn-back " + std::string(chrome_class) + "\">" + n + ".</span> ";
        }
        auto first = fn.children.begin();
        if (first != fn.children.end()) {
            if (const auto* p = std::get_if<core::Paragraph>(&first->node)) {
                out_ += "<p>" + back;
                write_inlines(p->children, false);
                out_ += "</p>\n";
                ++first;
            } else {
                out_ += "<p>" + back + "</p>\n";
            }
        } else {
            out_ += "<p>" + back + "</p>\n";
        }
        for (; first != fn.children.end(); ++first) write_block(*first, false);
        out_ += "</aside>\n";
    }

    // ---- inlines --------------------------------------------------------------------------

    void write_inlines(const std::vector<core::Inline>& inlines, bool inside_link) {
        // cmark splits text at smart quotes; joined again, a quote inside an English passage
        // of a Chinese post lands in that passage's span instead of taking the Chinese font.
        std::string pending;
        for (const auto& in : inlines) {
            if (const auto* t = std::get_if<core::Text>(&in.node)) {
                pending += t->text;
                continue;
            }
            if (!pending.empty()) {
                text(pending);
                pending.clear();
            }
            std::visit([&](const auto& node) { inline_node(node, in.span, inside_link); }, in.node);
        }
        if (!pending.empty()) text(pending);
    }

    void inline_node(const core::Text& t, const core::SourceSpan&, bool) { text(t.text); }
    void inline_node(const core::SoftBreak&, const core::SourceSpan&, bool) { out_ += '\n'; }
    void inline_node(const core::HardBreak&, const core::SourceSpan&, bool) { out_ += "<br/>\n"; }
    void inline_node(const core::Emphasis& e, const core::SourceSpan&, bool link) {
        out_ += "<em>";
        write_inlines(e.children, link);
        out_ += "</em>";
    }
    void inline_node(const core::Strong& e, const core::SourceSpan&, bool link) {
        out_ += "<strong>";
        write_inlines(e.children, link);
        out_ += "</strong>";
    }
    void inline_node(const core::Strikethrough& e, const core::SourceSpan&, bool link) {
        out_ += "<s>";
        write_inlines(e.children, link);
        out_ += "</s>";
    }
    void inline_node(const core::InlineCode& c, const core::SourceSpan&, bool) {
        out_ += "<code>";
        append_xml(out_, c.code);
        out_ += "</code>";
    }

    void inline_node(const core::Link& link, const core::SourceSpan& span, bool inside_link) {
        LinkTarget target = inside_link ? LinkTarget{} : resolve_link(link.url, plan_, index_);
        if (!target.problem.empty()) warn(span, target.problem);
        if (target.kind == LinkTarget::Kind::none) {
            write_inlines(link.children, inside_link);
            return;
        }
        out_ += "<a href=\"" + xml_escape(target.href) + "\"";
        if (!link.title.empty()) out_ += " title=\"" + xml_escape(link.title) + "\"";
        if (target.kind == LinkTarget::Kind::external) out_ += " class=\"external\"";
        out_ += ">";
        write_inlines(link.children, true);
        out_ += "</a>";
    }

    void inline_node(const core::Image& img, const core::SourceSpan&, bool) {
        // The first pass already warned about images it could not use.
        auto it = std::find_if(post_.images.begin(), post_.images.end(),
                               [&](const auto& p) { return p.first == img.source; });
        if (it == post_.images.end() || it->second.empty()) {
            out_ += "<span class=\"missing-image\">";
            text(img.alt);
            out_ += "</span>";
            return;
        }
        // An image without a description gets no alt attribute: alt="" would call it
        // decorative, and checkers such as Ace could not report it (the first pass warned).
        out_ += "<img src=\"../" + xml_escape(it->second) + "\"";
        if (!img.alt.empty()) out_ += " alt=\"" + xml_escape(img.alt) + "\"";
        if (!img.title.empty()) out_ += " title=\"" + xml_escape(img.title) + "\"";
        // The size the author gave in HTML; the style sheet still keeps it within the page.
        if (img.width) out_ += " width=\"" + std::to_string(img.width) + "\"";
        if (img.height) out_ += " height=\"" + std::to_string(img.height) + "\"";
        out_ += "/>";
    }

    void inline_node(const core::Phrase& phrase, const core::SourceSpan&, bool inside_link) {
        const char* element = phrase_element(phrase.kind);
        out_ += "<" + std::string(element);
        // A tag that is not well formed would make the chapter invalid; the text stays.
        if (core::is_language_tag(phrase.language))
            out_ += " lang=\"" + phrase.language + "\" xml:lang=\"" + phrase.language + "\"";
        if (!phrase.direction.empty()) out_ += " dir=\"" + phrase.direction + "\"";
        if (!phrase.title.empty()) out_ += " title=\"" + xml_escape(phrase.title) + "\"";
        out_ += ">";
        write_inlines(phrase.children, inside_link);
        out_ += "</" + std::string(element) + ">";
    }

    static const char* phrase_element(core::PhraseKind kind) {
        switch (kind) {
            case core::PhraseKind::superscript:
                return "sup";
            case core::PhraseKind::subscript:
                return "sub";
            case core::PhraseKind::underline:
                return "u";
            case core::PhraseKind::highlight:
                return "mark";
            case core::PhraseKind::small:
                return "small";
            case core::PhraseKind::inserted:
                return "ins";
            case core::PhraseKind::abbreviation:
                return "abbr";
            case core::PhraseKind::quotation:
                return "q";
            case core::PhraseKind::language:
                break;
        }
        return "span";
    }

    void inline_node(const core::Anchor& anchor, const core::SourceSpan&, bool) {
        // An id written twice (an anchor named like a heading) would make the chapter invalid;
        // links lead to the first.
        const std::string id = heading_xhtml_id(anchor.id);
        if (!written_ids_.insert(id).second) return;
        out_ += "<span id=\"" + xml_escape(id) + "\"></span>";
    }

    void inline_node(const core::FootnoteReference& ref, const core::SourceSpan& span,
                     bool inside_link) {
        auto it = defined_.find(ref.number);
        if (ref.number <= 0 || it == defined_.end() || inside_link) {
            if (!inside_link) warn(span, "footnote [^" + ref.label + "] has no text");
            out_ += xml_escape(std::to_string(ref.number > 0 ? ref.number : 0));
            return;
        }
        const std::string n = std::to_string(ref.number);
        std::string id = prefix_ + "fnref" + n;
        if (it->second > 0) id += "-" + std::to_string(it->second + 1);
        ++it->second;
        // No <sup> inside the link: readers detect the note reference by the link alone.
        out_ += "<a epub:type=\"noteref\" role=\"doc-noteref\" class=\"noteref\" id=\"" + id +
                "\" href=\"#" + prefix_ + "fn" + n + "\">" + n + "</a>";
    }

    const BookPlan& plan_;
    std::size_t index_;
    const PostInfo& post_;
    const core::Document& doc_;
    core::Diagnostics& diags_;
    std::set<std::string> written_ids_;  ///< heading and anchor ids, each written once
    std::string lang_;
    std::string latin_lang_;      ///< language of Latin passages in a non-Latin chapter
    std::string block_dir_;       ///< ` dir="auto"` on blocks of right-to-left chapters
    std::string prefix_;          ///< makes footnote ids unique across the book
    std::map<int, int> defined_;  ///< footnote number → references written so far
    int top_heading_level_ = 1;   ///< the post's highest heading level, written as h2
    int last_heading_level_ = 1;  ///< the level of the heading written last (h1: the title)
    std::string out_;
};

}  // namespace

std::string write_chapter(const core::Document& doc, const BookPlan& plan, std::size_t index,
                          core::Diagnostics& diags) {
    return ChapterWriter(plan, index, doc, diags).write();
}

}  // namespace broadside::epub
