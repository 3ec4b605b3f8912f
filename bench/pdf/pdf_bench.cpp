// Times the whole PDF path in one process: read the Markdown, lay it out (itemize, shape
// through the cache, break lines) and write the PDF bytes with subset fonts. Prints one line
// per measurement so compare.py can read it. Not a test: numbers depend on the machine.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "broadside/core/reader.hpp"
#include "broadside/pdf/pdf_exporter.hpp"
#include "broadside/styles/style.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Pass {
    double seconds = 0;
    std::size_t glyphs = 0;
    std::size_t bytes = 0;
    std::size_t pages = 0;
};

/// One document through a fresh exporter (cold: faces opened, nothing cached) or a kept one.
Pass run_once(const std::string& path, const broadside::styles::Style& style,
              broadside::pdf::PdfExporter* warm) {
    auto start = Clock::now();
    broadside::core::Diagnostics diags;
    auto doc = broadside::core::read_document_file(path, diags);
    if (!doc) {
        std::fprintf(stderr, "pdf_bench: cannot read %s\n", path.c_str());
        std::exit(1);
    }
    std::unique_ptr<broadside::pdf::PdfExporter> cold;
    if (!warm) cold = std::make_unique<broadside::pdf::PdfExporter>(style);
    auto& exporter = warm ? *warm : *cold;
    auto layout = exporter.layout(*doc, diags);
    auto bytes = exporter.render(*doc, layout, diags, nullptr);
    Pass p;
    p.seconds = seconds_since(start);
    p.glyphs = layout.glyph_count();
    p.bytes = bytes ? bytes->size() : 0;
    p.pages = layout.pages.size();
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pdf_bench [-n N] FILE.md...\n");
        return 2;
    }
    int iterations = 20;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-n" && i + 1 < argc)
            iterations = std::max(1, std::atoi(argv[++i]));
        else
            files.push_back(a);
    }
    broadside::core::Diagnostics diags;
    auto style = broadside::styles::load_style("default", diags);
    if (!style) {
        std::fprintf(stderr, "pdf_bench: cannot load the default style\n");
        return 1;
    }
    for (const auto& file : files) {
        // Cold: what one `broadside FILE.md -o FILE.pdf` does in-process (minus process start).
        double cold_total = 0;
        Pass last;
        for (int i = 0; i < iterations; ++i) {
            last = run_once(file, *style, nullptr);
            cold_total += last.seconds;
        }
        // Warm: the same exporter for every pass, as a batch of letters would use it.
        broadside::pdf::PdfExporter exporter(*style);
        run_once(file, *style, &exporter);
        double warm_total = 0;
        for (int i = 0; i < iterations; ++i) warm_total += run_once(file, *style, &exporter).seconds;
        double cold = cold_total / iterations, warm = warm_total / iterations;
        std::printf("%s: pages=%zu glyphs=%zu pdf_bytes=%zu cold_ms=%.3f warm_ms=%.3f "
                    "cold_glyphs_per_s=%.0f warm_glyphs_per_s=%.0f\n",
                    file.c_str(), last.pages, last.glyphs, last.bytes, cold * 1e3, warm * 1e3,
                    last.glyphs / cold, last.glyphs / warm);
        std::printf("%s: shaped=%llu served=%llu cache_entries=%zu\n", file.c_str(),
                    static_cast<unsigned long long>(exporter.shaper().glyphs_shaped()),
                    static_cast<unsigned long long>(exporter.shaper().glyphs_returned()),
                    exporter.shaper().cache_size());
    }
    return 0;
}
