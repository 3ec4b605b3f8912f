#include "broadside/core/slug.hpp"

#include <unicode/uchar.h>

#include "broadside/core/utf8.hpp"

namespace broadside::core {

std::string SlugGenerator::make(std::string_view text) {
    // GitHub's rule, so links written for GitHub or a blog engine keep working: lower case,
    // keep letters, marks, digits, `_` and `-`, turn spaces into `-`, drop the rest.
    std::string base;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = decode_utf8(text, i);
        auto c = static_cast<UChar32>(cp);
        if (c == ' ' || c == '-') {
            base += '-';
        } else if (c == '_' || u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) {
            append_utf8(base, static_cast<char32_t>(u_tolower(c)));
        }
    }
    if (base.empty()) base = "section";
    auto [it, fresh] = seen_.try_emplace(base, 1);
    if (fresh) return base;
    // A numbered slug may collide with a literal heading ("a-1"), so keep counting until free.
    std::string slug;
    do {
        slug = base + "-" + std::to_string(it->second++);
    } while (seen_.count(slug));
    seen_.emplace(slug, 1);
    return slug;
}

}  // namespace broadside::core
