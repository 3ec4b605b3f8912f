#include "broadside/merge/merge_job.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>

#include "broadside/core/output_file.hpp"
#include "broadside/core/parallel.hpp"
#include "broadside/merge/combined_layout.hpp"
#include "broadside/merge/merge_diagnostics.hpp"
#include "broadside/merge/merge_template.hpp"
#include "broadside/merge/output_pattern.hpp"
#include "broadside/merge/staged_files.hpp"
#include "broadside/pdf/pdf_exporter.hpp"
#include "broadside/pdf/pdf_writer.hpp"
#include "broadside/pdf/service_check.hpp"

namespace broadside::merge {
namespace {

using Exporter = std::unique_ptr<pdf::PdfExporter>;

/// What the job shares with its worker threads; read-only once the workers start.
// The co-signers as records of `group` (when the letter groups them) and `name`.
std::vector<core::Record> signatory_records(const core::Signatories& signatories) {
    std::vector<core::Record> out;
    for (const auto& group : signatories.groups)
        for (const auto& name : group.members) {
            core::Record r;
            if (!group.name.empty()) r.fields.emplace_back("group", group.name);
            r.fields.emplace_back("name", name);
            out.push_back(std::move(r));
        }
    return out;
}

// With `--attach-record`, the co-signers the letter lists (the same for every letter, so made
// once), if it lists any.
std::optional<pdf::Attachment> signatories_attachment(const MergeOptions& options,
                                                      MergeTemplate& letter) {
    if (!options.attach_record) return std::nullopt;
    core::Diagnostics unused;  // the template's letter errors are reported when records are checked
    const auto& signatories = letter.signatories(unused);
    if (!signatories || signatories->count() == 0) return std::nullopt;
    return pdf::Attachment{"signatories.csv", "text/csv",
                           "The organisations that signed the letter, as it lists them",
                           core::records_csv(signatory_records(*signatories))};
}

struct MergeJob {
    const MergeOptions& options;
    MergeTemplate& letter;
    const std::vector<core::Record>& records;
    const styles::Style& style;
    std::optional<pdf::Attachment> signatories{};

