#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace broadside::pdf {

/// The PDF libharu saved, with its objects other than streams (structure elements, page and
/// font dictionaries, annotations) deflated into object streams and its cross-reference table
/// turned into a cross-reference stream (PDF 1.5, ISO 32000-1 7.5.7–7.5.8). libharu writes
/// every object as plain text; a tagged PDF has one per paragraph, line of a table and link,
/// and a merge of a thousand letters tens of thousands of them. Streams stay byte for byte
/// where they were, object numbers do not change, and the same input gives the same output.
/// Nothing when `pdf` is not in the form libharu writes (one classic cross-reference section):
/// the caller keeps it as it is.
std::optional<std::vector<std::uint8_t>> pack_objects(const std::vector<std::uint8_t>& pdf);

}  // namespace broadside::pdf
