// Fuzz target: CSV or YAML → mail-merge records.
// Options byte: bit 0 chooses YAML (set) or CSV (clear); bit 1 looks up every header field in
// every record, as the merge does for each template placeholder.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "broadside/core/records.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace broadside;
    std::uint8_t options = fuzz::take_options(data, size);
    std::string_view text(reinterpret_cast<const char*>(data), size);
    core::Diagnostics diags;
    auto records = (options & 1) ? core::parse_yaml_records(text, "fuzz.yaml", diags)
                                 : core::parse_csv_records(text, "fuzz.csv", diags);
    if (records && (options & 2) && !records->empty()) {
        std::size_t found = 0;
        for (const auto& record : *records)
            for (const auto& field : records->front().fields)
                found += record.find(field.first) != nullptr;
        (void)found;
    }
    return 0;
}
