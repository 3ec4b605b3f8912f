#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "broadside/core/meta.hpp"
#include "broadside/core/source_span.hpp"

namespace broadside::core {

struct Inline;
struct Block;

// ---- inlines ------------------------------------------------------------------------------

/// Literal text, UTF-8, with smart punctuation already applied by the reader.
struct Text {
    std::string text;
};
/// A line break in the source that is not a hard break (renders as a space).
struct SoftBreak {};
/// A forced line break (two trailing spaces or a backslash).
struct HardBreak {};
struct Emphasis {
    std::vector<Inline> children;
};
struct Strong {
    std::vector<Inline> children;
};
struct Strikethrough {
    std::vector<Inline> children;
};
struct InlineCode {
    std::string code;
};
/// A link; `autolink` is set for `<https://…>` and GFM bare URLs, whose text is the URL.
struct Link {
    std::string url;
    std::string title;
    std::vector<Inline> children;
    bool autolink = false;
};
/// An image; `alt` is the plain text of its description.
struct Image {
    std::string source;
    std::string title;
    std::string alt;
    /// The size the author asked for in CSS pixels (HTML `width`/`height`), 0 when not given.
    int width = 0;
    int height = 0;
};
/// Phrasing markup that HTML has and Markdown lacks, kept from raw HTML in a post (`x<sup>2</sup>`,
/// `<span lang="ug">…</span>`). Raw HTML itself never reaches the model: the reader translates
/// it into these nodes and the ones above.
enum class PhraseKind {
    superscript,
    subscript,
    underline,
    highlight,
    small,
    inserted,
    abbreviation,  ///< `title` spells it out
    quotation,
    language,  ///< only marks `language` and `direction`
};
struct Phrase {
    PhraseKind kind = PhraseKind::language;
    std::string language;   ///< a BCP 47 tag from `lang`, or empty
    std::string direction;  ///< "rtl", "ltr" or empty, from `dir`
    std::string title;
    std::vector<Inline> children;
};
/// A place a link can lead to (`#id`), from an `id` in raw HTML (`<a id="1"></a>`,
/// `<span id="poison">`); headings carry their own ids.
struct Anchor {
    std::string id;
};
/// A reference to a footnote; `number` is its 1-based order of first reference in the document.
struct FootnoteReference {
    std::string label;
    int number = 0;
};

/// One inline node with its source position.
struct Inline {
    std::variant<Text, SoftBreak, HardBreak, Emphasis, Strong, Strikethrough, InlineCode, Link,
                 Image, Phrase, Anchor, FootnoteReference>
        node;
    SourceSpan span;
};

// ---- blocks -------------------------------------------------------------------------------

struct Paragraph {
    std::vector<Inline> children;
};
/// An ATX or setext heading; `id` is a slug unique within the document.
struct Heading {
    int level = 1;  ///< 1..6
    std::string id;
    std::vector<Inline> children;
};
struct BlockQuote {
    std::vector<Block> children;
};
enum class TaskState { none, unchecked, checked };
struct ListItem {
    TaskState task = TaskState::none;
    std::vector<Block> children;
    SourceSpan span;
};
struct List {
    bool ordered = false;
    int start = 1;  ///< first number of an ordered list
    bool tight = true;
    std::vector<ListItem> items;
};
/// A fenced or indented code block; `info` is the fence's info string (empty when indented).
struct CodeBlock {
    std::string info;
    std::string code;
};
struct ThematicBreak {};
enum class Alignment { none, left, center, right };
struct TableCell {
    std::vector<Inline> children;
    SourceSpan span;
};
struct TableRow {
    std::vector<TableCell> cells;
    SourceSpan span;
};
/// A GFM table; `header` is the first row, `rows` the body. Every row has `alignments.size()`
/// cells (the reader pads short rows with empty cells).
struct Table {
    std::vector<Alignment> alignments;
    TableRow header;
    std::vector<TableRow> rows;
};
/// A footnote's text; `number` matches the references' number.
struct FootnoteDefinition {
    std::string label;
    int number = 0;
    std::vector<Block> children;
};

/// One block node with its source position.
struct Block {
    std::variant<Paragraph, Heading, BlockQuote, List, CodeBlock, ThematicBreak, Table,
                 FootnoteDefinition>
        node;
    SourceSpan span;
};

/// What reading turned into the model rather than copying it as text, counted for the summary
/// of an archive run (what was translated beside what was left out).
struct ReadCounts {
    std::size_t html_pieces = 0;    ///< raw HTML blocks and inline tags translated
    std::size_t template_tags = 0;  ///< Liquid tags and Hugo shortcodes met
    std::size_t template_tags_left_out = 0;  ///< of those, the ones that could not be run

    ReadCounts& operator+=(const ReadCounts& other) {
        html_pieces += other.html_pieces;
        template_tags += other.template_tags;
        template_tags_left_out += other.template_tags_left_out;
        return *this;
    }
};

/// A whole Markdown file: front matter and blocks. Footnote definitions come last, in the
/// order of their numbers.
struct Document {
    std::string source_path;  ///< as given by the caller; used in diagnostics
    Meta meta;
    std::vector<Block> blocks;
    ReadCounts read_counts;
};

}  // namespace broadside::core
