#include "merge_command.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "broadside/core/date_text.hpp"
#include "broadside/core/merge.hpp"
#include "broadside/core/reader.hpp"
#include "broadside/core/records.hpp"
#include "broadside/merge/merge_job.hpp"
#include "broadside/styles/style.hpp"
#include "commands.hpp"
#include "document_style.hpp"
#include "progress_bar.hpp"
#include "service_checks.hpp"

namespace broadside::cli {

int run_merge(const Options& options) {
    if (options.inputs.size() != 1) {
        std::cerr << "broadside: a mail merge takes exactly one letter template\n";
        return exit_usage_error;
    }
    if (options.dump_layout) {
        std::cerr << "broadside: --dump-layout does not work with --merge\n";
        return exit_usage_error;
    }
    core::Diagnostics diags;
    auto doc = core::read_document_file(options.inputs.front(), diags, options.limits);
    auto records = core::read_records_file(options.merge, diags, options.limits.max_file_bytes);
    if (!doc || !records) return report(diags), exit_input_error;
    if (!core::has_fields(*doc))
        diags.warning(doc->source_path, 0, 0,
                      "the template has no {{field}}; every letter is the same",
                      "write e.g. {{name}} where a record's value belongs");
    auto style = document_style(*doc, options, diags);
    if (!style) return report(diags), exit_input_error;
    auto services = services_to_check(options, diags);
    if (!services) return report(diags), exit_input_error;

    merge::MergeOptions job;
    job.data_file = options.merge;
    job.output = options.output;
    job.duplex = options.duplex;
    job.jobs = options.jobs > 0 ? static_cast<unsigned>(options.jobs)
                                : std::max(1u, std::thread::hardware_concurrency());
    job.resource_paths = options.resource_paths;
    job.limits = options.limits;
    job.source_date_epoch = core::source_date_epoch(diags);
    job.services = std::move(*services);
    StagedProgress progress;
    job.progress = [&progress](std::size_t done, std::size_t total) {
        progress.show("letters", done, total);
    };
    merge::run_merge(std::move(*doc), *records, *style, job, diags);
    progress.finish();  // ends its line before the messages
    return report(diags);
}

}  // namespace broadside::cli
