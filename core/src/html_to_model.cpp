// Raw HTML in posts is parsed with libxml2's HTML parser, which recovers from tag soup the way
// browsers mostly do, and translated into model nodes: both exporters then print what it says,
// and neither has to trust it (no attribute, script or handler survives the translation).
#include "html_to_model.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <memory>
#include <mutex>

#include "broadside/core/plain_text.hpp"

namespace broadside::core {
namespace {

// Markdown parts stand in the HTML text as elements no HTML has, carrying the part's index.
constexpr const char* markdown_mark = "bs-markdown";
constexpr const char* inline_mark = "bs-inline";

template <std::size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view name) {
    return std::find(set.begin(), set.end(), name) != set.end();
}

// Elements that start a block of their own in flow content.
constexpr std::array<std::string_view, 43> flow_elements = {
    "address", "article", "aside", "blockquote", "body",    "caption",  "center",     "dd",
    "details", "dialog",  "div",   "dl",         "dt",      "fieldset", "figcaption", "figure",
    "footer",  "h1",      "h2",    "h3",         "h4",      "h5",       "h6",         "header",
    "hgroup",  "hr",      "html",  "li",         "main",    "menu",     "nav",        "noscript",
    "ol",      "p",       "pre",   "section",    "summary", "table",    "tbody",      "tfoot",
    "thead",   "tr",      "ul"};

// Elements that may hold Markdown between HTML blocks (their end tag is required, so an open
// one really is open).
constexpr std::array<std::string_view, 20> container_elements = {
    "article", "aside",   "audio",   "blockquote", "center", "details", "div",
    "dl",      "figure",  "footer",  "header",     "main",   "nav",     "noscript",
    "ol",      "picture", "section", "table",      "ul",     "video"};

// Elements whose text is not HTML; a `<div>` inside a script is no div.
constexpr std::array<std::string_view, 4> raw_text_elements = {"script", "style", "textarea",
                                                               "pre"};

// Shown on the screen only: nothing of them belongs in a book or on paper, and they say so.
struct Refusal {
    std::string_view element;
    std::string_view reason;
    std::string_view hint;
};
constexpr std::array<Refusal, 12> refused_elements = {{
    {"script", "a book or a PDF runs no scripts", "write what it shows as text or as an image"},
    {"style", "the book's own style sets the look", "remove it; choose a style with --style"},
    {"form", "a book or a PDF takes no input", "write the address where readers can answer"},
    {"input", "a book or a PDF takes no input", "write the address where readers can answer"},
    {"button", "a book or a PDF takes no input", "write the address where readers can answer"},
    {"select", "a book or a PDF takes no input", "write the address where readers can answer"},
    {"textarea", "a book or a PDF takes no input", "write the address where readers can answer"},
    {"object", "embedded programs do not run in a book or a PDF", "link to it instead"},
    {"embed", "embedded programs do not run in a book or a PDF", "link to it instead"},
    {"applet", "embedded programs do not run in a book or a PDF", "link to it instead"},
    {"canvas", "it is drawn by a script, which a book or a PDF does not run",
     "save the drawing as an image and write ![what it shows](drawing.png)"},
    {"svg", "an inline drawing is not read from the text",
     "save the drawing as an .svg file and write ![what it shows](drawing.svg)"},
}};

const Refusal* refusal_for(std::string_view name) {
    for (const Refusal& r : refused_elements)
        if (r.element == name) return &r;
    return nullptr;
}

// Left out silently: they hold nothing a reader sees.
constexpr std::array<std::string_view, 7> invisible_elements = {
    "title", "meta", "link", "base", "template", "frameset", "source"};

// Players and frames: a link to what they show is what a page can keep.
constexpr std::array<std::string_view, 4> media_elements = {"video", "audio", "iframe", "frame"};

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

DocPtr parse_html(const std::string& html) {
    // libxml2 must initialise its globals once before threads parse at the same time. Without
    // its "huge" option it stops at 256 levels and drops the rest of the text; our own walk is
    // bounded by the nesting limit instead, and libxml2 builds and frees trees without
    // recursion.
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
    return DocPtr(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                 HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                     HTML_PARSE_NODEFDTD | XML_PARSE_HUGE));
}

std::string_view name_of(const xmlNode* n) {
    return n->type == XML_ELEMENT_NODE ? reinterpret_cast<const char*>(n->name) : "";
}

