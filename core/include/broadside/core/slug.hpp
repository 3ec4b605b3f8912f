#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace broadside::core {

/// Makes GitHub-style heading slugs: lower case, letters/digits of any script kept, spaces and
/// hyphens become `-`, other punctuation dropped. Repeats get `-1`, `-2`, … so every slug of one
/// generator is unique. An empty slug becomes `section`.
class SlugGenerator {
public:
    std::string make(std::string_view text);

private:
    std::unordered_map<std::string, int> seen_;
};

}  // namespace broadside::core
