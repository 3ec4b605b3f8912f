#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace broadside::core {

/// The ISO 3166-1 alpha-2 code of the country that a whole address line names, as people
/// write it on international mail: "Switzerland", "SUISSE", "Schweiz", "Швейцария", "USA".
/// Names come from ICU's locale data in the languages letters are written in (and `lang`);
/// case and surrounding spaces do not matter. nullopt when the line is not a country's name.
std::optional<std::string> country_named_by(std::string_view line, std::string_view lang);

/// `line` in capitals by the rules of `lang` (ICU: "Türkei" → "TÜRKEI", "ß" → "SS").
std::string postal_capitals(std::string_view line, std::string_view lang);

}  // namespace broadside::core
