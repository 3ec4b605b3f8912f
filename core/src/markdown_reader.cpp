// The only file that includes cmark-gfm: it turns cmark's tree into our value types.
#include "markdown_reader.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cmark-gfm/node.h>  // footnote labels are reachable only through the node struct

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "broadside/core/plain_text.hpp"
#include "broadside/core/slug.hpp"
#include "html_to_model.hpp"

namespace broadside::core {
namespace {

using ParserPtr = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;
using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

constexpr const char* extensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                      "tasklist"};

std::string_view type_name(cmark_node* n) {
    return cmark_node_get_type_string(n);
}

std::string literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? s : "";
}

std::string chunk_text(const cmark_chunk& c) {
    return c.data ? std::string(reinterpret_cast<const char*>(c.data), c.len) : std::string();
}

// `## Motivation {#motivation .wide}`: the attribute block Zola, Hugo, kramdown and pandoc
// read at the end of a heading. It is taken off the heading's text; its `#id` is returned
// (empty when it names none) and its classes and key=value pairs are dropped.
std::string take_heading_attributes(std::vector<Inline>& children) {
    if (children.empty()) return {};
    auto* text = std::get_if<Text>(&children.back().node);
    if (!text) return {};
    std::string& s = text->text;
    const std::size_t end = s.find_last_not_of(" \t");
    if (end == std::string::npos || s[end] != '}') return {};
    const std::size_t open = s.rfind('{', end);
    if (open == std::string::npos) return {};
    const std::string_view inside = std::string_view(s).substr(open + 1, end - open - 1);
    std::string id;
    std::size_t i = 0;
    while (i < inside.size()) {
        while (i < inside.size() && inside[i] == ' ') ++i;
        const std::size_t word_end = std::min(inside.find(' ', i), inside.size());
        const std::string_view word = inside.substr(i, word_end - i);
        i = word_end;
        if (word.empty()) continue;
        const bool attribute = word.size() > 1 && (word[0] == '#' || word[0] == '.');
        if (!attribute && word.find('=') == std::string_view::npos) return {};  // plain braces
        if (word[0] == '#') id = word.substr(1);
    }
    if (open > 0 && s[open - 1] != ' ' && s[open - 1] != '\t') return {};  // `f{#x}` is text
    s.resize(open);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    if (s.empty()) children.pop_back();
    return id;
}

class TreeConverter {
  public:
    TreeConverter(int first_line, const std::string& path, const Limits& limits, Diagnostics& diags,
                  ReadCounts& counts)
        : line_offset_(first_line - 1),
          path_(path),
          limits_(limits),
          diags_(diags),
          counts_(counts),
          html_{path_, limits_, slugs_, diags_} {}

    std::vector<Block> document(cmark_node* root) {
        std::vector<Block> blocks;
        children_blocks(root, 0, blocks);
        return blocks;
    }

  private:
    SourceSpan span(cmark_node* n) const {
        int line = cmark_node_get_start_line(n), end = cmark_node_get_end_line(n);
        return {line > 0 ? line + line_offset_ : 0, cmark_node_get_start_column(n),
                end > 0 ? end + line_offset_ : 0, cmark_node_get_end_column(n)};
    }

    // Blocks nested deeper than the limit are lifted into the container at the limit, so text
    // is never lost and neither our recursion nor later exporters' can exhaust the stack.
    void children_blocks(cmark_node* parent, int depth, std::vector<Block>& out) {
        for (cmark_node* c = cmark_node_first_child(parent); c;) {
            if (cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK) {
                c = html_group(c, depth, out);
                continue;
            }
            block(c, depth, out);
            c = cmark_node_next(c);
        }
    }

