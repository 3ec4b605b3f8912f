// The only file that includes yaml-cpp in core: YAML text becomes typed MetaValues.
#include "yaml_values.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace broadside::core {
namespace {

// YAML we read is small; these bounds only stop alias bombs ("billion laughs") and runaway
// nesting from turning a few bytes into gigabytes or a stack overflow.
constexpr int max_depth = 64;
constexpr long max_nodes = 100000;

// Counts the digits at `s[i]` onwards and moves `i` past them.
std::size_t skip_digits(std::string_view s, std::size_t& i, bool (*is_digit)(char)) {
    std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i - start;
}

bool is_decimal_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_hex_digit(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

// A double holds 15 significant decimal digits exactly; a longer "number" (a phone number, an
// ID, 60,000 digits of a careless title) is kept as the text it was, never rounded.
constexpr std::size_t max_number_digits = 15;

// YAML 1.2 core schema: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? and 0x[0-9a-fA-F]+,
// scanned by hand: the scalar is untrusted and may be megabytes long.
std::optional<double> plain_number(std::string_view s) {
    if (s == ".inf" || s == ".Inf" || s == "+.inf") return HUGE_VAL;
    if (s == "-.inf" || s == "-.Inf") return -HUGE_VAL;
    std::size_t i = 0;
    if (s.substr(0, 2) == "0x") {
        i = 2;
        std::size_t digits = skip_digits(s, i, is_hex_digit);
        if (digits == 0 || i != s.size() || digits > 12) return std::nullopt;
        return static_cast<double>(std::strtoll(std::string(s).c_str(), nullptr, 16));
    }
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t digits = skip_digits(s, i, is_decimal_digit);
    if (i < s.size() && s[i] == '.') {
        ++i;
        digits += skip_digits(s, i, is_decimal_digit);
    }
    if (digits == 0) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        if (skip_digits(s, i, is_decimal_digit) == 0) return std::nullopt;
    }
    if (i != s.size() || digits > max_number_digits) return std::nullopt;
    double value = std::strtod(std::string(s).c_str(), nullptr);
    if (!std::isfinite(value)) return std::nullopt;  // 1e999: too large to be a number here
    return value;
}

// yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the input without its closing
// quote, silently swallowing the keys after it. Quoted scalars are checked here instead.
bool quote_is_closed(std::string_view yaml, std::size_t start) {
    char q = yaml[start];
    for (std::size_t i = start + 1; i < yaml.size(); ++i) {
        if (q == '"' && yaml[i] == '\\') {
            ++i;
        } else if (yaml[i] == q) {
            if (q == '\'' && i + 1 < yaml.size() && yaml[i + 1] == '\'') {
                ++i;  // '' is an escaped quote inside single quotes
                continue;
            }
            return true;
        }
    }
    return false;
}

class Converter {
public:
    Converter(std::string_view yaml, const std::string& path, int first_line, Diagnostics& diags)
        : yaml_(yaml), path_(path), first_line_(first_line), diags_(diags) {}

    std::optional<MetaValue> convert(const YAML::Node& node, int depth) {
        if (++nodes_ > max_nodes || depth > max_depth) {
            if (!reported_) {
                reported_ = true;
                diags_.error(path_, line_of(node), column_of(node),
                             "front matter is too large or too deeply nested",
                             "front matter holds at most " + std::to_string(max_nodes) +
                                 " values nested " + std::to_string(max_depth) +
                                 " deep; check for recursive YAML aliases");
            }
            return std::nullopt;
        }
        MetaValue v;
        v.span = {line_of(node), column_of(node), 0, 0};
        switch (node.Type()) {
            case YAML::NodeType::Undefined:
            case YAML::NodeType::Null:
                break;
            case YAML::NodeType::Scalar:
                if (!quote_closed(node)) return std::nullopt;
                v.value = scalar(node);
                break;
            case YAML::NodeType::Sequence: {
                MetaList list;
                for (const auto& item : node) {
                    auto c = convert(item, depth + 1);
                    if (!c) return std::nullopt;
                    list.push_back(std::move(*c));
                }
                v.value = std::move(list);
                break;
            }
            case YAML::NodeType::Map: {
                MetaMap map;
                for (const auto& kv : node) {
                    if (!kv.first.IsScalar()) {
                        diags_.warning(path_, line_of(kv.first), column_of(kv.first),
                                       "front-matter key is not a plain name; ignored");
                        continue;
                    }
                    auto c = convert(kv.second, depth + 1);
                    if (!c) return std::nullopt;
                    map.emplace_back(kv.first.Scalar(), std::move(*c));
                }
                v.value = std::move(map);
                break;
            }
        }
        return v;
    }

private:
    bool quote_closed(const YAML::Node& node) {
        auto pos = static_cast<std::size_t>(node.Mark().pos);
        if (node.Mark().pos < 0 || pos >= yaml_.size() || (yaml_[pos] != '"' && yaml_[pos] != '\''))
            return true;
        if (quote_is_closed(yaml_, pos)) return true;
        diags_.error(path_, line_of(node), column_of(node),
                     std::string("malformed YAML: the quote ") + yaml_[pos] +
                         " opened here is never closed",
                     "close the string on the same line");
        return false;
    }

    int line_of(const YAML::Node& n) const {
        return n.Mark().line >= 0 ? first_line_ + n.Mark().line : 0;
    }
    static int column_of(const YAML::Node& n) { return n.Mark().column >= 0 ? n.Mark().column + 1 : 0; }

    // YAML 1.2 core schema for plain scalars, plus timestamps (as Jekyll and Hugo read them).
    // Quoted scalars and `!!str` stay strings.
    static decltype(MetaValue::value) scalar(const YAML::Node& node) {
        const std::string& s = node.Scalar();
        if (node.Tag() != "?") return s;
        if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return {};
        if (s == "true" || s == "True" || s == "TRUE") return true;
        if (s == "false" || s == "False" || s == "FALSE") return false;
        if (auto n = plain_number(s)) return *n;
        if (auto d = parse_date(s)) return *d;
        return s;
    }

    std::string_view yaml_;
    const std::string& path_;
    int first_line_;
    Diagnostics& diags_;
    long nodes_ = 0;
    bool reported_ = false;
};

}  // namespace

std::optional<MetaValue> parse_yaml(std::string_view yaml, int first_line, const std::string& path,
                                    const std::string& what, Diagnostics& diags) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        int line = e.mark.line >= 0 ? first_line + e.mark.line : first_line;
        int column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
        diags.error(path, line, column, "malformed YAML " + what + ": " + e.msg,
                    "check quotes, colons and indentation on this line and the one before");
        return std::nullopt;
    }
    Converter converter(yaml, path, first_line, diags);
    return converter.convert(root, 0);
}

}  // namespace broadside::core
