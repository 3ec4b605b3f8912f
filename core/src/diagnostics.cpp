#include "broadside/core/diagnostics.hpp"

#include <algorithm>
#include <cctype>
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

namespace {

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            break;
    }
    return "info";
}

// A JSON string: quotes, backslashes and control characters escaped; UTF-8 passes as is.
std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace

std::string diagnostic_code(const Diagnostic& d) {
    const std::string& m = d.message;
    auto is_letter = [&](std::size_t i) {
        return i < m.size() && std::isalpha(static_cast<unsigned char>(m[i])) != 0;
    };
    std::string code;
    int words = 0;
    bool quoted = false, in_word = false;
    int parenthesis = 0;  // "(89 characters)" after a long value says nothing of the kind
    for (std::size_t i = 0; i < m.size(); ++i) {
        const char c = m[i];
        if (!quoted && (c == '(' || c == ')')) {
            parenthesis += c == '(' ? 1 : parenthesis > 0 ? -1 : 0;
            in_word = false;
            continue;
        }
        if (parenthesis > 0) continue;
        // A quote opens or closes a value; an apostrophe inside a word ("book's") does not.
        if (c == '\'' && !(i > 0 && is_letter(i - 1) && is_letter(i + 1))) {
            quoted = !quoted;
            continue;
        }
        if (quoted) continue;
        if (c == ':') break;
        const bool letter = is_letter(i);
        if (letter && !in_word) {
            if (words == 6) break;
            if (!code.empty()) code += '-';
            ++words;
        }
        in_word = letter;
        if (letter) code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return code;
}

std::string diagnostics_json(const std::vector<Diagnostic>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Diagnostic& d = items[i];
        out += i == 0 ? "\n  " : ",\n  ";
        out += "{\"file\": " + json_string(d.file) + ", \"line\": " + std::to_string(d.line) +
               ", \"column\": " + std::to_string(d.column) +
               ", \"severity\": " + json_string(severity_name(d.severity)) +
               ", \"code\": " + json_string(diagnostic_code(d)) +
               ", \"message\": " + json_string(d.message) + ", \"hint\": " + json_string(d.hint) +
               "}";
    }
    return out + (items.empty() ? "]\n" : "\n]\n");
}

}  // namespace broadside::core
