#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"

namespace broadside::core {

/// Limits that keep hostile input bounded. Deeper block nesting is flattened with a warning.
struct ReaderLimits {
    int max_nesting = 128;
    std::size_t max_file_bytes = 64u << 20;  ///< larger files are refused with an error
};

/// Reads a Markdown file with optional YAML front matter into a Document. Safe to call from
/// several threads at once.
/// Diagnostics (errors and warnings) are appended to `diags`; on an error the result is empty.
/// `path` names the file in diagnostics and supplies a Jekyll-style `YYYY-MM-DD-` date.
std::optional<Document> read_document_text(std::string_view bytes, const std::string& path,
                                           Diagnostics& diags, const ReaderLimits& limits = {});

/// Reads a file from disk and parses it as `read_document_text` does. A missing file, a
/// directory, an unreadable or empty file is an error naming the path.
std::optional<Document> read_document_file(const std::string& path, Diagnostics& diags,
                                           const ReaderLimits& limits = {});

}  // namespace broadside::core
