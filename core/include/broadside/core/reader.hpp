#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/limits.hpp"
#include "broadside/core/site.hpp"

namespace broadside::core {

/// Reads a Markdown file with optional YAML front matter into a Document. Safe to call from
/// several threads at once.
/// Diagnostics (errors and warnings) are appended to `diags`; on an error the result is empty.
/// `limits` bounds nesting (deeper content is flattened, with a warning), table size and, for
/// `read_document_file`, the file's size (both errors).
/// `path` names the file in diagnostics and supplies a Jekyll-style `YYYY-MM-DD-` date.
/// `site`, when the post belongs to one, answers Liquid's `{{ site.x }}`, `relative_url` and
/// `{% include %}`.
std::optional<Document> read_document_text(std::string_view bytes, const std::string& path,
                                           Diagnostics& diags, const Limits& limits = {},
                                           const Site* site = nullptr);

/// Reads a file from disk and parses it as `read_document_text` does. A missing file, a
/// directory, an unreadable or empty file is an error naming the path.
std::optional<Document> read_document_file(const std::string& path, Diagnostics& diags,
                                           const Limits& limits = {},
                                           const Site* site = nullptr);

}  // namespace broadside::core
