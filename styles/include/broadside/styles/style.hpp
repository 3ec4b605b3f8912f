#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/limits.hpp"
#include "broadside/core/resources.hpp"

namespace broadside::styles {

/// An sRGB colour, each channel 0..255.
struct Color {
    int r = 0, g = 0, b = 0;
    /// `#rrggbb`
    [[nodiscard]] std::string hex() const;
};

/// Font families per script. Keys are ISO 15924 codes in lower case (`latn`, `cyrl`, `hans`,
/// `hant`, `arab`, `tibt`) plus `mono` for code; values are family names tried in order, before
/// the built-in catalog chains.
using FontChains = std::map<std::string, std::vector<std::string>>;

/// Text settings of one kind of text (body, a heading level, code). Sizes in points.
struct TextStyle {
    std::string family;  ///< `serif`, `sans`, `mono` or a concrete family name
    double size = 10.5;
    double leading = 14;  ///< baseline to baseline
    bool bold = false;
    bool italic = false;
    Color color;
    double space_before = 0;
    double space_after = 0;
};

/// Where a letter's parts sit on its first page, for window envelopes (LETTERS.md). Lengths are
/// points from the sheet's top-left corner.
struct LetterGeometry {
    bool enabled = false;  ///< the style is a letter style
    /// The address field (the envelope's window); a height of 0 means no window: the address
    /// then opens the text.
    double address_x = 0, address_y = 0, address_width = 0, address_height = 0;
    double return_line_height = 0;  ///< top zone of the field: the sender's one-line address
    double notes_height = 0;        ///< the zone under it: "Registered", "By hand"
    double address_indent = 0;      ///< the address text's inset from the field's left edge
    /// Clear space kept inside the field on every side, so that the insert's play in the
    /// envelope never hides a line. Unset: 4 mm above and below (3 mm, and 1 mm for accents
    /// and descenders that reach out of a line's box) and 3 mm at the sides.
    std::optional<double> address_clearance;
    int address_lines = 6;  ///< the lines the address zone is set for, and the most it takes
    /// The information block (references, date, place) right of the field; width 0: none, and
    /// the date and place stand above the subject instead.
    double info_x = 0, info_y = 0, info_width = 0;
    double body_top = 0;  ///< where page 1's text starts
    std::vector<double> fold_marks;  ///< y of each fold mark
    double hole_mark = 0;            ///< y of the hole-punch mark; 0 for none
    bool marks = true;               ///< print fold and hole marks
    /// A letterhead image (PNG or JPEG, absolute path) for letters whose front matter names
    /// none; empty for the sender's name as text.
    std::string letterhead;
};

/// A style resolved into concrete values: everything the exporters need, nothing left to look
/// up. Lengths are in PostScript points (1/72 in).
struct Style {
    std::string name;  ///< preset name or the file it came from
    double page_width = 595.276;
    double page_height = 841.89;
    double margin_top = 72, margin_bottom = 72, margin_left = 72, margin_right = 72;
    TextStyle body;
    std::array<TextStyle, 6> headings;  ///< levels 1..6 at index 0..5
    TextStyle code;
    TextStyle footnote;
    Color link_color;
    Color rule_color;
    bool justify = true;
    bool hyphenate = true;
    double paragraph_spacing = 0;  ///< extra space between paragraphs
    double paragraph_indent = 0;   ///< first-line indent of paragraphs after the first
    bool page_numbers = true;
    bool running_head = false;
    FontChains fonts;
    LetterGeometry letter;
    /// Words the style sets for every language (`words: {cc: "Copy to:"}`), over the
    /// language's table (`words.hpp`).
    std::map<std::string, std::string> words;
};

/// Loads a style: `name_or_path` is a preset in the styles folder (`default`, `din-5008-a`, …)
/// or a YAML file. Values missing from the file come from the style it `extends` (default:
/// `default`). Unknown keys and bad values are errors naming the key, file and line; the result
/// is empty then.
std::optional<Style> load_style(const std::string& name_or_path, core::Diagnostics& diags);

/// Loads the style a document names in its front matter (`style:`): a preset as `load_style`
/// does, or a style file relative to `document_dir` that, like every file it extends or names
/// (a letterhead), must lie where `sandbox` allows; anything else is an error saying how to
/// allow it. A document from someone else cannot make broadside read files outside its folder.
std::optional<Style> load_document_style(const std::string& name_or_path,
                                         const std::string& document_dir,
                                         const core::ResourcePolicy& sandbox,
                                         core::Diagnostics& diags);

/// The style a document asks for with its front matter's `style:` (a preset, or a file within
/// the document's folder or `resource_paths`, as load_document_style allows), else `default`.
std::optional<Style> style_for_document(const core::Document& doc,
                                        const std::vector<std::string>& resource_paths,
                                        const core::Limits& limits, core::Diagnostics& diags);

/// The folder holding the preset style files, word tables and mail services: the
/// BROADSIDE_STYLES environment variable, else `share/broadside/styles` of the prefix the
/// running program is installed in, else the source tree's `styles/` (a build-tree program),
/// else the folder `cmake --install` wrote them to.
std::string styles_folder();

}  // namespace broadside::styles
