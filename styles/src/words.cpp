// The words around a letter's and a book's content, from one YAML table per language.
#include "broadside/styles/words.hpp"

#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

#include "broadside/styles/style.hpp"

namespace broadside::styles {
namespace {

namespace fs = std::filesystem;
using Table = std::map<std::string, std::string, std::less<>>;

// A table of ours: a flat map of scalars. A file that is missing or broken gives nothing, and
// the words come from the next table in line (a test holds every table complete).
Table read_table(const std::string& name) {
    static std::mutex mutex;
    static std::map<std::string, Table> cache;
    std::lock_guard lock(mutex);
    if (auto it = cache.find(name); it != cache.end()) return it->second;
    Table table;
    std::error_code ec;
    const fs::path path = fs::path(words_folder()) / (name + ".yaml");
    if (fs::is_regular_file(path, ec)) {
        try {
            YAML::Node root = YAML::LoadFile(path.string());
            if (root.IsMap())
                for (const auto& kv : root)
                    if (kv.second.IsScalar()) table[kv.first.Scalar()] = kv.second.Scalar();
        } catch (const YAML::Exception&) {
            table.clear();
        }
    }
    cache.emplace(name, table);
    return table;
}

// The tag as letters, digits and hyphens, or nothing: a hostile `lang:` must not name a file
// outside the tables' folder.
std::optional<std::string> clean_tag(std::string tag) {
    for (auto& c : tag) {
        if (c == '_') c = '-';
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return std::nullopt;
    }
    return tag;
}

// Tables to lay over English, most general first.
std::vector<std::string> tables_for(const std::string& lang) {
    auto tag = clean_tag(lang);
    if (!tag || tag->empty()) return {};
    std::string primary = tag->substr(0, tag->find('-'));
    for (auto& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (primary == "zh") {
        bool traditional = false;
        for (const char* hint : {"-Hant", "-TW", "-HK", "-MO", "-hant", "-tw", "-hk", "-mo"})
            traditional = traditional || tag->find(hint) != std::string::npos;
        return {traditional ? "zh-Hant" : "zh-Hans"};
    }
    std::vector<std::string> out{primary};
    if (*tag != primary) out.push_back(*tag);
    return out;
}

}  // namespace

std::string words_folder() {
    return (fs::path(styles_folder()) / "words").string();
}

const std::vector<std::string>& word_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const auto& [k, v] : read_table("en")) out.push_back(k);
        return out;
    }();
    return keys;
}

Words words_for(const std::string& lang, const std::map<std::string, std::string>& overrides) {
    Words w;
    w.lang = lang;
    w.table = read_table("en");
    for (const auto& name : tables_for(lang))
        for (auto& [k, v] : read_table(name)) w.table[k] = v;
    for (const auto& [k, v] : overrides) w.table[k] = v;
    return w;
}

const std::string& Words::get(std::string_view key) const {
    static const std::string none;
    auto it = table.find(key);
    return it == table.end() ? none : it->second;
}

std::string Words::number(long long n) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(clean_tag(lang).value_or("en"), status);
    std::unique_ptr<icu::NumberFormat> format(icu::NumberFormat::createInstance(locale, status));
    if (U_FAILURE(status) || !format) return std::to_string(n);
    format->setGroupingUsed(false);
    icu::UnicodeString digits;
    format->format(static_cast<int64_t>(n), digits);
    std::string out;
    digits.toUTF8String(out);
    return out;
}

std::string Words::counted(std::string_view key, std::string_view one, std::size_t n,
                           std::string_view all, std::size_t total) const {
    std::string out = get(key);
    auto fill = [&out](std::string_view field, const std::string& value) {
        for (std::size_t at; (at = out.find(field)) != std::string::npos;)
            out.replace(at, field.size(), value);
    };
    fill(one, number(static_cast<long long>(n)));
    fill(all, number(static_cast<long long>(total)));
    return out;
}

std::string Words::page_of(std::size_t page, std::size_t pages) const {
    return counted("page-of", "{page}", page, "{pages}", pages);
}

std::string Words::part_of(std::size_t part, std::size_t parts) const {
    return counted("part-of", "{part}", part, "{parts}", parts);
}

}  // namespace broadside::styles
