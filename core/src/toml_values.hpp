#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/meta.hpp"

namespace broadside::core {

/// Parses TOML text (Hugo's and Zola's `+++` front matter) into the same typed values as
/// parse_yaml: strings, numbers, booleans, dates (TOML's own dates and date-times), lists and
/// maps, with keys in the order they were written. `first_line` is the 1-based line of the
/// text in its file, so messages point into the file. On a syntax error an error is added at
/// toml++'s line and column and the result is empty.
std::optional<MetaValue> parse_toml(std::string_view toml, int first_line, const std::string& path,
                                    const std::string& what, Diagnostics& diags);

}  // namespace broadside::core
