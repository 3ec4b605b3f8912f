#include "length.hpp"

#include <charconv>
#include <string>

namespace broadside::styles {

std::optional<double> parse_length(std::string_view text) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || value < 0) return std::nullopt;
    std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
    if (unit.empty() || unit == "pt") return value;
    if (unit == "mm") return value * 72.0 / 25.4;
    if (unit == "cm") return value * 72.0 / 2.54;
    if (unit == "in") return value * 72.0;
    return std::nullopt;
}

}  // namespace broadside::styles
