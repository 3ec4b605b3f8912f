#include "broadside/core/meta.hpp"

#include "broadside/core/language_tag.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace broadside::core {
namespace {

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > s.size()) return false;
    for (std::size_t i = pos; i < pos + len; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return true;
}

bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool is_zone_abbreviation(std::string_view s) {
    return s.size() >= 2 && s.size() <= 5 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool same_letters(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

// 1..12 for an English month name or an abbreviation of three letters or more (`Sep`,
// `Sept.`), else 0.
int month_number(std::string_view word) {
    static constexpr std::string_view months[] = {"january",   "february", "march",    "april",
                                                  "may",       "june",     "july",     "august",
                                                  "september", "october",  "november", "december"};
    if (word.ends_with('.')) word.remove_suffix(1);
    if (word.size() < 3) return 0;
    for (int m = 0; m < 12; ++m)
        if (same_letters(word, months[m].substr(0, word.size()))) return m + 1;
    return 0;
}

bool weekday_name(std::string_view word) {
    static constexpr std::string_view days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
    return std::any_of(std::begin(days), std::end(days), [&](std::string_view d) {
        return same_letters(word, d) || same_letters(word, d.substr(0, 3));
    });
}

std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

std::optional<std::string> nonempty_text(const MetaValue* v) {
    if (!v) return std::nullopt;
    std::string t = trim(v->to_text());
    if (t.empty()) return std::nullopt;
    return t;
}

// Strings of a scalar or list value; maps contribute their `name`.
void collect_names(const MetaValue& v, std::vector<std::string>& out) {
    if (const auto* list = v.as_list()) {
        for (const auto& item : *list) collect_names(item, out);
    } else if (v.as_map()) {
        if (auto name = nonempty_text(v.find("name"))) out.push_back(*name);
    } else if (auto t = nonempty_text(&v)) {
        out.push_back(*t);
    }
}

}  // namespace

std::optional<Date> parse_date(std::string_view s) {
    Date d;
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!read_int(s, 0, 4, d.year) || !read_int(s, 5, 2, d.month) || !read_int(s, 8, 2, d.day))
        return std::nullopt;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    std::size_t p = 10;
    if (p == s.size()) return d;
    if (s[p] != 'T' && s[p] != 't' && s[p] != ' ') return std::nullopt;
    ++p;
    while (p < s.size() && s[p] == ' ') ++p;
    if (!read_int(s, p, 2, d.hour) || p + 2 >= s.size() || s[p + 2] != ':' ||
        !read_int(s, p + 3, 2, d.minute))
        return std::nullopt;
    p += 5;
    if (p < s.size() && s[p] == ':') {
        if (!read_int(s, p + 1, 2, d.second)) return std::nullopt;
        p += 3;
        if (p < s.size() && s[p] == '.') {  // fractions of a second are dropped
            ++p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
        }
    }
    if (d.hour > 23 || d.minute > 59 || d.second > 60) return std::nullopt;
    d.has_time = true;
    while (p < s.size() && s[p] == ' ') ++p;
    if (p == s.size()) return d;
    if (s.substr(p) == "UTC" || s.substr(p) == "GMT") {  // Ruby's Time#to_s of a UTC time
        d.utc_offset_minutes = 0;
        return d;
    }
    if ((s[p] == 'Z' || s[p] == 'z') && p + 1 == s.size()) {
        d.utc_offset_minutes = 0;
        return d;
    }
    if (s[p] != '+' && s[p] != '-') return std::nullopt;
    int sign = s[p] == '-' ? -1 : 1, oh = 0, om = 0;
    ++p;
    if (!read_int(s, p, 2, oh)) return std::nullopt;
    p += 2;
    if (p < s.size() && s[p] == ':') ++p;
    if (p < s.size() && s[p] != ' ') {
        if (!read_int(s, p, 2, om)) return std::nullopt;
        p += 2;
    }
    // Ruby's Time#to_s, which Jekyll sites copy into front matter, may follow the offset with
    // the zone's abbreviation: `2013-05-06 02:12:52 -0700 PDT`. The offset already says it all.
    if (p < s.size() && s[p] == ' ' && is_zone_abbreviation(s.substr(p + 1))) p = s.size();
    if (p != s.size() || oh > 23 || om > 59) return std::nullopt;
    d.utc_offset_minutes = sign * (oh * 60 + om);
    return d;
}

