#include "merge_command.hpp"

#include <cstdlib>
#include <iostream>

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
    auto doc = core::read_document_file(options.inputs.front(), diags, options.job.limits);
    auto records = core::read_records_file(options.merge, diags, options.job.limits.max_file_bytes);
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
    job.attach_record = options.attach_record;
    job.shard = options.shard;
    job.job = options.job;
    job.services = std::move(*services);
    StagedProgress progress;
    job.job.progress = [&progress](std::string_view stage, std::size_t done, std::size_t total) {
        progress.show(stage, done, total);
    };
    merge::run_merge(std::move(*doc), *records, *style, job, diags);
    progress.finish();  // ends its line before the messages
    return report(diags);
}

}  // namespace broadside::cli
