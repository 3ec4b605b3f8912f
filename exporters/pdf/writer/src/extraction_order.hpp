#pragma once

#include <string>

namespace broadside::pdf {

/// Poppler's own bidirectional classes (UnicodeTypeTable.cc), which are not Unicode's: its
/// table predates several Unicode versions, it counts ES, ET, CS and AN characters ('.', ',',
/// '-', ':', '/', '%', NO-BREAK SPACE, ARABIC COMMA) as numbers, and it calls every character
/// above U+FFFF neutral. Its reordering treats numbers like left-to-right letters; only its page
/// direction count tells them apart.
enum class PopplerClass { ltr, rtl, number, neutral };

/// The class Poppler 22.12 gives `c`. The table behind it was read back from pdftotext for
/// every BMP code point, not taken from ICU, which disagrees on several hundred of them.
PopplerClass poppler_class(char32_t c);

/// How Poppler (pdftotext, Evince, Okular) will order the text of a page: it counts its strong
/// left-to-right minus right-to-left characters over the page and treats the page as
/// left-to-right when the count is not negative. Returns that count for `text`. The marks
/// poppler_actual_text adds always lean the page's way, so they never flip the sign.
int direction_balance(const std::u32string& text);

/// The ActualText to give a line with right-to-left text so that Poppler's extraction returns
/// `logical`. Poppler takes the span as one word, its characters in the order given, and then
/// reorders the line (TextOutputDev's reorderText). On a left-to-right page it cuts the line
/// into stretches without R characters, kept as they are, and stretches without L characters
/// or numbers, reversed; on a right-to-left page it reads the same stretches from the right
/// end, reversing the other kind. This function applies the inverse of that rule, and puts a
/// LEFT-TO-RIGHT or RIGHT-TO-LEFT MARK where neutral characters would otherwise join the wrong
/// stretch. The marks are invisible format characters; extraction yields `logical` plus such
/// marks and the embedding controls Poppler adds itself.
///
/// pdftotext -raw always reorders as on a left-to-right page, so on right-to-left pages it
/// returns logical order only for lines whose two readings agree (no L letters or numbers
/// between right-to-left words); one string cannot satisfy both rules otherwise.
std::u32string poppler_actual_text(const std::u32string& logical, bool page_left_to_right);

}  // namespace broadside::pdf
