// Fuzz target: raw HTML in Markdown → model nodes (core/src/html_to_model.cpp).
// Options byte: bit 0 takes the input as inline HTML, one tag per line as cmark hands the tags
// of a paragraph over, with a Markdown text between every two (clear: the input is HTML blocks,
// split at blank lines with a Markdown paragraph between every two, as cmark delivers a <div>
// that holds Markdown).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "html_to_model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace broadside;
    std::uint8_t options = fuzz::take_options(data, size);
    std::string_view html(reinterpret_cast<const char*>(data), size);
    const std::string path = "fuzz.md";
    core::Limits limits;
    core::SlugGenerator slugs;
    core::Diagnostics diags;
    core::HtmlContext context{path, limits, slugs, diags};
    const core::SourceSpan at{1, 1, 1, 1};
    std::string_view separator = options & 1 ? "\n" : "\n\n";
    if (options & 1) {
        std::vector<core::InlinePart> parts;
        while (!html.empty()) {
            std::size_t end = html.find(separator);
            parts.emplace_back(core::HtmlPiece{std::string(html.substr(0, end)), at});
            parts.emplace_back(core::Inline{core::Text{"text"}, at});
            html = end == std::string_view::npos ? std::string_view() : html.substr(end + 1);
        }
        auto inlines = core::html_inlines_to_model(std::move(parts), context);
        (void)inlines;
        return 0;
    }
    std::vector<core::HtmlPart> parts;
    while (!html.empty()) {
        std::size_t end = html.find(separator);
        std::string piece(html.substr(0, end));
        (void)core::open_container_balance(piece);
        parts.emplace_back(core::HtmlPiece{std::move(piece), at});
        parts.emplace_back(core::Block{core::Paragraph{{core::Inline{core::Text{"md"}, at}}}, at});
        html = end == std::string_view::npos ? std::string_view() : html.substr(end + 2);
    }
    auto blocks = core::html_blocks_to_model(std::move(parts), context);
    (void)blocks;
    return 0;
}
