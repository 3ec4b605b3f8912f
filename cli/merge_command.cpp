#include "merge_command.hpp"

#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "broadside/core/merge.hpp"
#include "broadside/core/output_file.hpp"
#include "broadside/core/parallel.hpp"
#include "broadside/core/reader.hpp"
#include "broadside/core/records.hpp"
#include "broadside/merge/combined_layout.hpp"
#include "broadside/merge/merge_diagnostics.hpp"
#include "broadside/merge/merge_template.hpp"
#include "broadside/merge/output_pattern.hpp"
#include "broadside/merge/staged_files.hpp"
#include "broadside/pdf/pdf_exporter.hpp"
#include "broadside/pdf/pdf_writer.hpp"
#include "broadside/styles/style.hpp"
#include "commands.hpp"
#include "document_style.hpp"
#include "progress_bar.hpp"
#include "service_checks.hpp"

namespace broadside::cli {
namespace {

using merge::CombinedLayout;
using merge::expand_output_pattern;
using merge::is_output_pattern;
using merge::MergeDiagnostics;
using merge::MergeTemplate;
using merge::record_label;
using merge::StagedFiles;

using Exporter = std::unique_ptr<pdf::PdfExporter>;

/// What the job shares with its worker threads; read-only once the workers start.
struct MergeJob {
    const Options& options;
    MergeTemplate& letter;
    const std::vector<core::Record>& records;
    const styles::Style& style;
    unsigned jobs;
    const char* source_date_epoch;
    const std::vector<styles::MailService>& services;  ///< `--check-for`

    [[nodiscard]] Exporter make_exporter() const {
        return std::make_unique<pdf::PdfExporter>(style);
    }
    /// Lays out one filled letter with the job's resource folders and limits.
    /// Lays out one filled letter with the job's resource folders and limits, and measures it
    /// against the `--check-for` services.
    [[nodiscard]] pdf::Layout lay_out(pdf::PdfExporter& exporter, const core::Document& doc,
                                      core::Diagnostics& diags) const {
        pdf::Layout layout = exporter.layout(doc, diags, options.resource_paths, options.limits);
        check_letter(services, layout, style.letter, doc.source_path, diags);
        return layout;
    }
    /// Results waiting for their turn: enough to keep every thread busy, few enough that
    /// memory does not grow with the number of records.
    [[nodiscard]] std::size_t window() const { return 2 * std::size_t{jobs}; }
};

/// Fills every record once before anything is rendered, so a missing field in record 900 is
/// reported at once, together with every other one, and no output is started.
void check_records(MergeJob& job, core::Diagnostics& diags) {
    for (const auto& r : job.records) job.letter.fill(r, diags);
}

struct Rendered {
    core::Diagnostics diags;
    std::optional<std::vector<std::uint8_t>> bytes;
};

int write_per_record(MergeJob& job, const std::vector<std::string>& paths,
                     MergeDiagnostics& messages) {
    core::Diagnostics diags;  // the job's own: staging and committing the files
    StagedFiles staged(paths);
    bool ok;
    {
        ProgressBar progress("letters", job.records.size());
        ok = core::run_in_order<Exporter, Rendered>(
            job.records.size(), job.jobs, job.window(), [&] { return job.make_exporter(); },
            [&](Exporter& exporter, std::size_t i) {
                Rendered out;
                auto doc = job.letter.fill(job.records[i], out.diags);
                if (!doc) return out;
                pdf::Layout layout = job.lay_out(*exporter, *doc, out.diags);
                if (!out.diags.has_errors())
                    out.bytes = exporter->render(*doc, layout, out.diags, job.source_date_epoch);
                if (out.bytes)
                    check_letter_file(job.services, out.bytes->size(), doc->source_path, out.diags);
                return out;
            },
            [&](std::size_t i, Rendered&& r) {
                messages.add(r.diags, record_label(job.records[i], job.letter.data_file()));
                if (r.diags.has_errors() || !r.bytes || !staged.stage(paths[i], *r.bytes, diags))
                    return false;
                progress.update(i + 1);
                return true;
            });
    }
    if (ok) staged.commit();
    messages.add(diags);
    return report(messages.merged());
}

struct Laid {
    core::Diagnostics diags;
    pdf::Layout layout;
    std::string bookmark;
};

/// Document information of the combined file: the template's, minus any field that still
/// holds a placeholder (a title "Letter to {{name}}" belongs to no single letter).
pdf::DocumentInfo combined_info(const core::Document& letter, const char* source_date_epoch) {
    pdf::DocumentInfo info = pdf::document_info(letter.meta, source_date_epoch);
    for (std::string* s : {&info.title, &info.author, &info.subject, &info.keywords})
        if (s->find("{{") != std::string::npos) s->clear();
    return info;
}

int write_combined(MergeJob& job, MergeDiagnostics& messages) {
    core::Diagnostics diags;
    // Opened before the letters are made: an unwritable folder costs nothing but the message.
    core::OutputFile output(job.options.output, diags);
    if (!output.ok()) {
        messages.add(diags);
        return report(messages.merged());
    }
    const auto& letter = job.letter.document();
    // Pages go into the PDF as each letter arrives, so memory holds one window of letters'
    // layouts, not the batch.
    pdf::PdfPageWriter writer(combined_info(letter, job.source_date_epoch), diags,
                              letter.source_path);
    CombinedLayout combined(job.options.duplex, [&writer](pdf::Page&& page) { writer.add(page); });
    bool ok;
    {
        ProgressBar progress("letters", job.records.size());
        ok = core::run_in_order<Exporter, Laid>(
            job.records.size(), job.jobs, job.window(), [&] { return job.make_exporter(); },
            [&](Exporter& exporter, std::size_t i) {
                Laid out;
                const auto& record = job.records[i];
                auto doc = job.letter.fill(record, out.diags);
                if (!doc) return out;
                out.layout = job.lay_out(*exporter, *doc, out.diags);
                out.bookmark = job.letter.bookmark_title(*doc, record);
                return out;
            },
            [&](std::size_t i, Laid&& l) {
                const auto& record = job.records[i];
                messages.add(l.diags, record_label(record, job.letter.data_file()));
                if (l.diags.has_errors()) return false;
                combined.append(std::move(l.layout), record.number, l.bookmark);
                progress.update(i + 1);
                return true;
            });
    }
    if (ok) {
        auto bytes = writer.finish();
        if (bytes && output.write(bytes->data(), bytes->size())) output.commit();
        messages.add(diags);
    }
    return report(messages.merged());
}

}  // namespace

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

    MergeTemplate letter(std::move(*doc), options.merge, options.resource_paths, options.limits);
    unsigned jobs = options.jobs > 0 ? static_cast<unsigned>(options.jobs)
                                     : std::max(1u, std::thread::hardware_concurrency());
    MergeJob job{options,  letter, *records, *style, jobs, std::getenv("SOURCE_DATE_EPOCH"),
                 *services};

    check_records(job, diags);
    const bool per_record = is_output_pattern(options.output);
    std::vector<std::string> paths;
    if (per_record) paths = expand_output_pattern(options.output, *records, options.merge, diags);
    if (per_record && options.duplex)
        diags.warning("--duplex", 0, 0, "pads letters only in a combined file; ignored",
                      "print the per-record files as separate duplex jobs");
    MergeDiagnostics messages;
    messages.add(diags);
    if (messages.has_errors()) return report(messages.merged());
    return per_record ? write_per_record(job, paths, messages) : write_combined(job, messages);
}

}  // namespace broadside::cli
