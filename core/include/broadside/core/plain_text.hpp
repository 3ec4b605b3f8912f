#pragma once

#include <string>

#include "broadside/core/document.hpp"

namespace broadside::core {

/// The text a reader sees, in logical order: blocks separated by newlines, soft breaks as
/// spaces, images as their alt text, footnote references as their numbers, footnote texts last.
/// Exporters' tests compare their extracted text with this.
std::string plain_text(const Document& doc);
std::string plain_text(const std::vector<Inline>& inlines);

/// The title a post goes by: its front matter's `title`, else the text of its first heading
/// (in document order, nested ones included), else its file name without extension. Books list
/// chapters by it.
std::string document_title(const Document& doc);

/// Collapses every run of white space to one space and trims both ends, so text from different
/// renderers can be compared without their line breaks.
std::string normalize_whitespace(std::string_view text);

}  // namespace broadside::core
