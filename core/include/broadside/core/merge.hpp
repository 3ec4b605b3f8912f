#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"

namespace broadside::core {

/// Looks a merge field up by name; nothing when the field does not exist.
using FieldLookup = std::function<std::optional<std::string>(std::string_view name)>;

/// Replaces `{{field}}` and `{{field|default}}` in the document's front-matter strings, its
/// text, link URLs and image sources. Values are inserted as text, never parsed as Markdown or
/// YAML, so a name holding `*` or `:` stays what it is. A field that `lookup` does not know and
/// that has no default is an error at the placeholder, naming `record` (e.g. "record 3
/// (recipients.csv:4)") and the field. Returns false when any error was added.
bool fill_fields(Document& doc, const FieldLookup& lookup, const std::string& record,
                 Diagnostics& diags);

/// Whether the document has any `{{…}}` placeholder (a template needs merge data).
bool has_fields(const Document& doc);

}  // namespace broadside::core
