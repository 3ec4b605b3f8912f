#include "broadside/merge/merge_diagnostics.hpp"

namespace broadside::merge {
namespace {

// Up to this many records are named in front of a shared message; more means the template.
constexpr std::size_t max_named_records = 3;

}  // namespace

void MergeDiagnostics::add(const core::Diagnostics& diags) {
    for (const auto& d : diags.items()) add(d, nullptr);
}

void MergeDiagnostics::add(const core::Diagnostics& diags, const std::string& label) {
    for (const auto& d : diags.items()) add(d, &label);
}

void MergeDiagnostics::add(const core::Diagnostic& d, const std::string* label) {
    auto [it, fresh] = index_.try_emplace(core::format_diagnostic(d), entries_.size());
    if (fresh) entries_.push_back({d, {}});
    // A fill error already names its record ("record 3 (r.csv:4) has no field 'x'").
    if (label && !d.message.starts_with("record ")) entries_[it->second].records.push_back(*label);
}

bool MergeDiagnostics::has_errors() const {
    for (const auto& e : entries_)
        if (e.diagnostic.severity == core::Severity::error) return true;
    return false;
}

core::Diagnostics MergeDiagnostics::merged() const {
    core::Diagnostics out;
    for (const auto& e : entries_) {
        core::Diagnostic d = e.diagnostic;
        if (!e.records.empty() && e.records.size() <= max_named_records) {
            std::string names;
            for (const auto& r : e.records) names += (names.empty() ? "" : ", ") + r;
            d.message = names + ": " + d.message;
        } else if (e.records.size() > max_named_records) {
            d.message += " (in " + std::to_string(e.records.size()) + " letters)";
        }
        out.add(std::move(d));
    }
    return out;
}

}  // namespace broadside::merge
