#pragma once

#include <string>
#include <string_view>

#include "broadside/core/xml_text.hpp"

namespace broadside::epub {

// XML text escaping is core's, shared with the PDF's XMP metadata.
using core::append_xml;
using core::xml_escape;

/// True when `id` is usable as an XHTML id in every reader: an XML name (letter or `_` first)
/// made of ASCII letters, digits, `-`, `_`, `.` or non-ASCII characters, without spaces.
bool is_safe_id(std::string_view id);

}  // namespace broadside::epub
