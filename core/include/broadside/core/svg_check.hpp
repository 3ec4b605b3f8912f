// What keeps an SVG out of a book: it is a document that can run scripts and pull in other files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace broadside::core {

/// Why `svg` may not travel into a book ("is an SVG with scripts", "is an SVG that refers to
/// other files", "is not a well-formed SVG: …"); empty when it may. The SVG is parsed as XML
/// with libxml2's streaming reader (no recursion, nesting bounded at 256, no entity expansion,
/// no network), so megabytes of text or thousands of nested elements cost a message, not a crash.
std::string svg_problem(std::string_view svg);

/// `svg` without the external part of its document type declaration: EPUB 3 forbids external
/// identifiers and external entities (EPUBCheck OPF-073, HTM-003), which the SVG 1.1 DOCTYPE
/// that Inkscape and older tools write holds (`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
/// "http://…/svg11.dtd">`). The declaration goes; an internal subset, whose entities the
/// drawing may use, stays as `<!DOCTYPE svg [ … ]>`. Nothing when there is nothing to remove.
std::optional<std::string> svg_without_external_dtd(std::string_view svg);

}  // namespace broadside::core
