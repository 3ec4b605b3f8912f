#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/limits.hpp"

namespace broadside::core {

/// One mail-merge record: field name → text, in the data file's column order.
struct Record {
    std::vector<std::pair<std::string, std::string>> fields;
    int number = 0;  ///< 1-based position among the records
    int line = 0;    ///< 1-based line in the data file where the record starts

    /// The field's text, or null when the record has no such field.
    [[nodiscard]] const std::string* find(std::string_view name) const;
};

/// Parses CSV as RFC 4180 describes it: a header row of unique field names, then one record a
/// row; quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF; UTF-8 with or
/// without a BOM. Blank lines are skipped. A row with more or fewer fields than the header, an
/// unclosed quote or text after a closing quote is an error naming the line; the result is
/// empty then.
std::optional<std::vector<Record>> parse_csv_records(std::string_view text, const std::string& path,
                                                     Diagnostics& diags);

/// Parses YAML records: a list of maps (or a map whose `records` key holds that list). Scalar
/// values become text; nested lists and maps are an error naming the line.
std::optional<std::vector<Record>> parse_yaml_records(std::string_view text,
                                                      const std::string& path, Diagnostics& diags);

/// `records` as CSV (RFC 4180, CRLF line ends, fields quoted when they hold a comma, quote or
/// line break): a header of every field name, in the order the records first use them, then a
/// row a record (empty for a field a record lacks). What a merged letter carries as the record
/// it was made from (`--attach-record`), readable by any spreadsheet.
std::string records_csv(const std::vector<Record>& records);

/// Reads a data file by its extension: `.csv`, or `.yaml`/`.yml`. Other extensions, a missing
/// file, one over `max_bytes` or a file with no records are errors.
std::optional<std::vector<Record>> read_records_file(
    const std::string& path, Diagnostics& diags, std::uint64_t max_bytes = Limits{}.max_file_bytes);

}  // namespace broadside::core