xmlNode* root_of(xmlDoc* doc) {
    return doc ? xmlDocGetRootElement(doc) : nullptr;
}

std::string attribute(xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
}

std::string text_content(xmlNode* n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
}

// A positive whole number, perhaps followed by `unit` (`640`, `640px` for a size in CSS
// pixels, `2` for a colspan); percentages and nonsense give 0.
int positive_number(const std::string& value, std::string_view unit = {}) {
    int v = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    std::string_view rest(end, static_cast<std::size_t>(value.data() + value.size() - end));
    if (ec != std::errc() || v <= 0 || (!rest.empty() && rest != unit)) return 0;
    return v;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// HTML's white space rule: every run of spaces, tabs and line ends is one space.
std::string collapse_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (!is_space(c))
            out += c;
        else if (out.empty() || out.back() != ' ')
            out += ' ';
    }
    return out;
}

void add_text(std::vector<Inline>& out, std::string text, const SourceSpan& at) {
    if (text.empty()) return;
    if (!out.empty())
        if (auto* prev = std::get_if<Text>(&out.back().node)) {
            // One space where two runs meet, as a browser shows them.
            if (!prev->text.empty() && prev->text.back() == ' ' && text.front() == ' ')
                text.erase(0, 1);
            prev->text += text;
            return;
        }
    out.push_back(Inline{Text{std::move(text)}, at});
}

// Spaces at the edges of a paragraph and around its line breaks are not shown.
void trim_edges(std::vector<Inline>& inlines) {
    auto trim_front = [](std::vector<Inline>& v, std::size_t i) {
        if (auto* t = std::get_if<Text>(&v[i].node)) {
            t->text.erase(0, t->text.find_first_not_of(' '));
        }
    };
    auto trim_back = [](std::vector<Inline>& v, std::size_t i) {
        if (auto* t = std::get_if<Text>(&v[i].node)) {
            std::size_t last = t->text.find_last_not_of(' ');
            t->text.erase(last == std::string::npos ? 0 : last + 1);
        }
    };
    for (std::size_t i = 0; i < inlines.size(); ++i) {
        if (!std::holds_alternative<HardBreak>(inlines[i].node)) continue;
        if (i > 0) trim_back(inlines, i - 1);
        if (i + 1 < inlines.size()) trim_front(inlines, i + 1);
    }
    if (!inlines.empty()) {
        trim_front(inlines, 0);
        trim_back(inlines, inlines.size() - 1);
    }
    std::erase_if(inlines, [](const Inline& i) {
        const auto* t = std::get_if<Text>(&i.node);
        return t && t->text.empty();
    });
    while (!inlines.empty() && std::holds_alternative<HardBreak>(inlines.front().node))
        inlines.erase(inlines.begin());
    while (!inlines.empty() && std::holds_alternative<HardBreak>(inlines.back().node))
        inlines.pop_back();
}

// Where in the file a node of the parsed text stands: the parts were laid out one after
// another, each starting on a line of its own, and libxml2 counts lines.
class LineMap {
  public:
    void add(int first_line, const SourceSpan& span) { starts_.push_back({first_line, span}); }

    SourceSpan at(const xmlNode* n) const {
        long line = xmlGetLineNo(n);
        auto it = std::upper_bound(starts_.begin(), starts_.end(), line,
                                   [](long l, const Start& s) { return l < s.first_line; });
        if (it == starts_.begin()) return starts_.empty() ? SourceSpan{} : starts_.front().span;
        --it;
        int offset = static_cast<int>(line - it->first_line);
        int file_line = it->span.line + offset;
        int column = offset == 0 ? it->span.column : 1;
        return {file_line, column, file_line, column};
    }

  private:
    struct Start {
        int first_line;
        SourceSpan span;
    };
    std::vector<Start> starts_;
};

class Translator {
  public:
    Translator(const HtmlContext& context, const LineMap& lines, bool markdown_text)
        : context_(context), lines_(lines), markdown_text_(markdown_text) {}

    std::vector<Block> blocks;    // the Markdown blocks placeholders stand for
    std::vector<Inline> inlines;  // the Markdown inlines placeholders stand for

