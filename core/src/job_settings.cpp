#include "broadside/core/job_settings.hpp"

#include <cerrno>
#include <cstdlib>

namespace broadside::core {

JobSettings job_settings_from_environment(Diagnostics& diags) {
    JobSettings settings;
    const char* env = std::getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env) return settings;
    char* end = nullptr;
    errno = 0;
    const long long seconds = std::strtoll(env, &end, 10);
    if (errno != 0 || *end != '\0' || seconds < 0)
        diags.warning("SOURCE_DATE_EPOCH", 0, 0, "is not a number of seconds; ignored",
                      "set it to the seconds since 1970, e.g. $(git log -1 --format=%ct)");
    else
        settings.source_date_epoch = seconds;
    return settings;
}

}  // namespace broadside::core