    // An HTML block that leaves a <div>, <details> or <table> open holds the blocks after it
    // up to the HTML block that closes it (cmark ends HTML blocks at blank lines): they are
    // translated together. Returns the first block after the group.
    cmark_node* html_group(cmark_node* first, int depth, std::vector<Block>& out) {
        std::vector<HtmlPart> parts;
        int open = 0;
        cmark_node* c = first;
        do {
            if (cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK) {
                std::string html = literal(c);
                open += open_container_balance(html);
                parts.emplace_back(HtmlPiece{std::move(html), span(c)});
                ++counts_.html_pieces;
            } else {
                std::vector<Block> markdown;
                block(c, depth, markdown);
                for (auto& b : markdown) parts.emplace_back(std::move(b));
            }
            c = cmark_node_next(c);
        } while (c && open > 0);
        for (auto& b : html_blocks_to_model(std::move(parts), html_)) out.push_back(std::move(b));
        return c;
    }

    void nested_blocks(cmark_node* parent, int depth, std::vector<Block>& out) {
        if (depth < limits_.max_nesting) {
            children_blocks(parent, depth + 1, out);
            return;
        }
        if (!depth_reported_) {
            depth_reported_ = true;
            SourceSpan s = span(parent);
            diags_.warning(path_, s.line, s.column,
                           "blocks nested deeper than " + std::to_string(limits_.max_nesting) +
                               " levels are flattened",
                           "reduce the nesting of quotes and lists");
        }
        flatten(parent, out);
    }

