#pragma once

#include <string_view>

namespace broadside::core {

/// Whether `tag` has the shape of a BCP 47 language tag as documents write them: a primary
/// language of 2 or 3 letters, then subtags of 1 to 8 letters or digits joined by '-'
/// (`en`, `zh-Hans`, `ug-Arab-CN`). Scanned by hand, in one pass: `lang:` is untrusted text.
bool is_language_tag(std::string_view tag);

}  // namespace broadside::core
