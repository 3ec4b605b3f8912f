#include "broadside/core/language_tag.hpp"

namespace broadside::core {
namespace {

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_alnum(char c) {
    return is_ascii_letter(c) || (c >= '0' && c <= '9');
}

}  // namespace

bool is_language_tag(std::string_view tag) {
    std::size_t i = 0;
    while (i < tag.size() && is_ascii_letter(tag[i])) ++i;
    if (i < 2 || i > 3) return false;
    while (i < tag.size()) {
        if (tag[i++] != '-') return false;
        std::size_t start = i;
        while (i < tag.size() && is_ascii_alnum(tag[i])) ++i;
        if (i == start || i - start > 8) return false;
    }
    return true;
}

}  // namespace broadside::core
