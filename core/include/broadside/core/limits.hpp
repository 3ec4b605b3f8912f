#pragma once

#include <cstdint>
#include <string>

namespace broadside::core {

/// Bounds that keep hostile or careless input from exhausting memory, time or paper. Each is a
/// command-line option (named in `option`'s comment) so a user with a real need can raise it;
/// the defaults are far above any document we have met.
struct Limits {
    /// Every file broadside reads for a job: documents, data, collection and style files,
    /// images, letterheads. `--max-file-size MIB`.
    std::uint64_t max_file_bytes = std::uint64_t{64} << 20;
    /// Pixels of one image (width × height), read from its header before anything is decoded;
    /// a PNG is decoded into memory at 4 bytes a pixel. `--max-image-pixels N`.
    std::uint64_t max_image_pixels = 50'000'000;
    /// Block (quotes, lists) and inline (emphasis, links) nesting; deeper content is flattened
    /// with a warning, never lost. `--max-nesting N`.
    int max_nesting = 128;
    /// Cells (rows × columns, header included) of one table. `--max-table-cells N`.
    std::uint64_t max_table_cells = 200'000;
    /// Pages of one laid-out document (one letter of a merge). `--max-pages N`.
    std::uint64_t max_pages = 10'000;
};

/// The hint that ends a "too large" message: which option raises `option`'s limit.
inline std::string raise_hint(const std::string& option) {
    return "if the input is trusted, raise the limit with " + option;
}

}  // namespace broadside::core
