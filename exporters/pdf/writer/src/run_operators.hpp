#pragma once

#include <string>
#include <vector>

#include "broadside/pdf/layout.hpp"
#include "font_usage.hpp"

namespace broadside::pdf {

/// Text-object operators (for inside BT/ET) that draw `run` with its baseline's left end at
/// `at` in PDF user space (y up), with font resource `font_name`. `line_start` is where the
/// text object's current line starts (0,0 after BT); it moves to `at`, as Td does. Glyphs become TJ
/// arrays whose numbers carry kerning, HarfBuzz offsets and rounding; y offsets become Ts.
/// A cluster of one glyph maps through ToUnicode; a cluster of several glyphs, or a glyph code
/// already mapped to other text, is wrapped in an ActualText span holding the source text.
/// Registers every glyph and mapping in `usage`. Inside a line-wide ActualText span
/// (`cluster_spans` false) clusters get ToUnicode entries only: ActualText spans do not nest.
/// Glyph 0, a character no font has, is not shown (PDF/A forbids .notdef): its box, in PDF
/// user space from the baseline up, is added to `missing` for the caller to draw.
std::string run_operators(const GlyphRun& run, const std::string& font_name, Point at,
                          Point& line_start, FontUsage& usage, bool cluster_spans = true,
                          std::vector<Rect>* missing = nullptr);

/// A number for a content stream: at most three decimals, no trailing zeros, '.' always.
std::string pdf_number(double v);

}  // namespace broadside::pdf
