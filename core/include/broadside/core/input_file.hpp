#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"

namespace broadside::core {

/// Reads the whole file at `path`. A missing file, a folder, a file larger than `max_bytes`
/// or one that cannot be read is an error naming the path (`what` names the kind of file in
/// the messages: "Markdown file", "data file") and the result is empty. The size is checked
/// before reading, so an oversized file costs nothing.
std::optional<std::string> read_input_file(const std::string& path, std::uint64_t max_bytes,
                                           std::string_view what, Diagnostics& diags);

/// The message for a file of `size` bytes over `max_bytes`, e.g. "the image is 80 MiB, over
/// the limit of 64 MiB". Shared by every reader so they all say it the same way.
std::string file_too_large(std::string_view what, std::uint64_t size, std::uint64_t max_bytes);

}  // namespace broadside::core
