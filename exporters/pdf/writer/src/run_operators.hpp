#pragma once

#include <string>

#include "broadside/pdf/layout.hpp"
#include "font_usage.hpp"

namespace broadside::pdf {

/// The text-object body (between BT and ET) that draws `run` with its baseline's left end at
/// (`x`, `y`) in PDF user space (y up), with font resource `font_name`. Glyphs become TJ
/// arrays whose numbers carry kerning, HarfBuzz offsets and rounding; y offsets become Ts.
/// A cluster of one glyph maps through ToUnicode; a cluster of several glyphs, or a glyph code
/// already mapped to other text, is wrapped in an ActualText span holding the source text.
/// Registers every glyph and mapping in `usage`.
std::string run_operators(const GlyphRun& run, const std::string& font_name, double x, double y,
                          FontUsage& usage);

/// A number for a content stream: at most three decimals, no trailing zeros, '.' always.
std::string pdf_number(double v);

}  // namespace broadside::pdf