    void flow(xmlNode* parent, int depth, std::vector<Block>& out) {
        std::vector<Inline> pending;
        SourceSpan pending_at;
        auto flush = [&] {
            trim_edges(pending);
            if (!pending.empty()) out.push_back(Block{Paragraph{std::move(pending)}, pending_at});
            pending.clear();
        };
        for (xmlNode* n = parent->children; n; n = n->next) {
            if (starts_block(n)) {
                flush();
                block(n, depth, out);
            } else {
                if (pending.empty()) pending_at = lines_.at(n);
                phrasing_node(n, depth, false, pending);
            }
        }
        flush();
    }

    void phrasing(xmlNode* parent, int depth, bool in_link, std::vector<Inline>& out) {
        for (xmlNode* n = parent->children; n; n = n->next) phrasing_node(n, depth, in_link, out);
    }

  private:
    bool starts_block(xmlNode* n) const {
        std::string_view name = name_of(n);
        if (name.empty()) return false;
        if (in(flow_elements, name) || name == markdown_mark) return true;
        // An element HTML does not know (a custom element, `<progress>`) is a block when it
        // holds blocks.
        if (refusal_for(name)) return false;
        for (xmlNode* c = n->children; c; c = c->next)
            if (in(flow_elements, name_of(c)) || name_of(c) == markdown_mark) return true;
        return false;
    }

    std::size_t mark_index(xmlNode* n, std::size_t count) const {
        std::string v = attribute(n, "data-i");
        std::size_t i = count;
        std::from_chars(v.data(), v.data() + v.size(), i);
        return i;
    }

    std::vector<Inline> trimmed_phrasing(xmlNode* n, int depth) {
        std::vector<Inline> out;
        phrasing(n, depth + 1, false, out);
        trim_edges(out);
        return out;
    }

    void block(xmlNode* n, int depth, std::vector<Block>& out) {
        const std::size_t first = out.size();
        block_content(n, depth, out);
        // A block's own id (`<div id="notes">`) is a place links lead to: it goes to the first
        // paragraph or heading the block became. Headings keep theirs as their slug.
        std::string id = attribute(n, "id");
        if (id.empty() || is_heading(name_of(n))) return;
        for (std::size_t i = first; i < out.size(); ++i) {
            std::vector<Inline>* children = nullptr;
            if (auto* p = std::get_if<Paragraph>(&out[i].node)) children = &p->children;
            if (auto* h = std::get_if<Heading>(&out[i].node)) children = &h->children;
            if (!children) continue;
            children->insert(children->begin(), Inline{Anchor{std::move(id)}, out[i].span});
            return;
        }
    }

    static bool is_heading(std::string_view name) {
        return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
    }

    void block_content(xmlNode* n, int depth, std::vector<Block>& out) {
        const SourceSpan at = lines_.at(n);
        std::string_view name = name_of(n);
        if (depth >= context_.limits.max_nesting) {
            // Deeper than the model nests: the text survives, the structure does not.
            report_depth(at);
            std::string text = collapse_space(text_content(n));
            if (text.find_first_not_of(' ') != std::string::npos)
                out.push_back(Block{Paragraph{{Inline{Text{std::move(text)}, at}}}, at});
            return;
        }
        if (name == markdown_mark) {
            std::size_t i = mark_index(n, blocks.size());
            if (i < blocks.size()) out.push_back(std::move(blocks[i]));
        } else if (name == "p") {
            auto children = trimmed_phrasing(n, depth);
            if (!children.empty()) out.push_back(Block{Paragraph{std::move(children)}, at});
        } else if (is_heading(name)) {
            Heading h;
            h.level = name[1] - '0';
            h.children = trimmed_phrasing(n, depth);
            std::string id = attribute(n, "id");
            h.id = context_.slugs.make(id.empty() ? plain_text(h.children) : id);
            // Links name the id as written; the slug may differ (case, a repeat).
            if (!id.empty() && id != h.id)
                h.children.insert(h.children.begin(), Inline{Anchor{id}, at});
            out.push_back(Block{std::move(h), at});
        } else if (name == "summary" || name == "dt") {
            // A details' summary and a term: a bold line, the content follows.
            auto children = trimmed_phrasing(n, depth);
            if (!children.empty())
                out.push_back(Block{Paragraph{{Inline{Strong{std::move(children)}, at}}}, at});
        } else if (name == "figcaption" || name == "caption") {
            auto children = trimmed_phrasing(n, depth);
            if (!children.empty())
                out.push_back(Block{Paragraph{{Inline{Emphasis{std::move(children)}, at}}}, at});
        } else if (name == "blockquote") {
            BlockQuote q;
            flow(n, depth + 1, q.children);
            out.push_back(Block{std::move(q), at});
        } else if (name == "ul" || name == "ol" || name == "menu") {
            list(n, depth, at, out);
        } else if (name == "pre") {
            out.push_back(Block{code(n), at});
        } else if (name == "table") {
            table(n, depth, at, out);
        } else if (name == "hr") {
            out.push_back(Block{ThematicBreak{}, at});
        } else {
            // div, section, details, figure, li outside a list…: their content, in order.
            flow(n, depth + 1, out);
        }
    }

