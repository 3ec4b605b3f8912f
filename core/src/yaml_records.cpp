// Mail-merge records from YAML, and the data-file entry point that picks CSV or YAML.
#include <filesystem>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/input_file.hpp"
#include "broadside/core/records.hpp"
#include "yaml_values.hpp"

namespace broadside::core {

std::optional<std::vector<Record>> parse_yaml_records(std::string_view text,
                                                      const std::string& path, Diagnostics& diags) {
    auto root = parse_yaml(text, 1, path, "data file", diags);
    if (!root) return std::nullopt;
    const MetaValue* list = root.operator->();
    if (root->as_map()) list = root->find("records");
    if (!list || !list->as_list()) {
        diags.error(path, root->span.line, root->span.column,
                    "the data file must be a list of records",
                    "write one '- name: …' map per recipient, or put the list under 'records:'");
        return std::nullopt;
    }
    std::vector<Record> records;
    for (const auto& item : *list->as_list()) {
        const MetaMap* map = item.as_map();
        if (!map) {
            diags.error(path, item.span.line, item.span.column, "a record must be a map of fields");
            return std::nullopt;
        }
        Record rec;
        rec.number = static_cast<int>(records.size()) + 1;
        rec.line = item.span.line;
        for (const auto& [k, v] : *map) {
            if (v.as_list() || v.as_map()) {
                diags.error(path, v.span.line, v.span.column,
                            "field " + quote_value(k) + " must be text, not a list or map",
                            "write several lines as one string with line breaks: |");
                return std::nullopt;
            }
            rec.fields.emplace_back(k, v.to_text());
        }
        records.push_back(std::move(rec));
    }
    return records;
}

std::optional<std::vector<Record>> read_records_file(const std::string& path, Diagnostics& diags,
                                                     std::uint64_t max_bytes) {
    namespace fs = std::filesystem;
    std::string ext = fs::path(path).extension().string();
    if (ext != ".csv" && ext != ".yaml" && ext != ".yml") {
        diags.error(path, 0, 0,
                    "cannot tell the data format from the extension " + quote_value(ext),
                    "give a .csv or .yaml file");
        return std::nullopt;
    }
    auto text = read_input_file(path, max_bytes, "data file", diags);
    if (!text) return std::nullopt;
    auto records = ext == ".csv" ? parse_csv_records(*text, path, diags)
                                 : parse_yaml_records(*text, path, diags);
    if (records && records->empty()) {
        diags.error(path, 0, 0, "the data file holds no records", "add one row per recipient");
        return std::nullopt;
    }
    return records;
}

}  // namespace broadside::core
