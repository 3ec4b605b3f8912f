#pragma once

#include <string>

namespace broadside::pdf {

/// How Poppler (pdftotext, Evince, Okular) will order the text of a page: it counts strong
/// left-to-right minus right-to-left characters over the page and treats the page as
/// left-to-right when the count is not negative. Returns that count for `text`.
int direction_balance(const std::u32string& text);

/// The ActualText to give a line with right-to-left text so that Poppler's extraction returns
/// `logical`. Poppler places a span's characters left to right over the span and then reverses
/// every right-to-left section of the line (one stretch of R/AL characters and neutrals, cut
/// at L characters and digits), or reads the whole line right to left on a right-to-left page,
/// so a line holding numbers or Latin words inside Arabic script comes out in visual chunks.
/// This function applies the inverse of that rule and puts a LEFT-TO-RIGHT or RIGHT-TO-LEFT
/// MARK where a neutral character would otherwise be pulled into the wrong section. The marks
/// are invisible format characters; extraction yields `logical` plus such marks and the
/// embedding controls Poppler adds itself.
std::u32string poppler_actual_text(const std::u32string& logical, bool page_left_to_right);

}  // namespace broadside::pdf
