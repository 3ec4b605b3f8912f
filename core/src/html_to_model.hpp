#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/limits.hpp"
#include "broadside/core/slug.hpp"

namespace broadside::core {

/// What translating raw HTML needs from the reader: where the file is, its limits, its heading
/// slugs (HTML headings share them with Markdown's) and where warnings go.
struct HtmlContext {
    const std::string& path;
    const Limits& limits;
    SlugGenerator& slugs;
    Diagnostics& diags;
};

/// One HTML block (or inline tag) as cmark delivered it, and where it starts in the file.
struct HtmlPiece {
    std::string html;
    SourceSpan span;
};

/// HTML blocks and the Markdown blocks cmark found between them: a `<div>` or `<details>` left
/// open in one HTML block holds the Markdown that follows, up to the block that closes it.
using HtmlPart = std::variant<HtmlPiece, Block>;

/// How many elements that can hold Markdown between HTML blocks (div, details, table, figure…)
/// `html` leaves open, minus those it closes without opening. Only this count is read from the
/// source text itself; an HTML5-style parser closes everything at the end of its input, so it
/// cannot tell what a block leaves open.
int open_container_balance(std::string_view html);

/// The model blocks the HTML says: paragraphs, headings, lists, tables, quotes, code, images,
/// with the Markdown parts spliced in where they stand. Scripts, styles, forms and embedded
/// objects are left out with a warning; video, audio and frames become links.
std::vector<Block> html_blocks_to_model(std::vector<HtmlPart> parts, const HtmlContext& context);

/// One container's inlines with cmark's raw HTML tags (one piece per tag) turned into model
/// inlines: `<b>…</b>` a Strong around what stands between, `<img>` an Image, and so on.
using InlinePart = std::variant<HtmlPiece, Inline>;
std::vector<Inline> html_inlines_to_model(std::vector<InlinePart> parts,
                                          const HtmlContext& context);

}  // namespace broadside::core
