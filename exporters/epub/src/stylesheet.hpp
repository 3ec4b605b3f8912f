#pragma once

#include <string>
#include <vector>

#include "broadside/styles/style.hpp"

namespace broadside::epub {

/// An embedded font as the stylesheet declares it.
struct FontFace {
    std::string family;                  ///< the CSS family name the book gives it
    std::string href;                    ///< relative to the stylesheet, e.g. `../fonts/han.otf`
    std::string format;                  ///< `opentype` or `truetype`
    std::vector<std::string> languages;  ///< `:lang()` selectors that use it, e.g. `zh`, `ug`
};

/// The book's stylesheet, derived from the same resolved style as the PDF: relative sizes (em)
/// so readers' font-size settings still work, no positioning, flexbox or viewport units
/// (e-ink readers and Kindle ignore or mangle them), and per-language font chains.
std::string book_stylesheet(const styles::Style& style, const std::vector<FontFace>& fonts);

}  // namespace broadside::epub
