#include <filesystem>

#include "block_layout.hpp"
#include "broadside/pdf/layout_engine.hpp"
#include "broadside/pdf/page_bounds.hpp"
#include "letter_layout.hpp"
#include "page_composer.hpp"

namespace broadside::pdf {
namespace {

// A document's page number, centred in the bottom margin.
Frame page_number(TextSetter& setter, const styles::Style& style, int number) {
    const double width = style.page_width - style.margin_left - style.margin_right;
    const double leading = style.footnote.leading;
    return furniture_line(
        setter, std::to_string(number), "page-number",
        Point{style.margin_left, style.page_height - style.margin_bottom / 2 - leading / 2}, width,
        TextAlign::center, false);
}

// A document's pages: the same body frame on every page, the title as running head on pages
// after the first (when the style asks), the page number at the foot.
PagePlan document_plan(const core::Document& doc, const styles::Style& style, TextSetter& setter,
                       int first_page_number) {
    const double width = style.page_width - style.margin_left - style.margin_right;
    const double height = style.page_height - style.margin_top - style.margin_bottom;
    PagePlan plan;
    plan.bodies.push_back(Rect{Point{style.margin_left, style.margin_top}, Size{width, height}});
    std::string head = style.running_head ? doc.meta.title().value_or("") : "";
    plan.decorate = [&style, &setter, head, width, first_page_number](Page& page, std::size_t n,
                                                                      std::size_t) {
        const double leading = style.footnote.leading;
        if (!head.empty() && n > 0)
            page.frames.push_back(
                furniture_line(setter, head, "running-head",
                               Point{style.margin_left, style.margin_top / 2 - leading / 2}, width,
                               TextAlign::start, true));
        if (style.page_numbers)
            page.frames.push_back(
                page_number(setter, style, static_cast<int>(n) + first_page_number));
    };
    return plan;
}

std::vector<double> body_heights(const PagePlan& plan) {
    std::vector<double> heights;
    for (const auto& r : plan.bodies) heights.push_back(r.size.height);
    return heights;
}

// A letter's own fields set with a style that is not a letter style (`--style default`) are
// not printed: say so once, at the first of them, rather than drop the recipient, closing and
// signatures without a word.
void warn_letter_fields_unprinted(const core::Document& doc, const styles::Style& style,
                                  core::Diagnostics& diags) {
    for (const char* key :
         {"to", "opening", "closing", "signatures", "signatories", "cc", "encl", "ps"})
        if (const core::MetaValue* value = doc.meta.find(key)) {
            diags.warning(doc.source_path, value->span.line, value->span.column,
                          std::string("'") + key +
                              "' and the other letter fields are not printed: "
                              "the style '" +
                              style.name + "' is not a letter style",
                          "choose a letter style, e.g. --style din-5008-b or us-letter-no10, or "
                          "`style:` in the front matter");
            return;
        }
}

}  // namespace

PageEngine::PageEngine(std::unique_ptr<LineBreaker> breaker) : breaker_(std::move(breaker)) {}

void PageEngine::number_page(Page& page, int number, const styles::Style& style,
                             TextServices& services, core::Diagnostics& diags) {
    TextSetter setter(style, services, *breaker_, "", "", diags);
    page.frames.push_back(page_number(setter, style, number));
}

Layout PageEngine::layout(const core::Document& doc, const styles::Style& style,
                          TextServices& services, const core::ResourcePolicy& resources,
                          core::Diagnostics& diags, int first_page_number) {
    TextSetter setter(style, services, *breaker_, doc.meta.lang().value_or(""), doc.source_path,
                      diags);
    BlockEnvironment env{
        setter, style, resources, std::filesystem::path(doc.source_path).parent_path().string(),
        style.page_width - style.margin_left - style.margin_right,
        style.page_height - style.margin_top - style.margin_bottom, !style.letter.enabled,
        // A document is an article of the PDF's structure, a letter a part
        // (a merged PDF has one per recipient).
        make_structure(style.letter.enabled ? "Letter" : "Art", nullptr)};
    VerticalList list;
    PagePlan plan;
    if (style.letter.enabled) {
        auto letter = layout_letter(doc, env, list);
        if (!letter) return {};
        plan = *letter;
    } else {
        warn_letter_fields_unprinted(doc, style, diags);
        list = layout_blocks(doc, env);
        plan = document_plan(doc, style, setter, first_page_number);
    }
    std::vector<VItem> metrics;
    metrics.reserve(list.size());
    for (const auto& box : list) metrics.push_back(box.metrics);
    std::vector<PageSlice> slices =
        paginate(metrics, body_heights(plan), footnote_separator(style));
    // Checked before the pages are built: composing and writing are what grow with pages.
    if (const auto most = resources.limits().max_pages; slices.size() > most) {
        diags.error(doc.source_path, 0, 0,
                    "the document needs " + std::to_string(slices.size()) +
                        " pages, over the limit of " + std::to_string(most),
                    core::raise_hint("--max-pages N"));
        return {};
    }
    for (const auto& s : slices)
        if (s.overfull)
            diags.warning(doc.source_path, 0, 0,
                          "something is taller than the page and runs past its foot",
                          "make images and tables smaller, or the page larger");
    Layout layout = compose_pages(list, slices, plan, style);
    // Text off the page is lost without a trace on paper: say so, never print it silently.
    for (const auto& off : runs_off_page(layout))
        diags.warning(doc.source_path, 0, 0,
                      "the text " + core::quote_value(off.text) + " lies outside page " +
                          std::to_string(off.page + 1) + " and does not print",
                      "a word wider than the line (a long URL or number) cannot be broken: "
                      "shorten it or put spaces in it; otherwise this is a layout bug in "
                      "broadside, please report it with the document");
    return layout;
}

}  // namespace broadside::pdf
