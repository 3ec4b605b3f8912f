#pragma once

namespace broadside::core {

/// A position range in a source file. Lines and columns are 1-based and count in the original
/// file (front matter included); 0 means "unknown". Columns count bytes, as cmark does.
struct SourceSpan {
    int line = 0;
    int column = 0;
    int end_line = 0;
    int end_column = 0;
};

}  // namespace broadside::core
