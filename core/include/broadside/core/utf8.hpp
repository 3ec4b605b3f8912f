#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace broadside::core {

/// Where invalid UTF-8 was found: 1-based line and byte column of the first bad byte of a line.
struct Utf8Problem {
    int line = 0;
    int column = 0;
};

/// Replaces every invalid UTF-8 sequence with U+FFFD (one per maximal invalid subpart, as the
/// Unicode standard recommends) and reports the first problem of each line where that happened.
std::string sanitize_utf8(std::string_view bytes, std::vector<Utf8Problem>& problems);

/// Decodes one code point at `pos` (which must be valid UTF-8) and advances `pos`.
char32_t decode_utf8(std::string_view s, std::size_t& pos);
/// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

}  // namespace broadside::core
