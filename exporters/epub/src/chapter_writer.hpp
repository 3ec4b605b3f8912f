#pragma once

#include <cstddef>
#include <string>

#include "book_plan.hpp"
#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"

namespace broadside::epub {

/// Class on elements whose text is not in the model's plain text (the chapter's header,
/// footnote back links, task-list boxes, raw HTML blocks): text checks leave them out.
inline constexpr const char* chrome_class = "bs-x";

/// Writes one post as an XHTML5 content document for `chapters/`: a header with title, date,
/// authors, excerpt and header image, then every block of the model, then its footnotes as
/// EPUB 3 footnotes. Links and images are resolved through `plan`; whatever cannot be kept
/// (unsafe raw HTML, links leading nowhere) is left out with a warning in `diags`.
std::string write_chapter(const core::Document& doc, const BookPlan& plan, std::size_t index,
                          core::Diagnostics& diags);

}  // namespace broadside::epub
