#pragma once

#include <string>
#include <string_view>

namespace broadside::epub {

/// Opens an XHTML5 content document: XML declaration, doctype, `<html>` with both namespaces,
/// `lang`/`xml:lang` (and `dir="rtl"` for right-to-left languages), `<title>`, the stylesheet
/// link (`css_href`, relative to the document), and `<body>`.
std::string xhtml_open(std::string_view title, std::string_view lang, std::string_view css_href,
                       std::string_view body_type = {});

/// Closes what `xhtml_open` opened.
inline constexpr std::string_view xhtml_close = "</body>\n</html>\n";

}  // namespace broadside::epub
