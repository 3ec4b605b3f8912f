// Fuzz target: front matter + Markdown → document model.
// Options byte: bit 0 names the input like a Jekyll post (`YYYY-MM-DD-` date from the path);
// bits 1-2 pick the nesting limit (128, 4, 1, 1000) so both the flattening and deep recursion
// are exercised.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "broadside/core/reader.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace broadside;
    std::uint8_t options = fuzz::take_options(data, size);
    core::Limits limits;
    constexpr int nesting[] = {128, 4, 1, 1000};
    limits.max_nesting = nesting[(options >> 1) & 3];
    const std::string path = (options & 1) ? "posts/2024-02-29-fuzz.md" : "fuzz.md";
    core::Diagnostics diags;
    auto doc = core::read_document_text(std::string_view(reinterpret_cast<const char*>(data), size),
                                        path, diags, limits);
    (void)doc;
    return 0;
}
