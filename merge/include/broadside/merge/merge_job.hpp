// A whole mail-merge job, as a library call: the CLI's `--merge` and any service that makes
// letters from records use the same code.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/job_settings.hpp"
#include "broadside/core/records.hpp"
#include "broadside/core/shard.hpp"
#include "broadside/styles/mail_service.hpp"
#include "broadside/styles/style.hpp"

namespace broadside::merge {

/// How and where a merge job writes its letters.
struct MergeOptions {
    std::string data_file;  ///< the records' file, as messages name it
    /// A PDF for all letters, or a pattern with a `{{field}}` (`out/{{id}}.pdf`) for one PDF
    /// per record (is_output_pattern).
    std::string output;
    bool duplex = false;  ///< combined: a letter of odd length is followed by a blank page
    /// The part of the records this job writes: each letter byte for byte what the whole job
    /// writes for it (file names included), so N machines can share a batch.
    core::Shard shard;
    /// What every job shares. Its `jobs` threads each keep one PdfExporter for their records;
    /// its progress stage is "letters", called in record order from the calling thread.
    core::JobSettings job;
    std::vector<styles::MailService> services;  ///< letters are checked against these rules
    /// Each letter's PDF carries the record it was made from as `record.csv` (a combined PDF
    /// its records as `records.csv`), an associated file of a PDF/A-3u document, so what was
    /// sent to whom can be shown later.
    bool attach_record = false;
};

/// Writes one letter per record from `letter` (a template read from its file) in `style`.
/// Every record's fields are filled once before anything is rendered, so a missing field in
/// record 900 stops the job at once, with every other one. Letters are laid out on
/// `options.job.jobs` threads and written in record order, so bytes do not depend on the thread
/// count; a failed job leaves no output behind. Messages are merged across records (a
/// template's warning once, a record's with its label) into `diags`. True when the output is
/// in place.
bool run_merge(core::Document letter, const std::vector<core::Record>& records,
               const styles::Style& style, const MergeOptions& options, core::Diagnostics& diags);

}  // namespace broadside::merge
