#pragma once

#include <optional>
#include <string>
#include <vector>

#include "broadside/core/job_settings.hpp"
#include "broadside/core/shard.hpp"

namespace broadside::cli {

/// What the command line asked for, after parsing. Paths are as the user typed them.
struct Options {
    std::vector<std::string> inputs;  ///< files, folders or globs
    std::string output;               ///< `-o`; empty when not given
    std::string to;                   ///< `--to pdf|epub`, else taken from the output's extension
    std::string style;                ///< `--style NAME|FILE`
    std::string collection;           ///< `--collection FILE` (ePub)
    bool dump_layout = false;         ///< `--dump-layout`: print the PDF layout tree
    bool strict = false;              ///< `--strict`: a broken post stops the job
    bool include_drafts = false;      ///< `--drafts`
    bool oldest_first = false;        ///< `--oldest-first` (ePub order)
    std::optional<bool> embed_fonts;  ///< `--embed-fonts` / `--no-embed-fonts`
    std::string merge;                ///< `--merge FILE`: mail-merge data (CSV or YAML)
    core::Shard shard;                ///< `--shard I/N`: the I-th of N parts
    bool duplex = false;         ///< `--duplex`: pad each letter of a combined merge to even pages
    bool attach_record = false;  ///< `--attach-record`: each merged PDF carries its record
    std::vector<std::string>
        check_for;       ///< `--check-for SERVICE`: mail services to measure against
    std::string report;  ///< `--report FILE.json`: every diagnostic as JSON
    /// What every command hands its exporter: `--resource-path` (may repeat), `--site-root`,
    /// `--jobs`, the limits (`--max-file-size`, `--max-image-pixels`, ...) and, read once
    /// before the command runs, SOURCE_DATE_EPOCH.
    core::JobSettings job;
};

}  // namespace broadside::cli
