#include "broadside/core/diagnostics.hpp"

#include <algorithm>
#include <cstdio>

namespace broadside::core {

void Diagnostics::error(std::string file, int line, int column, std::string message,
                        std::string hint) {
    items_.push_back(
        {Severity::error, std::move(file), line, column, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string file, int line, int column, std::string message,
                          std::string hint) {
    items_.push_back(
        {Severity::warning, std::move(file), line, column, std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::info(std::string file, int line, int column, std::string message,
                       std::string hint) {
    items_.push_back(
        {Severity::info, std::move(file), line, column, std::move(message), std::move(hint)});
}

bool Diagnostics::has_errors() const {
    return std::any_of(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file.empty() ? std::string("broadside") : d.file;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += d.severity == Severity::error     ? ": error: "
           : d.severity == Severity::warning ? ": warning: "
                                             : ": info: ";
    out += d.message;
    if (!d.hint.empty()) out += "\n  hint: " + d.hint;
    return out;
}

namespace {

constexpr std::size_t max_quoted_characters = 80;

bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// 80001 → "80,001"
std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

}  // namespace

std::string quote_value(std::string_view value) {
    std::string out = "'";
    std::size_t characters = 0;
    std::size_t i = 0;
    for (; i < value.size(); ++i) {
        char c = value[i];
        if (!is_utf8_continuation(c) && characters++ == max_quoted_characters) break;
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(c));
            out += hex;
        } else {
            out += c;
        }
    }
    if (i == value.size()) return out + "'";
    // `characters` already counts the one at `i`, where the quote was cut.
    for (++i; i < value.size(); ++i)
        if (!is_utf8_continuation(value[i])) ++characters;
    return out + "…' (" + with_thousands(characters) + " characters)";
}

}  // namespace broadside::core
