#pragma once

#include <optional>
#include <string>
#include <vector>

#include "book_plan.hpp"
#include "broadside/core/diagnostics.hpp"
#include "broadside/styles/style.hpp"
#include "package_docs.hpp"
#include "stylesheet.hpp"

namespace broadside::epub {

/// One subset font file for the package.
struct FontFile {
    ExtraItem item;    ///< manifest entry (`fonts/han.otf`, `font/otf`)
    std::string data;  ///< the sfnt bytes
};

/// The fonts a book embeds and the `@font-face` rules that use them.
struct EmbeddedFonts {
    std::vector<FontFile> files;
    std::vector<FontFace> faces;
};

/// Subsets (hb-subset, layout tables kept so readers can shape Arabic and Tibetan) one font per
/// non-Latin script the book's text uses (Han, Arabic, Tibetan), taken from the font catalog's
/// serif chain after the style's own `fonts:` families, to the code points the book uses.
/// `requested` nothing means "when the text needs it". A script no installed font covers is a
/// warning; the book then relies on the reader's fonts.
EmbeddedFonts embed_fonts(const BookPlan& plan, std::optional<bool> requested,
                          const styles::Style& style, core::Diagnostics& diags);

}  // namespace broadside::epub
