#pragma once

#include <optional>
#include <string>
#include <vector>

#include "broadside/core/limits.hpp"

namespace broadside::cli {

/// What the command line asked for, after parsing. Paths are as the user typed them.
struct Options {
    std::vector<std::string> inputs;  ///< files, folders or globs
    std::string output;               ///< `-o`; empty when not given
    std::string to;                   ///< `--to pdf|epub`, else taken from the output's extension
    std::string style;                ///< `--style NAME|FILE`
    std::string collection;           ///< `--collection FILE` (ePub)
    std::vector<std::string> resource_paths;  ///< `--resource-path DIR`, may repeat
    std::string site_root;                    ///< `--site-root DIR`; empty: found, if any
    bool dump_layout = false;                 ///< `--dump-layout`: print the PDF layout tree
    bool strict = false;                      ///< `--strict`: a broken post stops the job
    bool include_drafts = false;              ///< `--drafts`
    bool oldest_first = false;                ///< `--oldest-first` (ePub order)
    std::optional<bool> embed_fonts;          ///< `--embed-fonts` / `--no-embed-fonts`
    int jobs = 0;                             ///< `--jobs N`; 0 = all cores
    std::string merge;                        ///< `--merge FILE`: mail-merge data (CSV or YAML)
    std::size_t shard = 1, shards = 1;        ///< `--shard I/N`: the I-th of N parts of a merge
    bool duplex = false;  ///< `--duplex`: pad each letter of a combined merge to even pages
    std::vector<std::string>
        check_for;        ///< `--check-for SERVICE`: mail services to measure against
    std::string report;   ///< `--report FILE.json`: every diagnostic as JSON
    core::Limits limits;  ///< `--max-file-size`, `--max-image-pixels`, `--max-nesting`, ...
};

}  // namespace broadside::cli