    void list(xmlNode* n, int depth, const SourceSpan& at, std::vector<Block>& out) {
        List l;
        l.ordered = name_of(n) == "ol";
        if (l.ordered) {
            std::string start = attribute(n, "start");
            std::from_chars(start.data(), start.data() + start.size(), l.start);
        }
        for (xmlNode* c = n->children; c; c = c->next) {
            if (name_of(c) == "li") {
                ListItem item;
                item.span = lines_.at(c);
                flow(c, depth + 1, item.children);
                for (xmlNode* g = c->children; g; g = g->next)
                    if (name_of(g) == "p") l.tight = false;
                l.items.push_back(std::move(item));
                continue;
            }
            // Anything else inside a list (a nested list written without its <li>, Markdown
            // between items) belongs to the item before it.
            std::vector<Block> stray;
            if (starts_block(c)) {
                block(c, depth + 1, stray);
            } else {
                std::vector<Inline> text;
                phrasing_node(c, depth + 1, false, text);
                trim_edges(text);
                if (!text.empty()) stray.push_back(Block{Paragraph{std::move(text)}, lines_.at(c)});
            }
            if (stray.empty()) continue;
            if (l.items.empty()) l.items.push_back(ListItem{TaskState::none, {}, lines_.at(c)});
            for (auto& b : stray) l.items.back().children.push_back(std::move(b));
        }
        if (!l.items.empty()) out.push_back(Block{std::move(l), at});
    }

    static CodeBlock code(xmlNode* n) {
        CodeBlock c;
        std::string cls = attribute(n, "class");
        for (xmlNode* k = n->children; k && cls.empty(); k = k->next)
            if (name_of(k) == "code") cls = attribute(k, "class");
        for (std::string_view prefix : {"language-", "lang-"})
            if (auto p = cls.find(prefix); p != std::string::npos) {
                std::size_t start = p + prefix.size();
                c.info = cls.substr(start, cls.find(' ', start) - start);
                break;
            }
        c.code = text_content(n);
        // HTML drops one line end right after <pre>, as Markdown's fences do.
        if (c.code.starts_with('\n')) c.code.erase(0, 1);
        if (!c.code.empty() && c.code.back() != '\n') c.code += '\n';
        return c;
    }

    static Alignment alignment(xmlNode* cell) {
        std::string a = attribute(cell, "align");
        std::string style = attribute(cell, "style");
        if (auto p = style.find("text-align"); p != std::string::npos) a = style.substr(p);
        if (a.find("center") != std::string::npos) return Alignment::center;
        if (a.find("right") != std::string::npos) return Alignment::right;
        if (a.find("left") != std::string::npos) return Alignment::left;
        return Alignment::none;
    }

    void table(xmlNode* n, int depth, const SourceSpan& at, std::vector<Block>& out) {
        std::vector<xmlNode*> rows;
        std::vector<Block> before, after;
        for (xmlNode* c = n->children; c; c = c->next) {
            std::string_view name = name_of(c);
            if (name == "tr") {
                rows.push_back(c);
            } else if (name == "thead" || name == "tbody" || name == "tfoot") {
                for (xmlNode* r = c->children; r; r = r->next)
                    if (name_of(r) == "tr") rows.push_back(r);
            } else if (name == "caption") {
                block(c, depth + 1, before);
            } else if (c->type == XML_ELEMENT_NODE) {
                // Markdown between rows and other strays come after the table, not lost.
                if (starts_block(c))
                    block(c, depth + 1, after);
                else
                    flow_one(c, depth + 1, after);
            }
        }
        for (auto& b : before) out.push_back(std::move(b));
        if (!rows.empty()) out.push_back(Block{make_table(rows, depth, at), at});
        for (auto& b : after) out.push_back(std::move(b));
    }

