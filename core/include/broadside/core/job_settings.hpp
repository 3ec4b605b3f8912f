// What every job shares, whatever it writes (one PDF, a mail merge, an ePub or a PDF book):
// built once (by the CLI from its arguments and the environment, or by a program using the
// library) and handed to each exporter as it is, so no exporter reads these its own way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/limits.hpp"

namespace broadside::core {

/// Called with a stage ("reading", "letters", "chapters", "writing"), the items done and their
/// total; from one thread at a time.
using Progress = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

struct JobSettings {
    /// The resource policy: folders outside the input's own that files may be read from.
    std::vector<std::string> resource_paths;
    /// The site project the inputs belong to; empty: the one found around the input, if any.
    std::string site_root;
    Limits limits;  ///< sizes of files and images, nesting and tables
    /// Seconds since 1970 that stand for "now" in dates the output records (creation date,
    /// `dcterms:modified`): SOURCE_DATE_EPOCH, so builds are reproducible.
    std::optional<std::int64_t> source_date_epoch;
    int jobs = 0;  ///< worker threads; 0 = one per core (core::worker_count)
    /// PDF outputs claim PDF/A-2u (`--pdf-standard a-2u`); with `pdf_ua` they are tagged and
    /// claim PDF/UA-1 (`ua-1`). Both are the default (`ua-1,a-2u`); `none` clears both and
    /// writes the plain PDF of before. The ePub has no such claims.
    bool pdf_a = true;
    bool pdf_ua = true;
    Progress progress;  ///< may be empty
};

/// Default settings with SOURCE_DATE_EPOCH read from the environment, the one place it is
/// parsed: a value that is no number of seconds is a warning in `diags` and ignored.
JobSettings job_settings_from_environment(Diagnostics& diags);

}  // namespace broadside::core
