#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "broadside/core/image_header.hpp"
#include "broadside/fonts/face.hpp"

namespace broadside::pdf {

// The layout IR: pages of frames of positioned items. All lengths are PostScript points with
// the origin at the top-left corner and y growing downwards; only the PDF writer flips y.

/// A position in points (x right, y down from the top-left corner of the enclosing box).
struct Point {
    double x = 0, y = 0;
};
/// An extent in points.
struct Size {
    double width = 0, height = 0;
};
struct Rect {
    Point origin;  ///< top-left corner
    Size size;
};
/// An sRGB colour, each channel 0..255.
struct Rgb {
    int r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

/// A shared, immutable font face; the writer embeds each distinct face once.
using FontRef = std::shared_ptr<const fonts::Face>;

/// One element of the document's logical structure (tagged PDF): what a piece of a page is
/// for a screen reader, a reflowing viewer and text extraction. Layout code makes one per
/// paragraph, heading, list item, table cell… and points the element's items at it; an item
/// without one is page furniture (a page number, a fold mark, a table's repeated header) and
/// becomes an artifact. Nodes are immutable and know their parent; the writer orders
/// siblings as the pages first meet them, which is the order the layout reads.
struct StructureNode;
using Structure = std::shared_ptr<const StructureNode>;
struct StructureNode {
    /// A standard structure type (Art, P, H1…H6, L, LI, Lbl, LBody, Table, TR, TH, TD,
    /// Figure, Caption, Note, BlockQuote, Code) or one of the letter's own roles (Address,
    /// Subject, Signature…) that the writer maps to a standard type.
    std::string type;
    Structure parent;            ///< null: a child of the document
    std::string lang;            ///< BCP 47, when the element's language is not its parent's
    std::string alt;             ///< a Figure's description (the image's alt text)
    std::string scope;           ///< a TH's cells: "Column" or "Row"
    std::string list_numbering;  ///< an L's markers: "Decimal", "Disc", "None"
    /// Place among its siblings when reading order is not drawing order (co-signers read down
    /// columns drawn row by row); 0 keeps the order the pages meet it in.
    std::size_t order = 0;
};
/// A new element of `type` under `parent`.
Structure make_structure(std::string type, Structure parent);

/// One positioned glyph. Advances and offsets are in points at the run's size; `cluster` is
/// the byte offset in the run's `text` of the first character this glyph renders.
struct Glyph {
    std::uint32_t id = 0;
    double x_advance = 0, x_offset = 0, y_offset = 0;  ///< y_offset: up is positive, as in fonts
    std::uint32_t cluster = 0;
};

/// Shaped text of one face, size and direction. Its position is the left end of the baseline.
/// Glyphs are in visual order (left to right on the page); `text` is the source text in
/// logical order, kept so the PDF's text comes back out (ToUnicode, ActualText).
struct GlyphRun {
    FontRef font;
    double size = 10;  ///< points
    Rgb fill;
    std::string text;  ///< UTF-8, logical order
    std::vector<Glyph> glyphs;
    bool rtl = false;
    /// The language of a run whose language is not the paragraph's (a `lang` phrase, a
    /// Uyghur word in English text), empty otherwise; tagged PDF marks it.
    std::string lang;
    /// Where `text` starts in its line's text: runs are in visual order, this gives the
    /// logical one back.
    std::size_t text_offset = 0;
    /// Sum of the glyph advances, in points.
    [[nodiscard]] double width() const;
};

/// A filled rectangle (a thematic break, an underline). Its position is the top-left corner.
struct Rule {
    Size size;
    Rgb fill;
};

/// A clickable area over text pointing at `url`. Its position is the top-left corner.
struct Link {
    Size size;
    std::string url;
    Structure tag{};     ///< the element whose text the link is in
    std::string text{};  ///< the link's text, its description for assistive technology
};

/// How an image file is encoded, as its first bytes say (not its name).
using core::ImageFormat;

/// A raster image drawn into `size` points; its position is the top-left corner. `path` is a
/// file the layout has resolved and whose header it has checked; the writer embeds each path
/// once per document and draws nothing (with a warning) if the file fails to load after all.
struct Image {
    Size size;
    std::string path;
    ImageFormat format = ImageFormat::png;
    std::string alt;  ///< UTF-8 description, for the layout dump
    Structure tag{};  ///< the Figure it shows, null for a decoration
};

/// A named place in the document (a heading) that becomes a PDF destination and, with a
/// level > 0, an outline (bookmark) entry. Its position is where a viewer should scroll to.
struct Anchor {
    std::string id;
    std::string title;  ///< UTF-8, shown in the outline
    int level = 0;      ///< 1..6 for headings, 0 for a bare destination
};

/// One line of text: its glyph runs in visual order (positioned in frame coordinates, like
/// items) and the line's text in logical order. Extractors rebuild a line from glyph positions
/// and get right-to-left text and multi-glyph clusters wrong, so the writer may wrap such a
/// line in one ActualText span that returns `text`.
struct TextLine {
    std::string text;  ///< UTF-8, logical order, without the line's trailing white space
    std::vector<std::pair<Point, GlyphRun>> runs;
    double ratio = 0;         ///< the line breaker's adjustment ratio (>0 stretched, <0 shrunk)
    bool hyphenated = false;  ///< the line ends with an inserted hyphen
    /// What the line belongs to, for the layout dump and its tests: "paragraph 2/7",
    /// "heading 1/1", "table-header", "repeated-table-header" (a continued table's header
    /// printed again), "code 3/12", "footnote 1/2"…
    std::string role;
    Structure tag{};  ///< the element the line belongs to; null: page furniture
};

/// Anything a frame can hold.
using Item = std::variant<GlyphRun, TextLine, Rule, Link, Anchor, Image>;

/// A rectangle on a page with items positioned relative to the frame's top-left corner.
struct Frame {
    Rect box;
    std::vector<std::pair<Point, Item>> items;
};

/// A range of page labels (what viewers show as the page number) starting on a page.
struct PageLabel {
    int start = 1;       ///< the number of the range's first page; decimal numbers
    std::string prefix;  ///< UTF-8 text in front of each number ("A-"); may be empty
};

/// One page: its size and its frames (body text, later also header, footer, footnotes).
struct Page {
    Size size;
    std::vector<Frame> frames;
    /// Set when a new range of page labels starts here (each letter of a merged PDF restarts
    /// at 1). Without any label the viewer counts pages 1, 2, 3…; a document whose first page
    /// has none but a later page has one gets a plain 1, 2, 3… range on the first page.
    std::optional<PageLabel> label;
};

/// The layout of a whole document.
struct Layout {
    std::vector<Page> pages;
    /// Glyphs placed in all runs; the benchmark reports glyphs per second with it.
    [[nodiscard]] std::size_t glyph_count() const;
};

}  // namespace broadside::pdf
