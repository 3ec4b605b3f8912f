#pragma once

#include <vector>

#include "broadside/core/document.hpp"
#include "broadside/pdf/itemize.hpp"

namespace broadside::pdf {

/// The look the surrounding block gives its inlines (table header cells are bold).
struct InlineLook {
    bool bold = false;
    bool italic = false;
};

/// Flattens inlines into styled text spans in reading order: emphasis and strong become
/// italic and bold, inline code monospace, links keep their URL, footnote references become
/// superscript numbers that name their footnote, strikethrough is marked, soft breaks are
/// spaces and hard breaks "\n". Images inside text show their alt text. Superscript phrases
/// are raised; other phrases (subscript, underline…) print as plain text.
std::vector<TextSpan> inline_spans(const std::vector<core::Inline>& inlines,
                                   const InlineLook& look);

}  // namespace broadside::pdf