    void flow_one(xmlNode* n, int depth, std::vector<Block>& out) {
        std::vector<Inline> text;
        phrasing_node(n, depth, false, text);
        trim_edges(text);
        if (!text.empty()) out.push_back(Block{Paragraph{std::move(text)}, lines_.at(n)});
    }

    Table make_table(const std::vector<xmlNode*>& rows, int depth, const SourceSpan& at) {
        Table t;
        std::vector<TableRow> built;
        std::size_t columns = 0;
        std::uint64_t cells = 0;
        for (xmlNode* r : rows) {
            TableRow row;
            row.span = lines_.at(r);
            for (xmlNode* c = r->children; c; c = c->next) {
                if (name_of(c) != "td" && name_of(c) != "th") continue;
                row.cells.push_back(TableCell{trimmed_phrasing(c, depth), lines_.at(c)});
                // A cell spanning columns leaves empty cells after it: the grid stays whole.
                int span = std::clamp(positive_number(attribute(c, "colspan")), 1, 64);
                for (int i = 1; i < span; ++i) row.cells.push_back(TableCell{{}, lines_.at(c)});
            }
            cells += row.cells.size();
            if (cells > context_.limits.max_table_cells) {
                context_.diags.warning(context_.path, at.line, at.column,
                                       "this HTML table has more than " +
                                           std::to_string(context_.limits.max_table_cells) +
                                           " cells; the rows after that are left out",
                                       "split it into several tables");
                break;
            }
            columns = std::max(columns, row.cells.size());
            built.push_back(std::move(row));
        }
        columns = std::max<std::size_t>(columns, 1);
        for (auto& row : built)
            while (row.cells.size() < columns) row.cells.push_back(TableCell{{}, row.span});
        // The model's table has a header row: HTML's first row is one in nearly every table.
        xmlNode* first = rows.front();
        for (xmlNode* c = first->children; c; c = c->next)
            if (name_of(c) == "td" || name_of(c) == "th") t.alignments.push_back(alignment(c));
        t.alignments.resize(columns, Alignment::none);
        t.header = std::move(built.front());
        for (std::size_t i = 1; i < built.size(); ++i) t.rows.push_back(std::move(built[i]));
        return t;
    }

    void report_depth(const SourceSpan& at) {
        if (depth_reported_) return;
        depth_reported_ = true;
        context_.diags.warning(context_.path, at.line, at.column,
                               "raw HTML nested deeper than " +
                                   std::to_string(context_.limits.max_nesting) +
                                   " levels keeps only its text there",
                               "reduce the nesting of its elements");
    }

    void refuse(xmlNode* n, const Refusal& r) {
        SourceSpan at = lines_.at(n);
        context_.diags.warning(
            context_.path, at.line, at.column,
            "<" + std::string(r.element) + "> is left out: " + std::string(r.reason),
            std::string(r.hint));
    }

    Inline media_link(xmlNode* n, const SourceSpan& at) {
        std::string source = attribute(n, "src");
        for (xmlNode* c = n->children; c && source.empty(); c = c->next)
            if (name_of(c) == "source") source = attribute(c, "src");
        std::string label = attribute(n, "title");
        if (label.empty()) label = attribute(n, "aria-label");
        if (label.empty()) label = source;
        Link link{source, attribute(n, "title"), {Inline{Text{label}, at}}, label == source};
        return Inline{std::move(link), at};
    }

