#include <iostream>

#include "broadside/core/output_file.hpp"
#include "commands.hpp"

namespace broadside::cli {
namespace {

// Everything this run printed, for --report: one job per process, and printing happens on the
// calling thread only.
std::vector<core::Diagnostic>& printed() {
    static std::vector<core::Diagnostic> all;
    return all;
}

}  // namespace

const std::vector<core::Diagnostic>& printed_diagnostics() {
    return printed();
}

int report(const core::Diagnostics& diags) {
    for (const auto& d : diags.items()) {
        std::cerr << core::format_diagnostic(d) << '\n';
        printed().push_back(d);
    }
    return diags.has_errors() ? exit_input_error : exit_ok;
}

int write_report(const std::string& path, int status) {
    core::Diagnostics diags;
    core::OutputFile out(path, diags);
    const std::string json = core::diagnostics_json(printed());
    if (out.ok() && out.write(json.data(), json.size())) out.commit();
    for (const auto& d : diags.items()) std::cerr << core::format_diagnostic(d) << '\n';
    return diags.has_errors() ? exit_input_error : status;
}

}  // namespace broadside::cli
