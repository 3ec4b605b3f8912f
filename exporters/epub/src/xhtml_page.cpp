#include "xhtml_page.hpp"

#include "broadside/core/language_tag.hpp"
#include "scripts.hpp"
#include "xml.hpp"

namespace broadside::epub {

std::string xhtml_open(std::string_view title, std::string_view lang, std::string_view css_href,
                       std::string_view body_type) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"";
    out += " lang=\"" + xml_escape(lang) + "\" xml:lang=\"" + xml_escape(lang) + "\"";
    if (core::is_rtl_language(lang)) out += " dir=\"rtl\"";
    out += ">\n<head>\n<title>";
    append_xml(out, title);
    out += "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"";
    append_xml(out, css_href);
    out += "\"/>\n</head>\n<body";
    if (!body_type.empty()) {
        out += " epub:type=\"";
        out += body_type;
        out += "\"";
    }
    out += ">\n";
    return out;
}

}  // namespace broadside::epub
