#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/reader.hpp"

namespace broadside::core {

/// Parses a Markdown body (CommonMark + GFM tables, strikethrough, autolinks, tag filter, task
/// lists, footnotes, smart punctuation) into blocks. `first_line` is the body's 1-based line in
/// the file so spans count in the whole file. Heading ids are assigned here. The raw HTML
/// pieces translated are counted in `counts`.
std::vector<Block> parse_markdown(std::string_view body, int first_line, const std::string& path,
                                  const Limits& limits, Diagnostics& diags, ReadCounts& counts);

}  // namespace broadside::core
