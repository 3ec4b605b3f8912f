#pragma once

#include <optional>
#include <string_view>

namespace broadside::styles {

/// Parses a length such as `10.5pt`, `25mm`, `2.5cm`, `1in` or a bare number (points) into
/// points. Returns nothing for anything else, including negative lengths.
std::optional<double> parse_length(std::string_view text);

}  // namespace broadside::styles
