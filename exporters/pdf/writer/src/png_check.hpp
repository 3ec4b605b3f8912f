#pragma once

#include <string>

namespace broadside::pdf {

/// Decodes the PNG file at `path` row by row and throws the pixels away, returning what is
/// wrong with it (empty when it decodes). libharu hands PNGs to libpng without an error
/// recovery point, so a corrupt one aborts the process: every PNG passes here first. Memory is
/// one row; sizes over 10,000 pixels a side are refused before any row is read.
std::string png_problem(const std::string& path);

}  // namespace broadside::pdf
