#include "broadside/core/plain_text.hpp"

#include <filesystem>
#include <type_traits>

#include "broadside/core/overloaded.hpp"

namespace broadside::core {
namespace {

void inlines_text(const std::vector<Inline>& inlines, std::string& out);

void inline_text(const Inline& i, std::string& out) {
    std::visit(overloaded{
                   [&](const Text& t) { out += t.text; },
                   [&](const SoftBreak&) { out += ' '; },
                   [&](const HardBreak&) { out += '\n'; },
                   [&](const Emphasis& e) { inlines_text(e.children, out); },
                   [&](const Strong& s) { inlines_text(s.children, out); },
                   [&](const Strikethrough& s) { inlines_text(s.children, out); },
                   [&](const InlineCode& c) { out += c.code; },
                   [&](const Link& l) { inlines_text(l.children, out); },
                   [&](const Image& img) { out += img.alt; },
                   [&](const Phrase& p) { inlines_text(p.children, out); },
                   [&](const Anchor&) {},
                   [&](const FootnoteReference& r) { out += std::to_string(r.number); },
               },
               i.node);
}

void inlines_text(const std::vector<Inline>& inlines, std::string& out) {
    for (const auto& i : inlines) inline_text(i, out);
}

void blocks_text(const std::vector<Block>& blocks, std::string& out);

void block_text(const Block& b, std::string& out) {
    std::visit(overloaded{
                   [&](const Paragraph& p) { inlines_text(p.children, out); },
                   [&](const Heading& h) { inlines_text(h.children, out); },
                   [&](const BlockQuote& q) { blocks_text(q.children, out); },
                   [&](const List& l) {
                       for (const auto& item : l.items) {
                           blocks_text(item.children, out);
                           out += '\n';
                       }
                   },
                   [&](const CodeBlock& c) { out += c.code; },
                   [&](const ThematicBreak&) {},
                   [&](const Table& t) {
                       auto row = [&](const TableRow& r) {
                           for (const auto& cell : r.cells) {
                               inlines_text(cell.children, out);
                               out += ' ';
                           }
                           out += '\n';
                       };
                       row(t.header);
                       for (const auto& r : t.rows) row(r);
                   },
                   [&](const FootnoteDefinition& f) { blocks_text(f.children, out); },
               },
               b.node);
    out += '\n';
}

void blocks_text(const std::vector<Block>& blocks, std::string& out) {
    for (const auto& b : blocks) block_text(b, out);
}

}  // namespace

std::string plain_text(const std::vector<Inline>& inlines) {
    std::string out;
    inlines_text(inlines, out);
    return out;
}

std::string plain_text(const Document& doc) {
    std::string out;
    blocks_text(doc.blocks, out);  // footnote definitions are already last in the model
    return out;
}

std::string normalize_whitespace(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

namespace {

const Heading* first_heading(const std::vector<Block>& blocks) {
    for (const auto& b : blocks) {
        const Heading* found =
            std::visit(overloaded{
                           [](const Heading& h) { return &h; },
                           [](const BlockQuote& q) { return first_heading(q.children); },
                           [](const List& l) {
                               for (const auto& item : l.items)
                                   if (const Heading* h = first_heading(item.children)) return h;
                               return static_cast<const Heading*>(nullptr);
                           },
                           [](const auto&) { return static_cast<const Heading*>(nullptr); },
                       },
                       b.node);
        if (found) return found;
    }
    return nullptr;
}

}  // namespace

std::string document_title(const Document& doc) {
    if (auto title = doc.meta.title()) return *title;
    if (const Heading* h = first_heading(doc.blocks)) {
        std::string text = plain_text(h->children);
        if (!text.empty()) return text;
    }
    return std::filesystem::path(doc.source_path).stem().string();
}

}  // namespace broadside::core
