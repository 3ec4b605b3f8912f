// File names from record data: a recipient's name must never write outside the output folder,
// hide the file, spoof its extension with bidi controls or collide with another record's file.
#include "broadside/merge/output_pattern.hpp"

#include <filesystem>
#include <set>

#include "broadside/core/document.hpp"
#include "broadside/core/merge.hpp"
#include "broadside/core/utf8.hpp"
#include "broadside/merge/merge_template.hpp"

namespace broadside::merge {
namespace {

constexpr std::size_t max_value_bytes = 100;

bool unsafe(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;  // C0, DEL, C1 controls
    switch (c) {
        case '/':
        case '\\':
        case ':':
        case '*':
        case '?':
        case '"':
        case '<':
        case '>':
        case '|':
            return true;
        default:
            break;
    }
    // Bidi marks, embeddings, overrides and isolates can show "gpj.exe" as "exe.jpg".
    return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

std::string to_lower_ascii(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Splits at '/' so values land inside one component and the pattern's folders stay as typed.
// A '/' inside `{{…}}` (in a default) belongs to the placeholder, not to the folders.
std::vector<std::string> components(const std::string& pattern) {
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern.compare(i, 2, "{{") == 0) {
            const auto close = pattern.find("}}", i + 2);
            if (close != std::string::npos) {
                out.back().append(pattern, i, close + 2 - i);
                i = close + 1;
                continue;
            }
        }
        if (pattern[i] == '/')
            out.emplace_back();
        else
            out.back() += pattern[i];
    }
    return out;
}

// Replaces what `unsafe` refuses, trims spaces and cuts at `max_bytes` (on a character).
std::string clean_name(const std::string& text, std::size_t max_bytes) {
    std::vector<core::Utf8Problem> problems;
    const std::string valid = core::sanitize_utf8(text, problems);
    std::string out;
    for (std::size_t pos = 0; pos < valid.size();) {
        const std::size_t before = pos;
        char32_t c = core::decode_utf8(valid, pos);
        if (out.size() + (pos - before) > max_bytes) break;
        core::append_utf8(out, unsafe(c) ? U'_' : c);
    }
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    out = out.substr(first, out.find_last_not_of(' ') - first + 1);
    if (out[0] == '.') out[0] = '_';  // no hidden files, never "." or ".."
    return out;
}

// Fills one component through core's placeholder syntax, so `{{field|default}}` means exactly
// what it means in the letter, with the same error text.
std::optional<std::string> fill_component(const std::string& component, const core::Record& r,
                                          const std::string& label, core::Diagnostics& diags) {
    core::Document holder;
    holder.source_path = "--output";
    core::MetaValue value;
    value.value = component;
    holder.meta.set("o", value);
    auto lookup = [&](std::string_view name) -> std::optional<std::string> {
        if (const auto* v = r.find(name)) return safe_file_name(*v);
        return std::nullopt;
    };
    if (!core::fill_fields(holder, lookup, label, diags)) return std::nullopt;
    // A name that is nothing but its extension (an empty field) would be hidden or clash.
    std::string filled = *holder.meta.find("o")->as_string();
    const auto dot = filled.rfind('.');
    const std::string stem = filled.substr(0, dot);
    if (stem.find_first_not_of(' ') == std::string::npos)
        filled = "record-" + std::to_string(r.number) +
                 (dot == std::string::npos ? "" : filled.substr(dot));
    // Defaults come from the pattern unchecked; the whole component is made safe again.
    return clean_name(filled, std::string::npos);
}

std::string with_suffix(const std::string& path, int n) {
    std::filesystem::path p(path);
    std::string ext = p.extension().string();
    return path.substr(0, path.size() - ext.size()) + "-" + std::to_string(n) + ext;
}

}  // namespace

bool is_output_pattern(const std::string& output) {
    auto open = output.find("{{");
    return open != std::string::npos && output.find("}}", open) != std::string::npos;
}

std::string safe_file_name(const std::string& text) {
    return clean_name(text, max_value_bytes);
}

std::vector<std::string> expand_output_pattern(const std::string& pattern,
                                               const std::vector<core::Record>& records,
                                               const std::string& data_file,
                                               core::Diagnostics& diags) {
    const auto parts = components(pattern);
    std::vector<std::string> paths;
    std::set<std::string> taken;
    bool ok = true;
    for (const auto& r : records) {
        const std::string label = record_label(r, data_file);
        std::string path;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i) path += '/';
            if (!is_output_pattern(parts[i])) {
                path += parts[i];
                continue;
            }
            auto filled = fill_component(parts[i], r, label, diags);
            ok = ok && filled.has_value();
            path += filled.value_or("");
        }
        std::string unique = path;
        for (int n = 2; taken.contains(to_lower_ascii(unique)); ++n) unique = with_suffix(path, n);
        taken.insert(to_lower_ascii(unique));
        paths.push_back(std::move(unique));
    }
    if (!ok) paths.clear();
    return paths;
}

}  // namespace broadside::merge
