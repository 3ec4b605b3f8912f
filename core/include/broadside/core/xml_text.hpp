#pragma once

#include <string>
#include <string_view>

namespace broadside::core {

/// Appends `text` escaped for XML character data or a double-quoted attribute value. Control
/// characters that XML 1.0 forbids are dropped, so any model text gives well-formed output.
void append_xml(std::string& out, std::string_view text);

/// `append_xml` into a new string.
std::string xml_escape(std::string_view text);

}  // namespace broadside::core