std::optional<Date> parse_written_date(std::string_view s) {
    if (auto iso = parse_date(s)) return iso;
    std::vector<std::string_view> words;
    for (std::size_t p = 0; p < s.size();) {
        while (p < s.size() && (s[p] == ' ' || s[p] == ',')) ++p;
        std::size_t e = p;
        while (e < s.size() && s[e] != ' ' && s[e] != ',') ++e;
        if (e > p) words.push_back(s.substr(p, e - p));
        p = e;
    }
    if (!words.empty() && weekday_name(words.front())) words.erase(words.begin());
    if (words.size() != 3) return std::nullopt;
    Date d;
    // `Jul 08 2022` (Astro's template), `July 8, 2022`, or `8 July 2022`.
    const bool month_first = month_number(words[0]) != 0;
    d.month = month_number(month_first ? words[0] : words[1]);
    std::string_view day = month_first ? words[1] : words[0];
    if (d.month == 0 || day.size() > 2 || !read_int(day, 0, day.size(), d.day) ||
        words[2].size() != 4 || !read_int(words[2], 0, 4, d.year))
        return std::nullopt;
    if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

std::string Date::iso() const {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    std::string out = buf;
    if (!has_time) return out;
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
    out += buf;
    if (utc_offset_minutes) {
        int off = *utc_offset_minutes;
        if (off == 0) {
            out += 'Z';
        } else {
            int a = off < 0 ? -off : off;
            std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
            out += buf;
        }
    }
    return out;
}

std::int64_t Date::unix_seconds() const {
    std::int64_t t = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    return t - static_cast<std::int64_t>(utc_offset_minutes.value_or(0)) * 60;
}

const MetaValue* MetaValue::find(std::string_view key) const {
    if (const auto* map = as_map())
        for (const auto& [k, v] : *map)
            if (k == key) return &v;
    return nullptr;
}

MetaValue::MetaValue() = default;
MetaValue::MetaValue(Value v, SourceSpan s) : value(std::move(v)), span(s) {}
MetaValue::MetaValue(const MetaValue&) = default;
MetaValue::MetaValue(MetaValue&&) noexcept = default;
MetaValue& MetaValue::operator=(const MetaValue&) = default;
MetaValue& MetaValue::operator=(MetaValue&&) noexcept = default;
MetaValue::~MetaValue() = default;

std::string MetaValue::to_text() const {
    if (const auto* s = as_string()) return *s;
    if (const auto* b = as_bool()) return *b ? "true" : "false";
    if (const auto* d = as_date()) return d->iso();
    if (const auto* n = as_number()) {
        if (std::isfinite(*n) && std::fabs(*n) < 1e15 && *n == std::floor(*n))
            return std::to_string(static_cast<long long>(*n));
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", *n);  // locale-independent for '.' in "C"
        return buf;
    }
    return {};
}

const MetaValue* Meta::find(std::string_view key) const {
    for (const auto& [k, v] : values_)
        if (k == key) return &v;
    return nullptr;
}

void Meta::set(std::string key, MetaValue value) {
    for (auto& [k, v] : values_)
        if (k == key) {
            v = std::move(value);
            return;
        }
    values_.emplace_back(std::move(key), std::move(value));
}

std::optional<std::string> Meta::title() const {
    return nonempty_text(find("title"));
}

std::optional<Date> date_in_url(std::string_view url) {
    for (std::size_t i = 0; i + 10 <= url.size(); ++i) {
        const bool segments = (i == 0 || url[i - 1] == '/') && url[i + 4] == '/' &&
                              url[i + 7] == '/' && (i + 10 == url.size() || url[i + 10] == '/');
        if (!segments) continue;
        std::string iso(url.substr(i, 10));
        iso[4] = iso[7] = '-';
        if (auto d = parse_date(iso)) return d;
    }
    return std::nullopt;
}

std::optional<std::pair<Date, std::size_t>> file_name_date_prefix(std::string_view name) {
    // YYYY-M[M]-D[D]- : four digits, then one or two, then one or two, each ended by a dash.
    std::size_t at = 0;
    int parts[3] = {0, 0, 0};
    for (int i = 0; i < 3; ++i) {
        const std::size_t start = at, most = i == 0 ? 4 : 2, least = i == 0 ? 4 : 1;
        while (at < name.size() && at - start < most &&
               std::isdigit(static_cast<unsigned char>(name[at])))
            parts[i] = parts[i] * 10 + (name[at++] - '0');
        if (at - start < least || at >= name.size() || name[at] != '-') return std::nullopt;
        ++at;
    }
    char iso[11];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
    auto date = parse_date(iso);
    if (!date) return std::nullopt;
    return std::pair{*date, at};
}

namespace {

constexpr std::string_view url_keys[] = {"path", "permalink", "url"};

}  // namespace

std::optional<std::pair<Date, std::string>> Meta::date_with_source() const {
    for (std::string_view key : date_keys)
        if (const auto* v = find(key); v && v->as_date())
            return std::pair{*v->as_date(), std::string(key)};
    if (file_name_date) return std::pair{*file_name_date, std::string("file name")};
    for (std::string_view key : url_keys)
        if (const auto* v = find(key); v && v->as_string())
            if (auto d = date_in_url(*v->as_string())) return std::pair{*d, std::string(key)};
    return std::nullopt;
}

std::optional<Date> Meta::date() const {
    auto found = date_with_source();
    if (!found) return std::nullopt;
    return found->first;
}

std::optional<std::string> Meta::date_source() const {
    auto found = date_with_source();
    if (!found) return std::nullopt;
    return found->second;
}

std::vector<std::string> Meta::authors() const {
    std::vector<std::string> out;
    for (const char* key : {"author", "authors"})
        if (const auto* v = find(key)) collect_names(*v, out);
    return out;
}

std::optional<std::string> Meta::excerpt() const {
    if (auto e = nonempty_text(find("excerpt"))) return e;
    return nonempty_text(find("description"));
}

std::optional<std::string> Meta::image() const {
    return nonempty_text(find("image"));
}

std::vector<std::string> Meta::tags() const {
    std::vector<std::string> out;
    for (const char* key : {"tags", "categories"})
        if (const auto* v = find(key)) collect_names(*v, out);
    std::vector<std::string> unique;
    for (auto& t : out)
        if (std::find(unique.begin(), unique.end(), t) == unique.end()) unique.push_back(t);
    return unique;
}

std::optional<std::string> Meta::lang() const {
    // The reader warned about a `lang` that is no tag; here it is as good as absent, so no
    // exporter looks up fonts, dictionaries or direction by it.
    auto lang = nonempty_text(find("lang"));
    return lang && is_language_tag(*lang) ? lang : std::nullopt;
}

bool Meta::draft() const {
    const auto* v = find("draft");
    const bool* b = v ? v->as_bool() : nullptr;
    return b && *b;
}

std::optional<std::string> Meta::style() const {
    return nonempty_text(find("style"));
}

}  // namespace broadside::core
