#pragma once

#include <optional>
#include <string>

#include "broadside/core/meta.hpp"

namespace broadside::core {

/// Formats dates in one language's long form ("12 July 2021", "2021年7月12日"), without the
/// time of day. Not thread-safe: use one per thread.
class DateText {
  public:
    /// `lang` is a BCP 47 tag; ICU falls back to English for languages it does not know.
    explicit DateText(const std::string& lang);
    ~DateText();
    DateText(const DateText&) = delete;
    DateText& operator=(const DateText&) = delete;

    /// The long form of `date`; the ISO form when ICU cannot format it.
    [[nodiscard]] std::string format(const Date& date) const;

  private:
    struct Impl;
    Impl* impl_;
};

/// The date and time `seconds` after 1970-01-01T00:00:00Z, offset 0, by arithmetic alone (no
/// time zone database, no locale), so every machine gives the same answer.
Date date_from_unix_seconds(long long seconds);

/// `CCYY-MM-DDThh:mm:ssZ` for a count of seconds since 1970 (UTC), as `dcterms:modified`
/// requires, independent of the locale and time zone.
std::string utc_timestamp(long long unix_seconds);

}  // namespace broadside::core
