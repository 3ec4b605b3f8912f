// MDX (used by Astro, Docusaurus, Next.js blogs) is Markdown with JavaScript in it: `import`
// and `export` lines and JSX components (`<Chart data={x} />`). Nothing here runs JavaScript:
// the code is left out with a warning and what a reader would read stays.
#pragma once

#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"

namespace broadside::core {

/// True for `.mdx` files (any case).
bool is_mdx(const std::string& path);

/// `body` with MDX's JavaScript blanked out: `import`/`export` statements (also over several
/// lines), JSX component tags (a capitalised name: `<Chart …>`, `</Chart>`, `<Note />`; their
/// children stay as Markdown) and `{/* comments */}`. Code blocks and code spans are left alone.
/// One warning per statement and per component name, at its line and column; every line stays
/// where it was, so later messages point at the file's lines. `first_line` is the body's first
/// line in the file.
std::string strip_mdx(std::string_view body, int first_line, const std::string& path,
                      Diagnostics& diags);

}  // namespace broadside::core