    void phrasing_node(xmlNode* n, int depth, bool in_link, std::vector<Inline>& out) {
        const SourceSpan at = lines_.at(n);
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            // In a paragraph of Markdown the text is all in the placeholders; what lies between
            // them is the line ends that kept the parts apart.
            if (!markdown_text_)
                add_text(out, collapse_space(reinterpret_cast<const char*>(n->content)), at);
            return;
        }
        if (n->type != XML_ELEMENT_NODE) return;  // comments, processing instructions
        std::string_view name = name_of(n);
        if (depth >= context_.limits.max_nesting) {
            report_depth(at);
            add_text(out, collapse_space(text_content(n)), at);
            return;
        }
        if (const Refusal* r = refusal_for(name)) {
            refuse(n, *r);
            return;
        }
        if (in(invisible_elements, name)) return;
        if (name != markdown_mark && name != inline_mark) {
            // `<a id="1"></a>`, `<sup id="fnref:3">`, the old `<a name="x">`: a link target.
            std::string id = attribute(n, "id");
            if (id.empty() && name == "a") id = attribute(n, "name");
            if (!id.empty()) out.push_back(Inline{Anchor{std::move(id)}, at});
        }
        if (name == markdown_mark) {
            markdown_blocks_as_text(n, in_link, out);
        } else if (name == inline_mark) {
            std::size_t i = mark_index(n, inlines.size());
            if (i >= inlines.size()) return;
            Inline& md = inlines[i];
            // A Markdown link inside an HTML link keeps its text: links do not nest.
            if (auto* l = std::get_if<Link>(&md.node); l && in_link) {
                for (auto& c : l->children) out.push_back(std::move(c));
            } else if (auto* t = std::get_if<Text>(&md.node)) {
                add_text(out, std::move(t->text), md.span);
            } else {
                out.push_back(std::move(md));
            }
        } else if (name == "em" || name == "i" || name == "cite" || name == "dfn" ||
                   name == "var") {
            out.push_back(Inline{Emphasis{children(n, depth, in_link)}, at});
        } else if (name == "strong" || name == "b") {
            out.push_back(Inline{Strong{children(n, depth, in_link)}, at});
        } else if (name == "s" || name == "strike" || name == "del") {
            out.push_back(Inline{Strikethrough{children(n, depth, in_link)}, at});
        } else if (name == "code" || name == "kbd" || name == "samp" || name == "tt") {
            out.push_back(Inline{InlineCode{plain_text(children(n, depth, in_link))}, at});
        } else if (name == "a") {
            std::string href = attribute(n, "href");
            if (href.empty() || in_link) {
                phrasing(n, depth + 1, in_link, out);
            } else {
                out.push_back(
                    Inline{Link{href, attribute(n, "title"), children(n, depth, true), false}, at});
            }
        } else if (name == "img") {
            out.push_back(Inline{Image{attribute(n, "src"), attribute(n, "title"),
                                       collapse_space(attribute(n, "alt")),
                                       positive_number(attribute(n, "width"), "px"),
                                       positive_number(attribute(n, "height"), "px")},
                                 at});
        } else if (name == "br") {
            out.push_back(Inline{HardBreak{}, at});
        } else if ((name == "progress" || name == "meter") && !n->children) {
            // An empty gauge shows its value; the text says it ("21/40").
            std::string value = attribute(n, "value"), max = attribute(n, "max");
            if (!value.empty()) add_text(out, max.empty() ? value : value + "/" + max, at);
        } else if (in(media_elements, name)) {
            if (in_link || (attribute(n, "src").empty() && !n->children)) return;
            Inline link = media_link(n, at);
            if (!std::get<Link>(link.node).url.empty()) out.push_back(std::move(link));
        } else if (auto kind = phrase_kind(n)) {
            Phrase p;
            p.kind = *kind;
            p.language = attribute(n, "lang");
            p.direction = attribute(n, "dir");
            if (p.direction != "rtl" && p.direction != "ltr") p.direction.clear();
            p.title = attribute(n, "title");
            p.children = children(n, depth, in_link);
            out.push_back(Inline{std::move(p), at});
        } else if (!markdown_text_ && in(flow_elements, name)) {
            // A block inside a line (a <div> in a <span>): its text, set apart by spaces.
            add_text(out, " ", at);
            phrasing(n, depth + 1, in_link, out);
            add_text(out, " ", at);
        } else {
            phrasing(n, depth + 1, in_link, out);  // span, font, progress…: their content
        }
    }

    std::vector<Inline> children(xmlNode* n, int depth, bool in_link) {
        std::vector<Inline> out;
        phrasing(n, depth + 1, in_link, out);
        return out;
    }

    static std::optional<PhraseKind> phrase_kind(xmlNode* n) {
        std::string_view name = name_of(n);
        if (name == "sup") return PhraseKind::superscript;
        if (name == "sub") return PhraseKind::subscript;
        if (name == "u") return PhraseKind::underline;
        if (name == "mark") return PhraseKind::highlight;
        if (name == "small") return PhraseKind::small;
        if (name == "ins") return PhraseKind::inserted;
        if (name == "abbr" || name == "acronym") return PhraseKind::abbreviation;
        if (name == "q") return PhraseKind::quotation;
        // Any other element that names a language or a direction keeps it for its text.
        if (!attribute(n, "lang").empty() || !attribute(n, "dir").empty())
            return PhraseKind::language;
        return std::nullopt;
    }

    // Markdown blocks that ended up inside a line of HTML (a paragraph in a <span>): their
    // inlines, a space apart.
    void markdown_blocks_as_text(xmlNode* n, bool in_link, std::vector<Inline>& out) {
        std::size_t i = mark_index(n, blocks.size());
        if (i >= blocks.size()) return;
        Block& b = blocks[i];
        const SourceSpan at = b.span;
        if (!out.empty()) add_text(out, " ", at);
        if (auto* p = std::get_if<Paragraph>(&b.node)) {
            for (auto& c : p->children) {
                if (auto* l = std::get_if<Link>(&c.node); l && in_link)
                    for (auto& lc : l->children) out.push_back(std::move(lc));
                else
                    out.push_back(std::move(c));
            }
        } else {
            Document alone;
            alone.blocks.push_back(std::move(b));
            add_text(out, collapse_space(plain_text(alone)), at);
        }
    }

    const HtmlContext& context_;
    const LineMap& lines_;
    bool markdown_text_;
    bool depth_reported_ = false;
};

