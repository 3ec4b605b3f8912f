// Times the whole PDF path in one process: read the Markdown, lay it out (itemize, shape
// through the cache, break lines) and write the PDF bytes with subset fonts. Prints one line
// per measurement so compare.py can read it. Not a test: numbers depend on the machine.
// `pdf_bench --paragraph` times line breaking alone: greedy against Knuth–Plass on one shaped
// 136-word paragraph (with and without hyphenation points), and the whole paragraph path
// (itemize, shape through a warm cache, break, place) with each breaker.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "broadside/core/reader.hpp"
#include "broadside/fonts/catalog.hpp"
#include "broadside/fonts/shaper.hpp"
#include "broadside/pdf/itemize.hpp"
#include "broadside/pdf/line_breaker.hpp"
#include "broadside/pdf/paragraph.hpp"
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
    auto bytes = exporter.render(*doc, layout, diags, broadside::core::JobSettings{});
    Pass p;
    p.seconds = seconds_since(start);
    p.glyphs = layout.glyph_count();
    p.bytes = bytes ? bytes->size() : 0;
    p.pages = layout.pages.size();
    return p;
}

// 136 words of ordinary English prose (the size TYPESETTING.md's 9–21 µs figure is for).
const char* const paragraph_text =
    "In olden times when wishing still helped one, there lived a king whose daughters were all "
    "beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, "
    "was astonished whenever it shone in her face. Close by the king's castle lay a great dark "
    "forest, and under an old lime-tree in the forest was a well, and when the day was very "
    "warm, the king's child went out into the forest and sat down by the side of the cool "
    "fountain; and when she was bored she took a golden ball, and threw it up on high and "
    "caught it; and this ball was her favorite plaything. Now it so happened that on one "
    "occasion the princess's golden ball did not fall into the little hand which she was "
    "holding up.";

/// Mean microseconds per call of `f` over `n` calls.
template <class F>
double micros(int n, F&& f) {
    auto start = Clock::now();
    for (int i = 0; i < n; ++i) f();
    return seconds_since(start) * 1e6 / n;
}

/// Line breaking alone, then the paragraph path, for each breaker, at a 451 pt measure (A4
/// with 2.5 cm margins) and 10.5 pt.
void bench_paragraph(int iterations) {
    namespace pdf = broadside::pdf;
    broadside::fonts::Catalog catalog;
    broadside::fonts::FaceLibrary library;
    broadside::fonts::FontResolver resolver(catalog, library);
    broadside::fonts::Shaper shaper;
    broadside::core::Diagnostics diags;
    pdf::ParagraphShaper paragraphs(shaper);
    pdf::TextSpan span;
    span.text = paragraph_text;
    auto itemized = [&] {
        return pdf::itemize({span}, {"en", "serif", false, false, "bench", std::nullopt}, resolver,
                            diags);
    };
    const double widths[] = {451.28};
    const int n = iterations * 500;
    pdf::GreedyLineBreaker greedy;
    pdf::KnuthPlassLineBreaker total_fit;
    for (bool hyphenate : {false, true}) {
        pdf::ShapedParagraph para = paragraphs.shape(itemized(), 10.5, hyphenate);
        std::size_t lines = 0;
        double g = micros(n, [&] { lines = greedy.break_lines(para, widths).size(); });
        std::size_t greedy_lines = lines;
        double k = micros(n, [&] { lines = total_fit.break_lines(para, widths).size(); });
        std::printf(
            "paragraph: words=136 segments=%zu hyphenation=%s greedy_us=%.2f lines=%zu "
            "knuth_plass_us=%.2f lines=%zu\n",
            para.segments.size(), hyphenate ? "on" : "off", g, greedy_lines, k, lines);
    }
    for (const pdf::LineBreaker* breaker : {static_cast<const pdf::LineBreaker*>(&greedy),
                                            static_cast<const pdf::LineBreaker*>(&total_fit)}) {
        double us = micros(iterations * 50, [&] {
            pdf::ShapedParagraph para = paragraphs.shape(itemized(), 10.5, true);
            breaker->break_lines(para, widths);
        });
        std::printf("paragraph path (itemize, shape warm, break): %s_us=%.1f\n",
                    breaker == &greedy ? "greedy" : "knuth_plass", us);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pdf_bench [-n N] [--paragraph] FILE.md...\n");
        return 2;
    }
    int iterations = 20;
    bool paragraph = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-n" && i + 1 < argc)
            iterations = std::max(1, std::atoi(argv[++i]));
        else if (a == "--paragraph")
            paragraph = true;
        else
            files.push_back(a);
    }
    if (paragraph) bench_paragraph(iterations);
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
        for (int i = 0; i < iterations; ++i)
            warm_total += run_once(file, *style, &exporter).seconds;
        double cold = cold_total / iterations, warm = warm_total / iterations;
        std::printf(
            "%s: pages=%zu glyphs=%zu pdf_bytes=%zu cold_ms=%.3f warm_ms=%.3f "
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
