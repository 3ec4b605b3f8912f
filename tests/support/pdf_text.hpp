#pragma once

#include <string>
#include <vector>

namespace broadside::test {

/// Drops the embedding controls Poppler wraps right-to-left sections in (U+202A..U+202E) and
/// the LRM/RLM marks the writer adds for it, so pdftotext output compares with source text.
std::string without_bidi_controls(const std::string& text);

/// A word as `pdftotext -bbox` finds it: its text and box in points, y down.
struct PdfWord {
    std::string text;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// The words of page `page` (1-based) of `pdf`, or of every page when `page` is 0.
std::vector<PdfWord> pdf_words(const std::string& pdf, int page = 0);

/// `text` with its code points in reverse order: Poppler gives right-to-left words back in
/// visual order, so a test looks for a Uyghur word or its reversal.
std::string reversed_code_points(const std::string& text);

}  // namespace broadside::test
