#include "limit_options.hpp"
#include "broadside/core/diagnostics.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace broadside::cli {
namespace {

// One row per limit: the option, its unit in the help, what it bounds, and how a number maps
// to and from the field (file sizes are given in MiB and kept in bytes).
struct LimitOption {
    std::string_view name;
    std::string_view unit;
    std::string_view what;
    std::uint64_t scale;
    std::uint64_t max;
    void (*set)(core::Limits&, std::uint64_t);
    std::uint64_t (*get)(const core::Limits&);
};

constexpr std::uint64_t mib = std::uint64_t{1} << 20;

constexpr LimitOption limit_options[] = {
    {"--max-file-size", "MIB", "largest file read: documents, data, images", mib, 1u << 20,
     [](core::Limits& l, std::uint64_t v) { l.max_file_bytes = v; },
     [](const core::Limits& l) { return l.max_file_bytes; }},
    {"--max-image-pixels", "N", "largest image (width x height), from its header", 1,
     std::uint64_t{1} << 40, [](core::Limits& l, std::uint64_t v) { l.max_image_pixels = v; },
     [](const core::Limits& l) { return l.max_image_pixels; }},
    {"--max-nesting", "N", "deepest nesting of quotes, lists, emphasis (flattened)", 1, 100'000,
     [](core::Limits& l, std::uint64_t v) { l.max_nesting = static_cast<int>(v); },
     [](const core::Limits& l) { return static_cast<std::uint64_t>(l.max_nesting); }},
    {"--max-table-cells", "N", "most cells in one table", 1, std::uint64_t{1} << 40,
     [](core::Limits& l, std::uint64_t v) { l.max_table_cells = v; },
     [](const core::Limits& l) { return l.max_table_cells; }},
    {"--max-pages", "N", "most pages of one PDF document (of each merged letter)", 1,
     std::uint64_t{1} << 32, [](core::Limits& l, std::uint64_t v) { l.max_pages = v; },
     [](const core::Limits& l) { return l.max_pages; }},
};

const LimitOption* find(std::string_view option) {
    for (const auto& o : limit_options)
        if (o.name == option) return &o;
    return nullptr;
}

}  // namespace

std::vector<std::string_view> limit_option_names() {
    std::vector<std::string_view> names;
    for (const auto& o : limit_options) names.push_back(o.name);
    return names;
}

bool is_limit_option(std::string_view option) {
    return find(option) != nullptr;
}

std::string set_limit(std::string_view option, std::string_view value, core::Limits& limits) {
    const LimitOption* o = find(option);
    if (!o) return "unknown option " + core::quote_value(std::string(option));
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n < 1 || n > o->max)
        return std::string(option) + " needs a whole number from 1 to " + std::to_string(o->max);
    o->set(limits, n * o->scale);
    return {};
}

std::string limit_options_help() {
    const core::Limits defaults;
    std::string out =
        "\nLimits (past one, an input is refused with a message naming the option):\n";
    for (const auto& o : limit_options) {
        std::string left = "  " + std::string(o.name) + " " + std::string(o.unit);
        left.resize(std::max<std::size_t>(left.size() + 1, 26), ' ');
        out += left + std::string(o.what) + " (default " +
               std::to_string(o.get(defaults) / o.scale) + ")\n";
    }
    return out;
}

}  // namespace broadside::cli
