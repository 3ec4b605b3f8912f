// Structure-aware mutator for the targets that read YAML: the document targets (options byte,
// front matter between `---` lines, Markdown body) and, built with BROADSIDE_MUTATOR_YAML_ONLY,
// the style and records targets (options byte, YAML). Byte-level mutation grows an input a few
// bytes at a time and keeps it short, so it never builds what breaks recursive parsers and
// regex engines: a 60,000-digit title, a 100,000-deep flow sequence, an 80,000-character
// `lang`. This mutator rewrites the YAML line by line with such values, and the body with deep
// Markdown and HTML nesting; half of its calls leave the input to libFuzzer's own mutations,
// which keep the coverage-guided search going. Linked into the libFuzzer binaries only: the
// corpus replay has no use for it.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

#ifdef BROADSIDE_MUTATOR_YAML_ONLY
constexpr bool has_body = false;
#else
constexpr bool has_body = true;
#endif

using Rng = std::minstd_rand;

// Keys of front matter, letters, collections, styles and records: a value lands where a reader
// looks at it rather than in a key nobody reads.
constexpr std::array keys = {
    "title",       "subtitle",    "date",        "lang",     "language",  "author",   "authors",
    "tags",        "categories",  "description", "excerpt",  "draft",     "style",    "image",
    "cover-image", "to",          "from",        "subject",  "cc",        "encl",     "ps",
    "opening",     "closing",     "signatories", "place",    "our-ref",   "your-ref", "your-letter",
    "letterhead",  "return-line", "identifier",  "isbn",     "publisher", "creator",  "order",
    "group-by",    "tag-index",   "name",        "address",  "email",     "url",      "extends",
    "page",        "size",        "margin-top",  "body",     "family",    "leading",  "color",
    "fonts",       "latn",        "hans",        "headings", "h1"};

std::size_t pick(Rng& rng, std::size_t n) {
    return n == 0 ? 0 : rng() % n;
}

// A length between `low` and `high` (inclusive), spread evenly over the powers of two so short
// and huge values are both common; never more than `budget`.
std::size_t length_upto(Rng& rng, std::size_t low, std::size_t high, std::size_t budget) {
    high = std::min(high, budget);
    if (high <= low) return high;
    std::size_t length = low;
    while (length * 2 <= high && rng() % 2) length *= 2;
    return std::min(high, length + pick(rng, length + 1));
}

std::string repeat(std::string_view unit, std::size_t bytes) {
    std::string out;
    if (unit.empty()) return out;
    out.reserve(bytes + unit.size());
    while (out.size() + unit.size() <= bytes) out += unit;
    return out;
}

