#include "broadside/core/model_dump.hpp"

#include <algorithm>
#include <cstdio>

#include "broadside/core/overloaded.hpp"

namespace broadside::core {
namespace {

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string at(const SourceSpan& s) {
    return " @" + std::to_string(s.line) + ":" + std::to_string(s.column);
}

const char* alignment_name(Alignment a) {
    switch (a) {
        case Alignment::left:
            return "left";
        case Alignment::center:
            return "center";
        case Alignment::right:
            return "right";
        case Alignment::none:
            break;
    }
    return "none";
}

const char* phrase_kind_name(PhraseKind k) {
    switch (k) {
        case PhraseKind::superscript:
            return "superscript";
        case PhraseKind::subscript:
            return "subscript";
        case PhraseKind::underline:
            return "underline";
        case PhraseKind::highlight:
            return "highlight";
        case PhraseKind::small:
            return "small";
        case PhraseKind::inserted:
            return "inserted";
        case PhraseKind::abbreviation:
            return "abbreviation";
        case PhraseKind::quotation:
            return "quotation";
        case PhraseKind::language:
            break;
    }
    return "language";
}

class Dumper {
  public:
    std::string out;

    void meta_value(const std::string& label, const MetaValue& v, int depth) {
        line(depth, label +
                        std::visit(overloaded{
                                       [](const std::monostate&) -> std::string { return "null"; },
                                       [](const std::string& s) { return quoted(s) + " (string)"; },
                                       [&](const double&) { return v.to_text() + " (number)"; },
                                       [](const bool& b) -> std::string {
                                           return b ? "true (bool)" : "false (bool)";
                                       },
                                       [](const Date& d) { return d.iso() + " (date)"; },
                                       [](const MetaList& l) {
                                           return "(list of " + std::to_string(l.size()) + ")";
                                       },
                                       [](const MetaMap& m) {
                                           return "(map of " + std::to_string(m.size()) + ")";
                                       },
                                   },
                                   v.value) +
                        at(v.span));
        if (const auto* list = v.as_list())
            for (const auto& item : *list) meta_value("- ", item, depth + 1);
        if (const auto* map = v.as_map())
            for (const auto& [k, item] : *map) meta_value(k + ": ", item, depth + 1);
    }

    void blocks(const std::vector<Block>& bs, int depth) {
        for (const auto& b : bs) block(b, depth);
    }

    void block(const Block& b, int d) {
        std::visit(
            overloaded{
                [&](const Paragraph& p) {
                    line(d, "paragraph" + at(b.span));
                    inlines(p.children, d + 1);
                },
                [&](const Heading& h) {
                    line(d, "heading level=" + std::to_string(h.level) + " id=" + quoted(h.id) +
                                at(b.span));
                    inlines(h.children, d + 1);
                },
                [&](const BlockQuote& q) {
                    line(d, "block_quote" + at(b.span));
                    blocks(q.children, d + 1);
                },
                [&](const List& l) {
                    line(d, std::string(l.ordered ? "ordered_list start=" + std::to_string(l.start)
                                                  : "bullet_list") +
                                (l.tight ? " tight" : " loose") + at(b.span));
                    for (const auto& item : l.items) {
                        line(d + 1, std::string("item") +
                                        (item.task == TaskState::checked     ? " task=checked"
                                         : item.task == TaskState::unchecked ? " task=unchecked"
                                                                             : "") +
                                        at(item.span));
                        blocks(item.children, d + 2);
                    }
                },
                [&](const CodeBlock& c) {
                    line(d, "code_block info=" + quoted(c.info) + at(b.span));
                    line(d + 1, quoted(c.code));
                },
                [&](const ThematicBreak&) { line(d, "thematic_break" + at(b.span)); },
                [&](const Table& t) {
                    std::string aligns;
                    for (auto a : t.alignments)
                        aligns += std::string(aligns.empty() ? "" : ",") + alignment_name(a);
                    line(d, "table columns=" + std::to_string(t.alignments.size()) +
                                " align=" + aligns + at(b.span));
                    row("header", t.header, d + 1);
                    for (const auto& r : t.rows) row("row", r, d + 1);
                },
                [&](const FootnoteDefinition& f) {
                    line(d, "footnote_definition number=" + std::to_string(f.number) +
                                " label=" + quoted(f.label) + at(b.span));
                    blocks(f.children, d + 1);
                },
            },
            b.node);
    }