    [[nodiscard]] Exporter make_exporter() const {
        return std::make_unique<pdf::PdfExporter>(style);
    }
    /// Lays out one filled letter with the job's resource folders and limits, and measures it
    /// against the `--check-for` services.
    [[nodiscard]] pdf::Layout lay_out(pdf::PdfExporter& exporter, const core::Document& doc,
                                      core::Diagnostics& diags) const {
        pdf::Layout layout =
            exporter.layout(doc, diags, options.job.resource_paths, options.job.limits);
        pdf::check_for_services(layout, style.letter, options.services, doc.source_path, diags);
        return layout;
    }
    /// Results waiting for their turn: enough to keep every thread busy, few enough that
    /// memory does not grow with the number of records.
    [[nodiscard]] std::size_t window() const { return 2 * std::size_t{jobs()}; }
    [[nodiscard]] unsigned jobs() const {
        return core::worker_count(options.job.jobs, records.size());
    }
    /// With `--attach-record`: `records` as CSV inside the PDF, and the co-signers the letter
    /// lists, if any. In this order: a name tree's keys must be sorted, and "record…" comes
    /// before "signatories.csv".
    [[nodiscard]] std::vector<pdf::Attachment> attachments(
        const std::vector<core::Record>& records) const {
        if (!options.attach_record) return {};
        const std::string data = std::filesystem::path(options.data_file).filename().string();
        std::vector<pdf::Attachment> out{
            {records.size() == 1 ? "record.csv" : "records.csv", "text/csv",
             records.size() == 1 ? "The record of " + data + " this letter was made from"
                                 : "The records of " + data + " these letters were made from",
             core::records_csv(records)}};
        if (signatories) out.push_back(*signatories);
        return out;
    }
    void progress(std::size_t done) const {
        if (options.job.progress) options.job.progress("letters", done, records.size());
    }
};

/// Fills every record once before anything is rendered, so a missing field in record 900 is
/// reported at once, together with every other one, and no output is started.
void check_records(const MergeJob& job, core::Diagnostics& diags) {
    for (const auto& r : job.records) job.letter.fill(r, diags);
}

struct Rendered {
    core::Diagnostics diags;
    std::optional<std::vector<std::uint8_t>> bytes;
};

bool write_per_record(MergeJob& job, const std::vector<std::string>& paths,
                      MergeDiagnostics& messages) {
    core::Diagnostics diags;  // the job's own: staging and committing the files
    StagedFiles staged(paths);
    const bool ok = core::run_in_order<Exporter, Rendered>(
        job.records.size(), job.jobs(), job.window(), [&] { return job.make_exporter(); },
        [&](Exporter& exporter, std::size_t i) {
            Rendered out;
            auto doc = job.letter.fill(job.records[i], out.diags);
            if (!doc) return out;
            pdf::Layout layout = job.lay_out(*exporter, *doc, out.diags);
            if (!out.diags.has_errors())
                out.bytes = exporter->render(*doc, layout, out.diags, job.options.job,
                                             job.attachments({job.records[i]}));
            if (out.bytes)
                pdf::check_file_for_services(out.bytes->size(), job.options.services,
                                             doc->source_path, out.diags);
            return out;
        },
        [&](std::size_t i, Rendered&& r) {
            messages.add(r.diags, record_label(job.records[i], job.letter.data_file()));
            if (r.diags.has_errors() || !r.bytes || !staged.stage(paths[i], *r.bytes, diags))
                return false;
            job.progress(i + 1);
            return true;
        });
    const bool committed = ok && staged.commit();
    messages.add(diags);
    return committed;
}

struct Laid {
    core::Diagnostics diags;
    pdf::Layout layout;
    std::string bookmark;
};

/// Document information of the combined file: the template's, minus any field that still
/// holds a placeholder (a title "Letter to {{name}}" belongs to no single letter).
pdf::DocumentInfo combined_info(const core::Document& letter, const core::JobSettings& job) {
    pdf::DocumentInfo info = pdf::document_info(letter.meta, job);
    for (std::string* s : {&info.title, &info.author, &info.subject, &info.keywords})
        if (s->find("{{") != std::string::npos) s->clear();
    if (info.title.empty()) info.title = pdf::document_info({}, job, letter.source_path).title;
    return info;
}

bool write_combined(MergeJob& job, MergeDiagnostics& messages) {
    core::Diagnostics diags;
    // Opened before the letters are made: an unwritable folder costs nothing but the message.
    core::OutputFile output(job.options.output, diags);
    if (!output.ok()) {
        messages.add(diags);
        return false;
    }
    const auto& letter = job.letter.document();
    // Pages go into the PDF as each letter arrives, so memory holds one window of letters'
    // layouts, not the batch.
    pdf::DocumentInfo info = combined_info(letter, job.options.job);
    info.attachments = job.attachments(job.records);
    pdf::PdfPageWriter writer(info, diags, letter.source_path);
    CombinedLayout combined(job.options.duplex, [&writer](pdf::Page&& page) { writer.add(page); });
    const bool ok = core::run_in_order<Exporter, Laid>(
        job.records.size(), job.jobs(), job.window(), [&] { return job.make_exporter(); },
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
            job.progress(i + 1);
            return true;
        });
    bool written = false;
    if (ok) {
        auto bytes = writer.finish();
        written = bytes && output.write(bytes->data(), bytes->size()) && output.commit();
        messages.add(diags);
    }
    return written;
}

}  // namespace

bool run_merge(core::Document letter, const std::vector<core::Record>& records,
               const styles::Style& style, const MergeOptions& options, core::Diagnostics& diags) {
    MergeTemplate filler(std::move(letter), options.data_file, options.job.resource_paths,
                         options.job.limits);
    check_records(MergeJob{options, filler, records, style}, diags);
    const bool per_record = is_output_pattern(options.output);
    std::vector<std::string> paths;
    // Names come from every record, so a name two records share gets the same suffix in a
    // shard as in the whole job.
    if (per_record)
        paths = expand_output_pattern(options.output, records, options.data_file, diags);
    const auto [begin, end] = options.shard.of(records.size());
    const std::vector<core::Record> mine(records.begin() + begin, records.begin() + end);
    if (!paths.empty())
        paths = std::vector<std::string>(paths.begin() + begin, paths.begin() + end);
    MergeJob job{options, filler, mine, style, signatories_attachment(options, filler)};
    if (per_record && options.duplex)
        diags.warning("--duplex", 0, 0, "pads letters only in a combined file; ignored",
                      "print the per-record files as separate duplex jobs");
    MergeDiagnostics messages;
    messages.add(diags);
    bool done = false;
    if (!messages.has_errors())
        done = per_record ? write_per_record(job, paths, messages) : write_combined(job, messages);
    diags = messages.merged();
    return done;
}

}  // namespace broadside::merge