    // Iterative, so a 10,000-deep tree costs no stack: every leaf block below `parent` is
    // appended in document order; containers themselves are dropped.
    void flatten(cmark_node* parent, std::vector<Block>& out) {
        cmark_iter* it = cmark_iter_new(parent);
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it);
            if (ev != CMARK_EVENT_ENTER || n == parent) continue;
            auto t = cmark_node_get_type(n);
            if (t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST || t == CMARK_NODE_ITEM ||
                type_name(n) == "tasklist")
                continue;
            if ((t & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK) continue;
            block(n, limits_.max_nesting, out);
            // Skip the subtree we just converted (its leaves are already in `out`).
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
        }
        cmark_iter_free(it);
    }

    void block(cmark_node* n, int depth, std::vector<Block>& out) {
        Block b;
        b.span = span(n);
        std::string_view name = type_name(n);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH:
                b.node = Paragraph{inlines(n)};
                break;
            case CMARK_NODE_HEADING: {
                Heading h;
                h.level = cmark_node_get_heading_level(n);
                h.children = inlines(n);
                std::string given = take_heading_attributes(h.children);
                h.id = given.empty() ? slugs_.make(plain_text(h.children)) : std::move(given);
                b.node = std::move(h);
                break;
            }
            case CMARK_NODE_BLOCK_QUOTE: {
                BlockQuote q;
                nested_blocks(n, depth, q.children);
                b.node = std::move(q);
                break;
            }
            case CMARK_NODE_LIST:
                b.node = list(n, depth);
                break;
            case CMARK_NODE_CODE_BLOCK: {
                const char* info = cmark_node_get_fence_info(n);
                b.node = CodeBlock{info ? info : "", literal(n)};
                break;
            }
            case CMARK_NODE_THEMATIC_BREAK:
                b.node = ThematicBreak{};
                break;
            case CMARK_NODE_HTML_BLOCK:
                // Reached alone only when flattening too deep a tree; groups start above.
                ++counts_.html_pieces;
                for (auto& h : html_blocks_to_model({HtmlPiece{literal(n), b.span}}, html_))
                    out.push_back(std::move(h));
                return;
            case CMARK_NODE_FOOTNOTE_DEFINITION: {
                FootnoteDefinition f;
                f.label = chunk_text(n->as.literal);
                f.number = definition_number(n);
                nested_blocks(n, depth, f.children);
                b.node = std::move(f);
                break;
            }
            default:
                if (name == "table") {
                    b.node = table(n);
                    break;
                }
                return;  // CUSTOM_BLOCK and unknown extension blocks carry no content
        }
        out.push_back(std::move(b));
    }

    List list(cmark_node* n, int depth) {
        List l;
        l.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        l.start = l.ordered ? cmark_node_get_list_start(n) : 1;
        l.tight = cmark_node_get_list_tight(n);
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
            ListItem item;
            item.span = span(c);
            if (type_name(c) == "tasklist")
                item.task = cmark_gfm_extensions_get_tasklist_item_checked(c)
                                ? TaskState::checked
                                : TaskState::unchecked;
            nested_blocks(c, depth, item.children);
            l.items.push_back(std::move(item));
        }
        return l;
    }

    Table table(cmark_node* n) {
        Table t;
        uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
        const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
        for (uint16_t i = 0; i < columns; ++i) {
            char a = align ? static_cast<char>(align[i]) : 0;
            t.alignments.push_back(a == 'l'   ? Alignment::left
                                   : a == 'c' ? Alignment::center
                                   : a == 'r' ? Alignment::right
                                              : Alignment::none);
        }
        bool first = true;
        std::uint64_t cells = 0;
        for (cmark_node* r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
            // Counted before converting, so a huge table costs no memory beyond cmark's own.
            cells += std::max<std::uint64_t>(columns, 1);
            if (cells > limits_.max_table_cells) {
                SourceSpan at = span(n);
                diags_.error(path_, at.line, at.column,
                             "this table has more than " + std::to_string(limits_.max_table_cells) +
                                 " cells",
                             "split it into several tables; " + raise_hint("--max-table-cells N"));
                break;
            }
            TableRow row;
            row.span = span(r);
            for (cmark_node* c = cmark_node_first_child(r); c; c = cmark_node_next(c)) {
                // Cells cmark-gfm adds to pad a short row have no column; they sit in the row.
                SourceSpan at = span(c);
                row.cells.push_back(TableCell{inlines(c), at.column > 0 ? at : row.span});
            }
            // cmark-gfm pads short rows already; keep the invariant even if it did not.
            while (row.cells.size() < columns) row.cells.push_back(TableCell{{}, row.span});
            if (first && cmark_gfm_extensions_get_table_row_is_header(r))
                t.header = std::move(row);
            else
                t.rows.push_back(std::move(row));
            first = false;
        }
        return t;
    }

    // Inlines nested deeper than the limit (runs of `*`, `[`) keep only their text.
    std::vector<Inline> inlines(cmark_node* parent, int depth = 0) {
        std::vector<Inline> out;
        if (depth >= limits_.max_nesting) {
            out.push_back(Inline{Text{subtree_text(parent)}, span(parent)});
            return out;
        }
        bool has_html = false;
        for (cmark_node* c = cmark_node_first_child(parent); c && !has_html; c = cmark_node_next(c))
            has_html = cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE;
        if (has_html) return html_inlines(parent, depth);
        for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
            inline_node(c, depth, out);
        return out;
    }

    // cmark hands raw HTML over one tag at a time; the tags of one container are translated
    // together with the Markdown between them.
    std::vector<Inline> html_inlines(cmark_node* parent, int depth) {
        std::vector<InlinePart> parts;
        for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
            if (cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE) {
                parts.emplace_back(HtmlPiece{literal(c), span(c)});
                ++counts_.html_pieces;
                continue;
            }
            std::vector<Inline> markdown;
            inline_node(c, depth, markdown);
            for (auto& i : markdown) parts.emplace_back(std::move(i));
        }
        return html_inlines_to_model(std::move(parts), html_);
    }

    static std::string subtree_text(cmark_node* parent) {
        std::string text;
        cmark_iter* it = cmark_iter_new(parent);
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it);
            auto t = cmark_node_get_type(n);
            if (ev != CMARK_EVENT_ENTER) continue;
            if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) text += literal(n);
            if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) text += ' ';
        }
        cmark_iter_free(it);
        return text;
    }

    void inline_node(cmark_node* n, int depth, std::vector<Inline>& out) {
        Inline i;
        i.span = span(n);
        // cmark gives line breaks no position; they sit where the previous inline ends.
        if (i.span.line == 0 && !out.empty())
            i.span = {out.back().span.end_line, out.back().span.end_column + 1,
                      out.back().span.end_line, out.back().span.end_column + 1};
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT: {
                // cmark splits text at every delimiter it considered; joining keeps the model
                // (and its dump) one Text per run of plain text.
                std::string t = literal(n);
                if (!out.empty())
                    if (auto* prev = std::get_if<Text>(&out.back().node)) {
                        prev->text += t;
                        out.back().span.end_line = i.span.end_line;
                        out.back().span.end_column = i.span.end_column;
                        return;
                    }
                i.node = Text{std::move(t)};
                break;
            }
            case CMARK_NODE_SOFTBREAK:
                i.node = SoftBreak{};
                break;
            case CMARK_NODE_LINEBREAK:
                i.node = HardBreak{};
                break;
            case CMARK_NODE_CODE:
                i.node = InlineCode{literal(n)};
                break;
            case CMARK_NODE_EMPH:
                i.node = Emphasis{inlines(n, depth + 1)};
                break;
            case CMARK_NODE_STRONG:
                i.node = Strong{inlines(n, depth + 1)};
                break;
            case CMARK_NODE_LINK:
                i.node = link(n, depth);
                break;
            case CMARK_NODE_IMAGE: {
                const char* url = cmark_node_get_url(n);
                const char* title = cmark_node_get_title(n);
                i.node =
                    Image{url ? url : "", title ? title : "", plain_text(inlines(n, depth + 1))};
                break;
            }
            case CMARK_NODE_FOOTNOTE_REFERENCE: {
                cmark_node* def = n->parent_footnote_def;
                FootnoteReference r;
                r.label = def ? chunk_text(def->as.literal) : literal(n);
                r.number = def ? definition_number(def) : std::atoi(literal(n).c_str());
                i.node = std::move(r);
                break;
            }
            default:
                if (type_name(n) == "strikethrough") {
                    i.node = Strikethrough{inlines(n, depth + 1)};
                    break;
                }
                return;
        }
        out.push_back(std::move(i));
    }

    Link link(cmark_node* n, int depth) {
        Link l;
        const char* url = cmark_node_get_url(n);
        const char* title = cmark_node_get_title(n);
        l.url = url ? url : "";
        l.title = title ? title : "";
        cmark_node* only = cmark_node_first_child(n);
        if (only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_TEXT) {
            std::string text = literal(only);
            // `<https://x>`, bare `https://x`, `www.x` (→ http://www.x) and e-mail autolinks
            // all have exactly the URL, minus an added scheme, as their text.
            l.autolink = l.url == text || l.url == "http://" + text || l.url == "mailto:" + text;
        }
        l.children = inlines(n, depth + 1);
        return l;
    }

    // Definitions are numbered by their first reference (cmark-gfm's order); the reference
    // literal carries that number, and definitions come out of the parser in the same order.
    int definition_number(cmark_node* def) {
        auto [it, fresh] = footnote_numbers_.try_emplace(def, 0);
        if (fresh) it->second = static_cast<int>(footnote_numbers_.size());
        return it->second;
    }

    int line_offset_;
    const std::string& path_;
    const Limits& limits_;
    Diagnostics& diags_;
    ReadCounts& counts_;
    SlugGenerator slugs_;
    bool depth_reported_ = false;
    std::unordered_map<cmark_node*, int> footnote_numbers_;
    HtmlContext html_;
};

void register_extensions_once() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

}  // namespace

std::vector<Block> parse_markdown(std::string_view body, int first_line, const std::string& path,
                                  const Limits& limits, Diagnostics& diags, ReadCounts& counts) {
    register_extensions_once();
    NodePtr root(nullptr, cmark_node_free);
    {
        // cmark-gfm 0.29 switches its extensions' special characters on and off in one global
        // table around every parse, so parses must not overlap (parallel ones lost autolinks).
        // Turning the tree into our model below needs no lock.
        static std::mutex parse_mutex;
        std::lock_guard lock(parse_mutex);
        ParserPtr parser(cmark_parser_new(CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES),
                         cmark_parser_free);
        for (const char* name : extensions)
            if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
                cmark_parser_attach_syntax_extension(parser.get(), ext);
        cmark_parser_feed(parser.get(), body.data(), body.size());
        root.reset(cmark_parser_finish(parser.get()));
    }
    TreeConverter converter(first_line, path, limits, diags, counts);
    return converter.document(root.get());
}

}  // namespace broadside::core
