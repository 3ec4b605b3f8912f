#include "toml_values.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <cstdio>

namespace broadside::core {
namespace {

// toml++ stops nesting at 256 levels (TOML_MAX_NESTED_VALUES), so the recursion below is
// bounded by the parser, whatever the input.
class Converter {
  public:
    explicit Converter(int first_line) : first_line_(first_line) {}

    MetaValue convert(const toml::node& node) const {
        MetaValue v;
        v.span = span_of(node.source());
        if (const auto* table = node.as_table()) {
            v.value = map_of(*table);
        } else if (const auto* array = node.as_array()) {
            MetaList list;
            for (const auto& item : *array) list.push_back(convert(item));
            v.value = std::move(list);
        } else if (const auto* s = node.as_string()) {
            v.value = s->get();
        } else if (const auto* i = node.as_integer()) {
            v.value = static_cast<double>(i->get());
        } else if (const auto* f = node.as_floating_point()) {
            v.value = f->get();
        } else if (const auto* b = node.as_boolean()) {
            v.value = b->get();
        } else if (const auto* d = node.as_date()) {
            v.value = date_of(d->get());
        } else if (const auto* dt = node.as_date_time()) {
            v.value = date_of(dt->get());
        } else if (const auto* t = node.as_time()) {  // a time of day alone: kept as written
            const auto& time = t->get();
            char text[16];
            std::snprintf(text, sizeof text, "%02d:%02d:%02d", time.hour, time.minute, time.second);
            v.value = std::string(text);
        }
        return v;
    }

    // toml++ keeps a table's keys sorted; front matter keeps them in the order of the file.
    MetaMap map_of(const toml::table& table) const {
        std::vector<std::pair<const toml::key*, const toml::node*>> entries;
        for (const auto& [key, node] : table) entries.emplace_back(&key, &node);
        std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            const auto& pa = a.first->source().begin;
            const auto& pb = b.first->source().begin;
            return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
        });
        MetaMap map;
        for (const auto& [key, node] : entries)
            map.emplace_back(std::string(key->str()), convert(*node));
        return map;
    }

  private:
    SourceSpan span_of(const toml::source_region& region) const {
        if (region.begin.line == 0) return {};
        return {first_line_ + static_cast<int>(region.begin.line) - 1,
                static_cast<int>(region.begin.column), 0, 0};
    }

    static Date date_of(const toml::date& d) {
        Date out;
        out.year = d.year;
        out.month = d.month;
        out.day = d.day;
        return out;
    }

    static Date date_of(const toml::date_time& dt) {
        Date out = date_of(dt.date);
        out.has_time = true;
        out.hour = dt.time.hour;
        out.minute = dt.time.minute;
        out.second = dt.time.second;
        if (dt.offset) out.utc_offset_minutes = dt.offset->minutes;
        return out;
    }

    int first_line_;
};

}  // namespace

std::optional<MetaValue> parse_toml(std::string_view toml, int first_line, const std::string& path,
                                    const std::string& what, Diagnostics& diags) {
    toml::table table;
    try {
        table = toml::parse(toml);
    } catch (const toml::parse_error& e) {
        const auto& at = e.source().begin;
        int line = at.line > 0 ? first_line + static_cast<int>(at.line) - 1 : first_line;
        int column = static_cast<int>(at.column);
        diags.error(path, line, column,
                    "malformed TOML " + what + ": " + std::string(e.description()),
                    "check quotes, '=' and brackets on this line and the one before");
        return std::nullopt;
    }
    Converter converter(first_line);
    MetaValue root;
    root.span = {first_line, 1, 0, 0};
    root.value = converter.map_of(table);
    return root;
}

}  // namespace broadside::core
