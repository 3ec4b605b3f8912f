#pragma once

#include <string>
#include <string_view>

namespace broadside::epub {

/// Appends `text` escaped for XML character data or a double-quoted attribute value. Control
/// characters that XML 1.0 forbids are dropped, so any model text gives well-formed output.
void append_xml(std::string& out, std::string_view text);

/// `append_xml` into a new string.
std::string xml_escape(std::string_view text);

/// True when `id` is usable as an XHTML id in every reader: an XML name (letter or `_` first)
/// made of ASCII letters, digits, `-`, `_`, `.` or non-ASCII characters, without spaces.
bool is_safe_id(std::string_view id);

}  // namespace broadside::epub
