#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"

namespace broadside::merge {

/// The messages of a merge job. Every letter comes from one template, so a warning about the
/// template comes back once per record; a warning about one record's data (an address line
/// too wide for the window) must say which record. Identical messages are kept once with the
/// records they came from: printed plainly when more than a few records share them, else
/// prefixed with the records' labels.
class MergeDiagnostics {
  public:
    /// Messages of the job itself (reading the template and data, writing outputs).
    void add(const core::Diagnostics& diags);
    /// Messages from filling, laying out or rendering the record labelled `label`.
    void add(const core::Diagnostics& diags, const std::string& label);

    [[nodiscard]] bool has_errors() const;
    /// Every message once, in the order first seen, with the records it came from.
    [[nodiscard]] core::Diagnostics merged() const;

  private:
    struct Entry {
        core::Diagnostic diagnostic;
        std::vector<std::string> records;
    };
    void add(const core::Diagnostic& d, const std::string* label);

    std::vector<Entry> entries_;
    std::map<std::string, std::size_t> index_;  // formatted message → entry
};

}  // namespace broadside::merge
