#include "broadside/core/url.hpp"

#include <cctype>

namespace broadside::core {

std::string percent_decode(std::string_view s) {
    std::string out;
    auto hex = [&](std::size_t k) { return std::isxdigit(static_cast<unsigned char>(s[k])) != 0; };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(i + 1) && hex(i + 2)) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace broadside::core
