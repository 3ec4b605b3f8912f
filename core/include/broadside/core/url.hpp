#pragma once

#include <string>
#include <string_view>

namespace broadside::core {

/// Decodes `%XX` escapes (as in `my%20post.md` or `#caf%C3%A9`); other characters, and a `%`
/// not followed by two hex digits, are kept as they are.
std::string percent_decode(std::string_view text);

}  // namespace broadside::core
