#pragma once

#include <optional>

#include "block_layout.hpp"
#include "page_composer.hpp"
#include "vertical_list.hpp"

namespace broadside::pdf {

/// Lays a document out as a letter of the style's letter geometry (LETTERS.md): the first page
/// holds the letterhead, the return-address line, notes and recipient address in the window
/// field, the information block and the fold and hole marks; the text runs subject, opening,
/// body, closing with signatures side by side (one block, kept with the last body lines),
/// signatories in balanced columns, cc, enclosures and postscript; later pages get a short
/// continuation head, every page of a letter longer than one page "Page X of Y".
/// Fills `list` and returns the page plan, or nothing after an error in the environment's
/// diagnostics (an address with more lines than the window holds).
std::optional<PagePlan> layout_letter(const core::Document& doc, BlockEnvironment& env,
                                      VerticalList& list);

}  // namespace broadside::pdf
