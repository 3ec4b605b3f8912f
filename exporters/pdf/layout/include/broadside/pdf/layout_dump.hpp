#pragma once

#include <string>

#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// The layout as indented text, one page, frame or item a line, lengths in points with two
/// decimals (locale-independent): the golden format of layout tests and `--dump-layout`.
/// Glyph runs show face, size, direction, glyph count, width and their text. A run that lies
/// outside its page (`runs_off_page`) is listed once more at the end as `off page N @x,y`.
std::string dump_layout(const Layout& layout);

}  // namespace broadside::pdf
