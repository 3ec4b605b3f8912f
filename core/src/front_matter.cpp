#include "front_matter.hpp"

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/language_tag.hpp"
#include "toml_values.hpp"
#include "yaml_values.hpp"

namespace broadside::core {
namespace {

bool is_fence(std::string_view line, std::string_view fence) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
    return line == fence;
}

// Hugo writes dates as quoted strings, Astro's template `pubDate: 'Jul 08 2022'`; a string
// under a date key that spells a date is that date.
void read_quoted_dates(Meta& meta) {
    for (std::string_view key : date_keys) {
        const auto* d = meta.find(key);
        if (!d || !d->as_string()) continue;
        if (auto date = parse_written_date(*d->as_string()))
            meta.set(std::string(key), MetaValue(*date, d->span));
    }
}

void check_well_known(const Meta& meta, const std::string& path, Diagnostics& diags) {
    for (std::string_view key : date_keys) {
        const auto* d = meta.find(key);
        if (!d || d->is_null() || d->as_date()) continue;
        diags.warning(path, d->span.line, d->span.column,
                      "'" + std::string(key) + "' is not a date: " + quote_value(d->to_text()),
                      "write it as YYYY-MM-DD, optionally with a time: 2021-07-12 09:30");
    }
    if (const auto* l = meta.find("lang"); l && !l->is_null() && !is_language_tag(l->to_text())) {
        diags.warning(path, l->span.line, l->span.column,
                      quote_value(l->to_text()) + " is not a language tag; the text is set as " +
                          "the document's default language",
                      "use a BCP 47 tag such as en, de, zh-Hans, ug or bo");
    }
    if (const auto* d = meta.find("draft"); d && !d->is_null() && !d->as_bool()) {
        diags.warning(path, d->span.line, d->span.column, "'draft' should be true or false");
    }
}

}  // namespace

std::optional<FrontMatterSplit> split_front_matter(std::string_view text, const std::string& path,
                                                   Diagnostics& diags) {
    FrontMatterSplit split;
    split.body = text;
    auto first_end = text.find('\n');
    std::string_view first = text.substr(0, first_end);
    const bool toml = is_fence(first, "+++");
    if ((!toml && !is_fence(first, "---")) || first_end == std::string_view::npos) return split;
    split.syntax = toml ? FrontMatterSplit::Syntax::toml : FrontMatterSplit::Syntax::yaml;

    std::size_t pos = first_end + 1;
    int line = 2;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        std::string_view l = text.substr(pos, end == std::string_view::npos ? end : end - pos);
        if (toml ? is_fence(l, "+++") : (is_fence(l, "---") || is_fence(l, "..."))) {
            split.present = true;
            split.text = text.substr(first_end + 1, pos - first_end - 1);
            split.text_first_line = 2;
            split.body = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
            split.body_first_line = line + 1;
            return split;
        }
        if (end == std::string_view::npos) break;
        pos = end + 1;
        ++line;
    }
    const std::string fence = toml ? "+++" : "---";
    diags.error(path, 1, 1, "front matter starts with '" + fence + "' but never ends",
                "close it with a line of '" + fence + "' after the last key");
    return std::nullopt;
}

std::optional<Meta> parse_front_matter(const FrontMatterSplit& split, const std::string& path,
                                       Diagnostics& diags) {
    if (!split.present) return Meta{};
    auto value = split.syntax == FrontMatterSplit::Syntax::toml
                     ? parse_toml(split.text, split.text_first_line, path, "front matter", diags)
                     : parse_yaml(split.text, split.text_first_line, path, "front matter", diags);
    if (!value) return std::nullopt;
    if (value->is_null()) return Meta{};
    auto* map = std::get_if<MetaMap>(&value->value);
    if (!map) {
        diags.error(path, split.text_first_line, 1, "front matter must be a map of keys",
                    "write one 'key: value' per line");
        return std::nullopt;
    }
    Meta meta(std::move(*map));
    read_quoted_dates(meta);
    check_well_known(meta, path, diags);
    return meta;
}

}  // namespace broadside::core
