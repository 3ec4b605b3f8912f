#pragma once

#include <string>
#include <vector>

#include "broadside/styles/style.hpp"
#include "scripts.hpp"

namespace broadside::epub {

/// An embedded font as the stylesheet declares it.
struct FontFace {
    std::string family;            ///< the CSS family name the book gives it
    std::string href;              ///< relative to the stylesheet, e.g. `../fonts/han.otf`
    std::string format;            ///< `opentype` or `truetype`
    Script script = Script::none;  ///< the script whose languages it serves
};

/// The book's stylesheet, derived from the same resolved style as the PDF: relative sizes (em)
/// so readers' font-size settings still work, no positioning, flexbox or viewport units
/// (e-ink readers and Kindle ignore or mangle them), and a font chain for each of `languages`
/// (the book's, with :lang()) that has one: the style's fonts for the language's script
/// (fonts::script_key of core::likely_script), then the embedded font of that script.
std::string book_stylesheet(const styles::Style& style, const std::vector<FontFace>& fonts,
                            const std::vector<std::string>& languages);

}  // namespace broadside::epub