// A long scalar: the shapes that overflowed std::regex (a number of 60,000 digits, a language
// tag of thousands of subtags) and ones that stress the text path (letters, words, CJK, right
// to left, backslashes), plain or quoted.
std::string long_scalar(Rng& rng, std::size_t budget) {
    const std::size_t length = length_upto(rng, 50'000, 1'000'000, budget);
    const std::size_t half = length / 2;
    switch (pick(rng, 10)) {
        case 0:
            return repeat("1", length);
        case 1:
            return "-" + repeat("7", half) + "." + repeat("3", half) + "e5";
        case 2:
            return "0x" + repeat("fA9", length);
        case 3:
            return "en" + repeat("-abcdefgh", length);  // a language tag with many subtags
        case 4:
            return repeat("2024-", half) + "01-01";
        default: {
            constexpr std::array<std::string_view, 6> units = {
                "a", "word ", "7x", "\xe4\xb8\xad", "\xd8\xa7\xd9\x84 ", "\\"};
            std::string value = repeat(units[pick(rng, units.size())], length);
            if (rng() % 3 == 0) return "\"" + value + "\"";
            if (rng() % 3 == 0) return "'" + value + "'";
            return value;
        }
    }
}

// Flow collections nested `depth` deep: `[[[x]]]`, `{a: {a: x}}`.
std::string deep_flow(Rng& rng, std::size_t budget) {
    const bool mapping = rng() % 2;
    std::string_view open = mapping ? "{a: " : "[";
    std::string_view close = mapping ? "}" : "]";
    const std::size_t depth = length_upto(rng, 100, 200'000, budget / (open.size() + 1));
    return repeat(open, depth * open.size()) + "x" + repeat(close, depth);
}

// Block mappings nested by indentation; their size grows with the square of the depth.
std::string deep_block(Rng& rng, std::size_t budget, std::size_t indent) {
    std::string out;
    for (std::size_t level = 1;; ++level) {
        std::string line = "\n" + std::string(indent + 2 * level, ' ') + "a:";
        if (out.size() + line.size() + 2 > budget || level > 5'000) break;
        out += line;
        if (level > 8 && rng() % 64 == 0) break;
    }
    return out + " x";
}

// Aliases of aliases: nine levels of nine references each (the "billion laughs").
std::string alias_bomb() {
    std::string out = "&a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]";
    for (int level = 1; level < 9; ++level) {
        out += "\nl" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
        for (int i = 0; i < 9; ++i) out += (i ? ", *a" : "*a") + std::to_string(level - 1);
        out += "]";
    }
    return out;
}

// A sequence of many short items, block or flow.
std::string long_sequence(Rng& rng, std::size_t budget, std::size_t indent) {
    const bool block = rng() % 2;
    std::string item = block ? "\n" + std::string(indent + 2, ' ') + "- x" : "x, ";
    const std::size_t count = length_upto(rng, 100, 200'000, budget / item.size());
    return block ? repeat(item, count * item.size())
                 : "[" + repeat(item, count * item.size()) + "x]";
}

std::string small_value(Rng& rng) {
    constexpr std::array values = {"",
                                   "~",
                                   "null",
                                   "true",
                                   "no",
                                   "-1",
                                   "1e309",
                                   ".nan",
                                   "0x7fffffffffffffff",
                                   "2024-02-29",
                                   "2024-02-30",
                                   "99999-01-01",
                                   "2024-02-29T25:61:00+99:00",
                                   "0000-00-00",
                                   "zh-Hant-HK",
                                   "x-",
                                   "-",
                                   "[]",
                                   "{}",
                                   "[a, [b, {c: d}]]",
                                   "\"\\u0000\\ud800\"",
                                   "!!binary aGVsbG8=",
                                   "&x y",
                                   "*x",
                                   "|\n  line\n  line",
                                   ">-\n  folded",
                                   "\xe2\x80\xae\xef\xbf\xbf",
                                   "\xc0\x80\xff"};
    return values[pick(rng, values.size())];
}

std::string new_value(Rng& rng, std::size_t budget, std::size_t indent) {
    switch (pick(rng, 8)) {
        case 0:
        case 1:
            return long_scalar(rng, budget);
        case 2:
            return deep_flow(rng, budget);
        case 3:
            return deep_block(rng, budget, indent);
        case 4:
            return long_sequence(rng, budget, indent);
        case 5:
            return alias_bomb();
        default:
            return small_value(rng);
    }
}

// Deep or long Markdown and raw HTML for the body: the nesting limits and the line breaker.
std::string body_block(Rng& rng, std::size_t budget) {
    struct Nesting {
        std::string_view open, close;
    };
    constexpr std::array<Nesting, 7> nestings = {{{"> ", ""},
                                                  {"*", "*"},
                                                  {"**", "**"},
                                                  {"[", "](u)"},
                                                  {"![[", "](u)"},
                                                  {"<span>", "</span>"},
                                                  {"<div>\n\n", "\n\n</div>"}}};
    const std::size_t kind = pick(rng, nestings.size() + 3);
    if (kind < nestings.size()) {
        const auto [open, close] = nestings[kind];
        const std::size_t depth =
            length_upto(rng, 100, 200'000, budget / (open.size() + close.size() + 2));
        return repeat(open, depth * open.size()) + "x" + repeat(close, depth * close.size()) + "\n";
    }
    if (kind == nestings.size()) {  // one word longer than any line
        return std::string(length_upto(rng, 1'000, 1'000'000, budget), 'a') + "\n";
    }
    if (kind == nestings.size() + 1) {  // a table wider than any page
        const std::size_t columns = length_upto(rng, 10, 100'000, budget / 6);
        return repeat("|a", 2 * columns) + "|\n" + repeat("|-", 2 * columns) + "|\n";
    }
    std::string out;  // nested list items: the indentation grows with the depth
    for (std::size_t level = 0; level < 5'000; ++level) {
        std::string line = std::string(2 * level, ' ') + "- x\n";
        if (out.size() + line.size() > budget || (level > 8 && rng() % 64 == 0)) break;
        out += line;
    }
    return out;
}

struct Input {
    std::uint8_t options = 0;
    bool delimited = false;  // the YAML is front matter between `---` lines
    std::vector<std::string> lines;
    std::string body;

    std::size_t size() const {
        std::size_t n = 1 + body.size() + (delimited ? 8 : 0);
        for (const auto& line : lines) n += line.size() + 1;
        return n;
    }
};

Input split(const std::uint8_t* data, std::size_t size) {
    Input in;
    if (size > 0) in.options = data[0];
    std::string_view text(reinterpret_cast<const char*>(data), size);
    text.remove_prefix(std::min<std::size_t>(1, size));
    std::string_view yaml = text;
    if (has_body) {
        in.delimited = true;
        if (text.substr(0, 4) == "---\n") {
            std::size_t end = text.find("\n---", 3);
            if (end == std::string_view::npos) end = text.size();
            yaml = text.substr(4, end > 4 ? end - 4 : 0);
            std::size_t body = text.find('\n', end + 1);
            in.body = body == std::string_view::npos ? "" : text.substr(body + 1);
        } else {
            yaml = {};
            in.body = text;
        }
    }
    while (!yaml.empty()) {
        std::size_t end = yaml.find('\n');
        in.lines.emplace_back(yaml.substr(0, end));
        yaml = end == std::string_view::npos ? std::string_view() : yaml.substr(end + 1);
    }
    return in;
}

std::string join(const Input& in) {
    std::string out(1, static_cast<char>(in.options));
    if (in.delimited) out += "---\n";
    for (const auto& line : in.lines) out += line + "\n";
    if (in.delimited) out += "---\n";
    return out + in.body;
}

// One structural change. `room` is how many bytes the input may still grow.
void mutate(Input& in, Rng& rng, std::size_t room) {
    const std::size_t choice = pick(rng, has_body ? 9 : 6);
    const std::size_t at = pick(rng, in.lines.size() + 1);
    switch (choice) {
        case 0:
        case 1: {  // a new value for an existing `key:` line, keeping its indentation
            std::vector<std::size_t> keyed;
            for (std::size_t i = 0; i < in.lines.size(); ++i)
                if (in.lines[i].find(':') != std::string::npos) keyed.push_back(i);
            if (!keyed.empty()) {
                std::string& line = in.lines[keyed[pick(rng, keyed.size())]];
                line.erase(line.find(':') + 1);
                const std::size_t indent = line.find_first_not_of(" -");
                line += " " + new_value(rng, room, indent == std::string::npos ? 0 : indent);
                break;
            }
            [[fallthrough]];
        }
        case 2:  // a new top-level key, perhaps one that is already there
            in.lines.insert(
                in.lines.begin() + static_cast<std::ptrdiff_t>(at),
                std::string(keys[pick(rng, keys.size())]) + ": " + new_value(rng, room, 0));
            break;
        case 3:
            if (!in.lines.empty()) in.lines.erase(in.lines.begin() + pick(rng, in.lines.size()));
            break;
        case 4:
            if (!in.lines.empty()) {
                std::string copy = in.lines[pick(rng, in.lines.size())];
                if (copy.size() < room)
                    in.lines.insert(in.lines.begin() + static_cast<std::ptrdiff_t>(at), copy);
            }
            break;
        case 5:
            if (in.lines.size() > 1)
                std::swap(in.lines[pick(rng, in.lines.size())],
                          in.lines[pick(rng, in.lines.size())]);
            break;
        case 6:  // deep or long Markdown at a line start of the body
        {
            std::size_t pos = in.body.empty() ? 0 : pick(rng, in.body.size() + 1);
            pos = in.body.rfind('\n', pos) == std::string::npos ? 0 : in.body.rfind('\n', pos) + 1;
            in.body.insert(pos, body_block(rng, room));
            break;
        }
        case 7:  // the body alone through libFuzzer's mutations, the front matter kept whole
        {
            std::vector<std::uint8_t> bytes(in.body.begin(), in.body.end());
            bytes.resize(in.body.size() + std::min<std::size_t>(room, 4096) + 1);
            bytes.resize(LLVMFuzzerMutate(bytes.data(), in.body.size(), bytes.size()));
            in.body.assign(bytes.begin(), bytes.end());
            break;
        }
        default:
            in.delimited = !in.delimited;  // front matter that is not one, or plain Markdown
    }
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
    Rng rng(seed);
    if (rng() % 2) return LLVMFuzzerMutate(data, size, max_size);
    Input in = split(data, size);
    for (std::size_t rounds = 1 + pick(rng, 3); rounds > 0; --rounds) {
        const std::size_t used = in.size();
        mutate(in, rng, max_size > used ? max_size - used : 0);
    }
    std::string out = join(in);
    if (out.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
    std::memcpy(data, out.data(), out.size());
    return out.size();
}
