#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/fonts/catalog.hpp"
#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// A piece of a paragraph's text with one look, as the block walker collects it from inlines.
/// A span whose text is "\n" is a forced line break.
struct TextSpan {
    std::string text;  ///< UTF-8
    bool bold = false;
    bool italic = false;
    bool mono = false;
    std::string link;          ///< target URL, empty when the span is not a link
    int line = 0;              ///< source line of the span's first byte (1-based, 0 = unknown)
    int column = 0;            ///< source column of the span's first byte (1-based, 0 = unknown)
    bool strike = false;       ///< struck through (GFM ~~…~~)
    bool superscript = false;  ///< smaller and raised (footnote references)
    int footnote = 0;          ///< number of the footnote this span refers to, 0 for none
    std::string lang{};        ///< BCP 47 the text names for itself (`<span lang>`), or empty
};

/// The destination of footnote `number`, where its reference links to. A colon, which heading
/// ids never have, keeps it apart from them; a PDF book prefixes it per chapter as it does them.
inline constexpr std::string_view footnote_anchor_prefix = "fn:";
inline std::string footnote_anchor(int number) {
    return std::string(footnote_anchor_prefix) + std::to_string(number);
}

/// Paragraph-wide settings of itemization.
struct ParagraphFormat {
    std::string lang;              ///< BCP 47 language of the text (`en`, `zh-Hans`, `ug`)
    std::string family = "serif";  ///< `serif`, `sans`, `mono` or a family name
    bool bold = false;             ///< every span bold (headings)
    bool italic = false;           ///< every span italic
    std::string file;              ///< source file, for diagnostics
    /// The base direction, when the text's own must not decide (a letter's furniture follows
    /// the letter's direction); unset: the first strong character's, else the language's.
    std::optional<bool> rtl;
};

/// A maximal run of the paragraph with one bidi level, script, face and span: the unit that is
/// shaped. Offsets are bytes into `Itemized::text`.
struct TextItem {
    std::size_t begin = 0, end = 0;
    int level = 0;       ///< UAX #9 embedding level; odd = right to left
    std::string script;  ///< ISO 15924 code (`Latn`, `Arab`, `Hani`, `Tibt`, …)
    FontRef face;
    std::size_t span = 0;  ///< index into the spans
};

/// The paragraph's text and its items in logical order.
struct Itemized {
    std::string text;                      ///< the spans joined
    std::vector<std::size_t> span_starts;  ///< byte offset of each span in `text`
    std::vector<TextSpan> spans;
    std::vector<TextItem> items;
    int base_level = 0;  ///< paragraph direction: 0 left to right, 1 right to left
    std::string lang;
};

/// Splits a paragraph into shaping items: bidi levels with ICU's ubidi (base direction from the
/// first strong character, or from `lang` when there is none), script runs (Common and
/// Inherited characters join their neighbours, paired brackets share a script), and font runs
/// with per-character fallback through `resolver`. A code point no installed font covers adds a
/// warning at its file:line:column naming U+XXXX, and is drawn with the chain's first face.
/// Invalid UTF-8 must have been replaced before (the reader does that).
Itemized itemize(std::vector<TextSpan> spans, const ParagraphFormat& format,
                 fonts::FontResolver& resolver, core::Diagnostics& diags);

}  // namespace broadside::pdf
