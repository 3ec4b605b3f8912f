#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/letter.hpp"
#include "broadside/core/limits.hpp"
#include "broadside/core/records.hpp"

namespace broadside::merge {

/// How messages name a record: "record 3 (recipients.csv:4)".
std::string record_label(const core::Record& record, const std::string& data_file);

/// A letter template and its merge data: fills a copy of the template for one record. Safe to
/// use from several threads once constructed.
class MergeTemplate {
  public:
    /// `resource_paths` let the template's signatories file live outside its folder.
    MergeTemplate(core::Document doc, std::string data_file,
                  std::vector<std::string> resource_paths, const core::Limits& limits);

    /// The template with `record`'s fields filled in; nothing when a field is missing (the
    /// error, naming the record and the field, is in `diags`).
    std::optional<core::Document> fill(const core::Record& record, core::Diagnostics& diags);

    /// The bookmark of a filled letter in a combined PDF: the first address line, else the
    /// record's `name`, else its label.
    [[nodiscard]] std::string bookmark_title(const core::Document& filled,
                                             const core::Record& record) const;

    /// The template's co-signers as its letters print them (core::read_letter), read once: what
    /// `{{signatories.count}}` counts and `--attach-record` attaches. Nothing when the letter
    /// cannot be read (the error is in `diags`, for the first asker only).
    const std::optional<core::Signatories>& signatories(core::Diagnostics& diags);

    [[nodiscard]] const core::Document& document() const { return doc_; }
    [[nodiscard]] const std::string& data_file() const { return data_file_; }

  private:
    core::Document doc_;
    std::string data_file_;
    std::vector<std::string> resource_paths_;
    core::Limits limits_;
    // Read from the template on the first `{{signatories.count}}`: a file-backed list costs a
    // read, and templates that never ask should not get letter warnings.
    std::once_flag signatories_once_;
    std::optional<core::Signatories> signatories_;
};

}  // namespace broadside::merge
