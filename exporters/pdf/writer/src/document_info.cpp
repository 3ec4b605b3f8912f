#include <cerrno>
#include <cstdlib>

#include "broadside/pdf/pdf_writer.hpp"

namespace broadside::pdf {
namespace {

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

/// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm): no time zone database,
/// no locale, the same answer everywhere.
core::Date from_unix_seconds(long long seconds) {
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
    core::Date d;
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

}  // namespace

DocumentInfo document_info(const core::Meta& meta, const char* source_date_epoch) {
    DocumentInfo info;
    info.title = meta.title().value_or("");
    info.author = join(meta.authors());
    info.subject = meta.excerpt().value_or("");
    info.keywords = join(meta.tags());
    info.created = meta.date();
    if (!info.created && source_date_epoch && *source_date_epoch) {
        char* end = nullptr;
        errno = 0;
        long long s = std::strtoll(source_date_epoch, &end, 10);
        if (errno == 0 && end && *end == '\0') info.created = from_unix_seconds(s);
    }
    return info;
}

}  // namespace broadside::pdf
