#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "broadside/core/source_span.hpp"

namespace broadside::core {

/// A calendar date with an optional time of day, as written in front matter or a file name.
struct Date {
    int year = 0;
    int month = 0;  ///< 1..12
    int day = 0;    ///< 1..31
    bool has_time = false;
    int hour = 0;
    int minute = 0;
    int second = 0;
    /// Offset from UTC in minutes when the source gave one (`Z`, `+08:00`).
    std::optional<int> utc_offset_minutes;

    /// `YYYY-MM-DD`, or `YYYY-MM-DDThh:mm:ss[Z|±hh:mm]` when a time is present.
    [[nodiscard]] std::string iso() const;
    /// Seconds since 1970-01-01T00:00:00Z (offset applied; no offset means UTC).
    [[nodiscard]] std::int64_t unix_seconds() const;
    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date& a, const Date& b) { return a.key() <=> b.key(); }

  private:
    [[nodiscard]] std::int64_t key() const { return unix_seconds(); }
};

/// Parses `YYYY-MM-DD` with an optional time (`T` or space, `hh:mm[:ss[.frac]]`, `Z`/`±hh:mm`).
/// Returns nothing when the text is not such a date or the date does not exist.
std::optional<Date> parse_date(std::string_view text);

/// What `parse_date` reads, and the English forms blog generators accept for a date written as
/// a string: `Jul 08 2022` (Astro), `July 8, 2022`, `8 July 2022`, each with an optional weekday.
/// Only for values of date keys: a plain YAML scalar such as a title must not become a date.
std::optional<Date> parse_written_date(std::string_view text);

/// The front-matter keys that hold a post's date, in the order they are looked at: Jekyll's and
/// Hugo's `date`, Astro's `pubDate`, Hugo's `publishDate`, Eleventy's and others' `published`.
inline constexpr std::string_view date_keys[] = {"date", "pubDate", "publishDate", "published"};

/// The date a post's URL spells as `…/YYYY/MM/DD/…` (Zola's `path`, Jekyll's `permalink`, Hugo's
/// `url`), as in `path = "2020/03/12/announcing-rust"`; nothing when the URL holds none.
std::optional<Date> date_in_url(std::string_view url);

/// The date a Jekyll post's file name starts with (`2016-06-23-x.md`, also `2016-6-23-x.md` as
/// Jekyll accepts it) and the length of that prefix with its `-`; nothing when it has none.
std::optional<std::pair<Date, std::size_t>> file_name_date_prefix(std::string_view name);

struct MetaValue;
/// Front-matter map; keys keep the order they had in the file.
using MetaMap = std::vector<std::pair<std::string, MetaValue>>;
using MetaList = std::vector<MetaValue>;

/// A typed front-matter value, kept whole so exporters can use any key.
struct MetaValue {
    using Value = std::variant<std::monostate, std::string, double, bool, Date, MetaList, MetaMap>;
    Value value;
    SourceSpan span;

    // Declared here and defined in meta.cpp: with the implicit members, clang 14 with
    // libstdc++ 12 (C++20 std::pair) cannot compile the recursive MetaMap, and the fuzz
    // build (tests/fuzz) needs clang.
    MetaValue();
    MetaValue(Value v, SourceSpan s = {});
    MetaValue(const MetaValue&);
    MetaValue(MetaValue&&) noexcept;
    MetaValue& operator=(const MetaValue&);
    MetaValue& operator=(MetaValue&&) noexcept;
    ~MetaValue();

    [[nodiscard]] bool is_null() const { return std::holds_alternative<std::monostate>(value); }
    [[nodiscard]] const std::string* as_string() const { return std::get_if<std::string>(&value); }
    [[nodiscard]] const double* as_number() const { return std::get_if<double>(&value); }
    [[nodiscard]] const bool* as_bool() const { return std::get_if<bool>(&value); }
    [[nodiscard]] const Date* as_date() const { return std::get_if<Date>(&value); }
    [[nodiscard]] const MetaList* as_list() const { return std::get_if<MetaList>(&value); }
    [[nodiscard]] const MetaMap* as_map() const { return std::get_if<MetaMap>(&value); }
    /// Looks up `key` when this is a map; null otherwise.
    [[nodiscard]] const MetaValue* find(std::string_view key) const;
    /// Scalars as text (numbers without trailing zeros, dates in ISO form); empty for others.
    [[nodiscard]] std::string to_text() const;
};

/// A document's front matter with typed accessors for the well-known keys. Other keys are kept
/// and reachable through `find`.
class Meta {
  public:
    Meta() = default;
    explicit Meta(MetaMap values) : values_(std::move(values)) {}

    [[nodiscard]] const MetaMap& values() const { return values_; }
    [[nodiscard]] const MetaValue* find(std::string_view key) const;
    void set(std::string key, MetaValue value);

    [[nodiscard]] std::optional<std::string> title() const;
    /// The first of `date_keys` that holds a date, else the date taken from a
    /// `YYYY-MM-DD-slug.md` file name, else the date in `path`, `permalink` or `url`.
    [[nodiscard]] std::optional<Date> date() const;
    /// Where `date()` comes from: a key's name, "file name", or nothing when there is no date.
    [[nodiscard]] std::optional<std::string> date_source() const;
    /// `author` or `authors`: a string, a list of strings, or maps with a `name`.
    [[nodiscard]] std::vector<std::string> authors() const;
    /// `excerpt`, else `description`; surrounding white space trimmed.
    [[nodiscard]] std::optional<std::string> excerpt() const;
    [[nodiscard]] std::optional<std::string> image() const;
    /// `tags` and `categories` together, in order, without duplicates.
    [[nodiscard]] std::vector<std::string> tags() const;
    [[nodiscard]] std::optional<std::string> lang() const;
    [[nodiscard]] bool draft() const;
    [[nodiscard]] std::optional<std::string> style() const;

    /// The date a Jekyll-style file name supplied; used only when front matter has no `date`.
    std::optional<Date> file_name_date;

  private:
    /// The date and where it comes from, looked up once for both accessors.
    [[nodiscard]] std::optional<std::pair<Date, std::string>> date_with_source() const;
    MetaMap values_;
};

}  // namespace broadside::core
