// Fuzz target: raw HTML in Markdown → the ePub's XHTML (raw_html.cpp).
// Options byte: bit 0 takes the input as inline HTML, one fragment per line as cmark hands the
// tags of a paragraph over one by one (clear: the input is one HTML block); bit 1 puts the
// inline fragments inside a link, where `<a>` may not open.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "raw_html.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace broadside;
    std::uint8_t options = fuzz::take_options(data, size);
    std::string_view html(reinterpret_cast<const char*>(data), size);
    std::string problem;
    if (!(options & 1)) {
        auto xhtml = epub::sanitize_html_block(html, problem);
        (void)xhtml;
        return 0;
    }
    epub::InlineHtml inline_html(options & 2);
    std::string xhtml;
    while (!html.empty()) {
        std::size_t end = html.find('\n');
        problem.clear();
        xhtml += inline_html.accept(html.substr(0, end), problem);
        html = end == std::string_view::npos ? std::string_view() : html.substr(end + 1);
    }
    xhtml += inline_html.close_all();
    return 0;
}