std::size_t count_lines(std::string_view s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

// The text to parse: the parts one after another, each starting on a line of its own (so
// libxml2's line numbers lead back to the file), Markdown parts as `mark` elements that carry
// their index into `markdown`.
template <class Markdown>
std::string lay_out(std::vector<std::variant<HtmlPiece, Markdown>>& parts, const char* mark,
                    LineMap& lines, std::vector<Markdown>& markdown) {
    std::string text;
    int line = 1;
    for (auto& part : parts) {
        std::string piece;
        SourceSpan span;
        if (auto* h = std::get_if<HtmlPiece>(&part)) {
            piece = std::move(h->html);
            span = h->span;
        } else {
            auto& m = std::get<Markdown>(part);
            span = m.span;
            piece = "<" + std::string(mark) + " data-i=\"" + std::to_string(markdown.size()) +
                    "\"></" + mark + ">";
            markdown.push_back(std::move(m));
        }
        if (piece.empty() || piece.back() != '\n') piece += '\n';
        lines.add(line, span);
        line += static_cast<int>(count_lines(piece));
        text += piece;
    }
    return text;
}

}  // namespace

int open_container_balance(std::string_view html) {
    int balance = 0;
    std::size_t i = 0;
    auto lower = [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    };
    while ((i = html.find('<', i)) != std::string_view::npos) {
        if (html.substr(i).starts_with("<!--")) {
            std::size_t end = html.find("-->", i + 4);
            if (end == std::string_view::npos) break;
            i = end + 3;
            continue;
        }
        bool closing = i + 1 < html.size() && html[i + 1] == '/';
        std::size_t start = i + 1 + (closing ? 1 : 0), end = start;
        std::string name;
        while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end])))
            name += lower(html[end++]);
        std::size_t gt = html.find('>', end);
        bool self_closing = gt != std::string_view::npos && html[gt - 1] == '/';
        i = end;
        if (!closing && in(raw_text_elements, name)) {
            std::size_t close = html.find("</" + name, end);
            if (close == std::string_view::npos) break;
            i = close + 2 + name.size();
            continue;
        }
        if (in(container_elements, name) && !self_closing) balance += closing ? -1 : 1;
    }
    return balance;
}

std::vector<Block> html_blocks_to_model(std::vector<HtmlPart> parts, const HtmlContext& context) {
    LineMap lines;
    Translator translate(context, lines, false);
    DocPtr doc = parse_html(lay_out(parts, markdown_mark, lines, translate.blocks));
    std::vector<Block> out;
    // The whole tree, not only <body>: a script at the start lands in <head> and is reported.
    if (xmlNode* root = root_of(doc.get())) translate.flow(root, 0, out);
    return out;
}

std::vector<Inline> html_inlines_to_model(std::vector<InlinePart> parts,
                                          const HtmlContext& context) {
    LineMap lines;
    Translator translate(context, lines, true);
    DocPtr doc = parse_html(lay_out(parts, inline_mark, lines, translate.inlines));
    std::vector<Inline> out;
    if (xmlNode* root = root_of(doc.get())) translate.phrasing(root, 0, false, out);
    // A dropped element at an edge leaves the space that stood beside it.
    trim_edges(out);
    return out;
}

}  // namespace broadside::core
