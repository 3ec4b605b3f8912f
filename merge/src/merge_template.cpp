#include "broadside/merge/merge_template.hpp"

#include <filesystem>

#include "broadside/core/letter.hpp"
#include "broadside/core/merge.hpp"
#include "broadside/core/resources.hpp"

namespace broadside::merge {
namespace {

std::string first_line(const std::string& text) {
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return {};
    const auto end = text.find_first_of("\r\n", start);
    return text.substr(start, end == std::string::npos ? end : end - start);
}

}  // namespace

std::string record_label(const core::Record& record, const std::string& data_file) {
    return "record " + std::to_string(record.number) + " (" + data_file + ":" +
           std::to_string(record.line) + ")";
}

MergeTemplate::MergeTemplate(core::Document doc, std::string data_file,
                             std::vector<std::string> resource_paths, const core::Limits& limits)
    : doc_(std::move(doc)),
      data_file_(std::move(data_file)),
      resource_paths_(std::move(resource_paths)),
      limits_(limits) {}

const std::optional<core::Signatories>& MergeTemplate::signatories(core::Diagnostics& diags) {
    std::call_once(signatories_once_, [&] {
        std::string folder = std::filesystem::path(doc_.source_path).parent_path().string();
        core::ResourcePolicy resources(folder.empty() ? "." : folder, resource_paths_, limits_);
        core::Diagnostics letter_diags;
        auto letter = core::read_letter(doc_, resources, letter_diags);
        if (letter) signatories_ = letter->signatories;
        // Only errors matter here, reported once to the first asker; the letter layout reports
        // its own warnings.
        for (const auto& d : letter_diags.items())
            if (d.severity == core::Severity::error) diags.add(d);
    });
    return signatories_;
}

std::optional<core::Document> MergeTemplate::fill(const core::Record& record,
                                                  core::Diagnostics& diags) {
    core::Document doc = doc_;
    auto lookup = [&](std::string_view name) -> std::optional<std::string> {
        if (const auto* v = record.find(name)) return *v;
        if (name == "signatories.count") {
            const auto& s = signatories(diags);
            return s ? std::optional<std::string>(std::to_string(s->count())) : std::nullopt;
        }
        return std::nullopt;
    };
    if (!core::fill_fields(doc, lookup, record_label(record, data_file_), diags))
        return std::nullopt;
    return doc;
}

std::string MergeTemplate::bookmark_title(const core::Document& filled,
                                          const core::Record& record) const {
    if (const auto* to = filled.meta.find("to")) {
        const core::MetaValue* first = to;
        if (const auto* list = to->as_list(); list && !list->empty()) first = &list->front();
        if (auto line = first_line(first->to_text()); !line.empty()) return line;
    }
    if (const auto* name = record.find("name"); name && !first_line(*name).empty())
        return first_line(*name);
    return record_label(record, data_file_);
}

}  // namespace broadside::merge
