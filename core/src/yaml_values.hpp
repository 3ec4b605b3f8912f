#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/meta.hpp"

namespace broadside::core {

/// Parses YAML text into typed values: YAML 1.2 core scalars plus dates; quoted scalars stay
/// strings. `first_line` is the 1-based line of the text in its file, so errors point into the
/// file; `what` names the text in messages ("front matter", "data file"). On a syntax error,
/// an unclosed quote or an alias bomb, an error is added and the result is empty.
std::optional<MetaValue> parse_yaml(std::string_view yaml, int first_line, const std::string& path,
                                    const std::string& what, Diagnostics& diags);

}  // namespace broadside::core
