#include "xml.hpp"

#include <cctype>

namespace broadside::epub {

bool is_safe_id(std::string_view id) {
    if (id.empty()) return false;
    const auto first = static_cast<unsigned char>(id.front());
    if (!(std::isalpha(first) || first == '_' || first >= 0x80)) return false;
    for (unsigned char c : id) {
        if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80)) return false;
    }
    return true;
}

}  // namespace broadside::epub
