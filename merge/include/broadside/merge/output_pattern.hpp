#pragma once

#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/records.hpp"

namespace broadside::merge {

/// Whether an `-o` value asks for one file per record (it holds a `{{field}}` placeholder).
bool is_output_pattern(const std::string& output);

/// One output path per record from an `-o` pattern such as `out/{{id}}.pdf`. Values inserted
/// into a path component are made safe: no `/` or `\`, no control or bidi-override characters,
/// no characters Windows refuses, no leading dot (so never `.` or `..`), at most 100 bytes; a
/// name left with nothing before its extension becomes `record-N`. The pattern's own folders
/// are kept as written. Two records that give the same path (compared ignoring ASCII case,
/// for case-insensitive file systems) get `-2`, `-3`… before the extension. A missing field
/// without a default is an error naming the record; the result is empty then.
std::vector<std::string> expand_output_pattern(const std::string& pattern,
                                               const std::vector<core::Record>& records,
                                               const std::string& data_file,
                                               core::Diagnostics& diags);

/// `text` as a safe file-name component (the rules above, without the `record-N` fallback).
std::string safe_file_name(const std::string& text);

}  // namespace broadside::merge