    void row(const char* name, const TableRow& r, int d) {
        line(d, name + at(r.span));
        for (const auto& c : r.cells) {
            line(d + 1, "cell" + at(c.span));
            inlines(c.children, d + 2);
        }
    }

    void inlines(const std::vector<Inline>& is, int d) {
        for (const auto& i : is) inline_node(i, d);
    }

    void inline_node(const Inline& i, int d) {
        std::visit(
            overloaded{
                [&](const Text& t) { line(d, "text " + quoted(t.text) + at(i.span)); },
                [&](const SoftBreak&) { line(d, "soft_break" + at(i.span)); },
                [&](const HardBreak&) { line(d, "hard_break" + at(i.span)); },
                [&](const Emphasis& e) {
                    line(d, "emphasis" + at(i.span));
                    inlines(e.children, d + 1);
                },
                [&](const Strong& s) {
                    line(d, "strong" + at(i.span));
                    inlines(s.children, d + 1);
                },
                [&](const Strikethrough& s) {
                    line(d, "strikethrough" + at(i.span));
                    inlines(s.children, d + 1);
                },
                [&](const InlineCode& c) { line(d, "code " + quoted(c.code) + at(i.span)); },
                [&](const Link& l) {
                    line(d, std::string(l.autolink ? "autolink" : "link") +
                                " url=" + quoted(l.url) +
                                (l.title.empty() ? "" : " title=" + quoted(l.title)) + at(i.span));
                    inlines(l.children, d + 1);
                },
                [&](const Image& img) {
                    line(d, "image src=" + quoted(img.source) + " alt=" + quoted(img.alt) +
                                (img.title.empty() ? "" : " title=" + quoted(img.title)) +
                                (img.width ? " width=" + std::to_string(img.width) : "") +
                                (img.height ? " height=" + std::to_string(img.height) : "") +
                                at(i.span));
                },
                [&](const Phrase& p) {
                    line(d, "phrase kind=" + std::string(phrase_kind_name(p.kind)) +
                                (p.language.empty() ? "" : " lang=" + quoted(p.language)) +
                                (p.direction.empty() ? "" : " dir=" + p.direction) +
                                (p.title.empty() ? "" : " title=" + quoted(p.title)) + at(i.span));
                    inlines(p.children, d + 1);
                },
                [&](const Anchor& a) { line(d, "anchor id=" + quoted(a.id) + at(i.span)); },
                [&](const FootnoteReference& r) {
                    line(d, "footnote_reference number=" + std::to_string(r.number) +
                                " label=" + quoted(r.label) + at(i.span));
                },
            },
            i.node);
    }

    void line(int depth, const std::string& text) {
        out.append(static_cast<std::size_t>(depth) * 2, ' ');
        out += text;
        out += '\n';
    }
};

}  // namespace

std::string dump_document(const Document& doc) {
    Dumper d;
    d.line(0, "document " + quoted(doc.source_path));
    d.line(1, "meta");
    for (const auto& [k, v] : doc.meta.values()) d.meta_value(k + ": ", v, 2);
    // A date the front matter does not hold under a date key: from the file name or the URL.
    if (auto source = doc.meta.date_source();
        source && !std::ranges::count(date_keys, std::string_view(*source)))
        d.line(2, "(date from " + *source + "): " + doc.meta.date()->iso() + " (date)");
    d.line(1, "body");
    d.blocks(doc.blocks, 2);
    return d.out;
}

}  // namespace broadside::core
