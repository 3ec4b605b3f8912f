// ICU does the language-specific part; dates are formatted in UTC so the output never depends
// on the machine's time zone.
#include "broadside/core/date_text.hpp"

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <ctime>
#include <memory>

namespace broadside::core {

struct DateText::Impl {
    std::unique_ptr<icu::DateFormat> format;
};

DateText::DateText(const std::string& lang) : impl_(new Impl) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(lang.empty() ? "en" : lang, status);
    if (U_FAILURE(status)) locale = icu::Locale::getEnglish();
    impl_->format.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
    if (impl_->format) impl_->format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
}

DateText::~DateText() {
    delete impl_;
}

std::string DateText::format(const Date& date) const {
    if (!impl_->format) return date.iso();
    // Noon keeps the calendar day whatever offset the source gave.
    Date day;
    day.year = date.year;
    day.month = date.month;
    day.day = date.day;
    const double millis = (static_cast<double>(day.unix_seconds()) + 12 * 3600) * 1000.0;
    icu::UnicodeString text;
    impl_->format->format(millis, text);
    std::string out;
    text.toUTF8String(out);
    return out.empty() ? date.iso() : out;
}

/// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm): no time zone database,
/// no locale, the same answer everywhere.
Date date_from_unix_seconds(long long seconds) {
    long long days = seconds / 86400;
    long long rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    days += 719468;
    long long era = (days >= 0 ? days : days - 146096) / 146097;
    long long doe = days - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    Date d;
    d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
    d.has_time = true;
    d.hour = static_cast<int>(rest / 3600);
    d.minute = static_cast<int>(rest / 60 % 60);
    d.second = static_cast<int>(rest % 60);
    d.utc_offset_minutes = 0;
    return d;
}

std::string utc_timestamp(long long unix_seconds) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

}  // namespace broadside::core
