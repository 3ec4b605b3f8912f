// Fuzz target: document model → PDF (layout and libharu rendering).
// Options byte: bits 0-2 pick the style preset (the DIN 5008 and US presets are letter styles,
// so letters and plain documents are both covered); bit 3 stops after layout, which lets the
// fuzzer spend more executions on the layout engine; bit 4 sets tight limits (pages, table
// cells, nesting, image pixels), so the paths that refuse or flatten input are fuzzed too.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "broadside/core/reader.hpp"
#include "broadside/pdf/pdf_exporter.hpp"
#include "broadside/styles/style.hpp"
#include "fuzz_common.hpp"

namespace {

constexpr std::array<const char*, 5> presets = {"default", "a4-plain", "din-5008-a", "din-5008-b",
                                                "us-letter-no10"};

// One exporter per preset for the whole run, as a batch keeps one: loading fonts per input
// would cost more than the layout being fuzzed.
broadside::pdf::PdfExporter* exporter_for(std::size_t preset) {
    using namespace broadside;
    static std::array<std::unique_ptr<pdf::PdfExporter>, presets.size()> exporters;
    if (!exporters[preset]) {
        core::Diagnostics diags;
        auto style = styles::load_style(presets[preset], diags);
        if (!style) return nullptr;
        exporters[preset] = std::make_unique<pdf::PdfExporter>(std::move(*style));
    }
    return exporters[preset].get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace broadside;
    std::uint8_t options = fuzz::take_options(data, size);
    // An empty folder as the document's home, so relative image paths find nothing of ours.
    static const auto dir = fuzz::scratch_folder("pdf");
    core::Limits limits;
    if (options & 16) {
        limits.max_pages = 2;
        limits.max_table_cells = 6;
        limits.max_nesting = 3;
        limits.max_image_pixels = 100;
    }
    core::Diagnostics diags;
    auto doc = core::read_document_text(std::string_view(reinterpret_cast<const char*>(data), size),
                                        (dir / "fuzz.md").string(), diags, limits);
    if (!doc) return 0;
    pdf::PdfExporter* exporter = exporter_for((options & 7) % presets.size());
    if (!exporter) return 0;
    pdf::Layout layout = exporter->layout(*doc, diags, {}, limits);
    if (options & 8) return 0;
    core::JobSettings job;
    job.source_date_epoch = 0;
    job.pdf_a = (options & 16) == 0;  // the PDF/A parts too: metadata from fuzzed front matter
    auto bytes = exporter->render(*doc, layout, diags, job);
    (void)bytes;
    return 0;
}
