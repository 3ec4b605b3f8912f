#pragma once

#include <span>
#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"
#include "options.hpp"

namespace broadside::cli {

/// Exit statuses of the `broadside` program.
enum ExitStatus { exit_ok = 0, exit_input_error = 1, exit_usage_error = 2 };

/// One output format the program can write. `run` reads `options.inputs`, writes
/// `options.output` atomically and returns an ExitStatus.
struct OutputFormat {
    std::string_view name;       ///< the `--to` value
    std::string_view extension;  ///< chosen when `-o` ends with it, e.g. ".pdf"
    int (*run)(const Options& options);
};

/// Every format this build can write (cli/formats.cpp).
std::span<const OutputFormat> output_formats();

/// `broadside dump FILE.md`: prints the document model as an indented tree.
int run_dump(const std::string& path);

/// Prints the diagnostics to stderr, one per line, and returns exit_input_error when any is an
/// error, else exit_ok.
int report(const core::Diagnostics& diags);

/// Every diagnostic report() printed in this run, in order.
const std::vector<core::Diagnostic>& printed_diagnostics();

/// `--report FILE.json`: writes every diagnostic printed so far as JSON (core::diagnostics_json)
/// and returns `status`, or exit_input_error when the file cannot be written.
int write_report(const std::string& path, int status);

}  // namespace broadside::cli
