#pragma once

#include <optional>
#include <vector>

#include "broadside/core/document.hpp"
#include "broadside/pdf/itemize.hpp"
#include "broadside/pdf/layout.hpp"
#include "broadside/styles/style.hpp"

namespace broadside::pdf {

/// One block of the document flattened for line placement: styled text spans or a rule, with
/// its indentation and spacing resolved from the style.
struct FlowBlock {
    enum class Kind { text, rule };
    Kind kind = Kind::text;
    std::vector<TextSpan> spans;
    styles::TextStyle style;
    double indent = 0;             ///< points from the frame's left edge
    std::optional<Anchor> anchor;  ///< headings
    bool keep_with_next = false;
    /// A body paragraph (not a heading, list marker line, code or table row): one that follows
    /// another gets the style's first-line indent.
    bool paragraph = false;
};

/// Walks the document's blocks in reading order. Lists and quotes become indented text blocks
/// (list markers as text), code blocks keep their lines as forced breaks, table rows become
/// one line of cells, footnote definitions keep their number in front. Raw HTML is left out,
/// as in the model's plain text.
std::vector<FlowBlock> flow_blocks(const core::Document& doc, const styles::Style& style);

}  // namespace broadside::pdf
