#include <algorithm>

#include "block_flow.hpp"
#include "broadside/pdf/layout_engine.hpp"
#include "broadside/pdf/paragraph.hpp"
#include "line_builder.hpp"

namespace broadside::pdf {
namespace {

Rgb rgb(const styles::Color& c) {
    return {c.r, c.g, c.b};
}

/// Fills the body frame of one page after another, top to bottom.
class PageFiller {
  public:
    explicit PageFiller(const styles::Style& style) : style_(style) {}

    [[nodiscard]] double frame_width() const {
        return std::max(1.0, style_.page_width - style_.margin_left - style_.margin_right);
    }
    [[nodiscard]] double frame_height() const {
        return std::max(1.0, style_.page_height - style_.margin_top - style_.margin_bottom);
    }

    /// Starts a new page unless `height` more points fit below the cursor (or the page is
    /// still empty: a block taller than a page is placed anyway rather than looping).
    void need(double height) {
        if (pages_.empty() || (cursor_ > 0 && cursor_ + height > frame_height())) new_page();
    }
    /// Vertical space between blocks; swallowed at the top of a page.
    void space(double height) {
        if (!pages_.empty() && cursor_ > 0) cursor_ += height;
    }
    [[nodiscard]] double cursor() const { return cursor_; }
    void advance(double height) { cursor_ += height; }
    void place(Point at, Item item) { frame().items.emplace_back(at, std::move(item)); }

    Layout take() {
        Layout layout;
        layout.pages = std::move(pages_);
        return layout;
    }

  private:
    Frame& frame() {
        if (pages_.empty()) new_page();
        return pages_.back().frames.front();
    }
    void new_page() {
        Page page{Size{style_.page_width, style_.page_height}, {}};
        page.frames.push_back(Frame{
            Rect{Point{style_.margin_left, style_.margin_top}, Size{frame_width(), frame_height()}},
            {}});
        pages_.push_back(std::move(page));
        cursor_ = 0;
    }

    const styles::Style& style_;
    std::vector<Page> pages_;
    double cursor_ = 0;
};

/// Distance from a line's top to its baseline: the glyphs' em box centred in the leading, with
/// the baseline where a typical face puts it (0.88 em below the em box's top).
double baseline_offset(const styles::TextStyle& ts) {
    return (ts.leading - ts.size) / 2 + ts.size * 0.88;
}

}  // namespace

SimpleLayoutEngine::SimpleLayoutEngine(std::unique_ptr<LineBreaker> breaker)
    : breaker_(std::move(breaker)) {}

Layout SimpleLayoutEngine::layout(const core::Document& doc, const styles::Style& style,
                                  TextServices& services, core::Diagnostics& diags) {
    PageFiller pages(style);
    ParagraphShaper shaper(services.shaper);
    std::string lang = doc.meta.lang().value_or("");
    std::vector<FlowBlock> blocks = flow_blocks(doc, style);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        FlowBlock& block = blocks[b];
        const styles::TextStyle& ts = block.style;
        pages.space(ts.space_before);
        double width = std::max(1.0, pages.frame_width() - block.indent);
        if (block.kind == FlowBlock::Kind::rule) {
            pages.need(ts.leading);
            double thickness = 0.5;
            pages.place(Point{block.indent, pages.cursor() + (ts.leading - thickness) / 2},
                        Rule{Size{width, thickness}, rgb(style.rule_color)});
            pages.advance(ts.leading);
            pages.space(ts.space_after + style.paragraph_spacing);
            continue;
        }
        ParagraphFormat format{lang, ts.family, ts.bold, ts.italic, doc.source_path};
        ShapedParagraph para =
            shaper.shape(itemize(std::move(block.spans), format, services.fonts, diags), ts.size);
        // A paragraph right after another starts with the style's indent, as in print.
        bool indented = block.paragraph && b > 0 && blocks[b - 1].paragraph &&
                        blocks[b - 1].indent == block.indent && style.paragraph_indent > 0;
        double first_indent = indented ? std::min(style.paragraph_indent, width / 2) : 0;
        const double widths[] = {width - first_indent, width};
        std::vector<LineRange> lines = breaker_->break_lines(para, widths);
        if (lines.empty()) continue;
        // A heading needs room for itself and the first lines of what follows it.
        double keep =
            block.keep_with_next && b + 1 < blocks.size() ? 2 * blocks[b + 1].style.leading : 0;
        pages.need(block.keep_with_next ? static_cast<double>(lines.size()) * ts.leading + keep
                                        : ts.leading);
        if (block.anchor) pages.place(Point{block.indent, pages.cursor()}, *block.anchor);
        LineColors colors{rgb(ts.color), rgb(style.link_color)};
        // Indentation (lists, quotes) is on the side the paragraph starts from.
        double left = para.itemized.base_level & 1 ? 0 : block.indent;
        for (std::size_t n = 0; n < lines.size(); ++n) {
            pages.need(ts.leading);
            double baseline = pages.cursor() + baseline_offset(ts);
            // The indent sits where the paragraph starts: left for LTR, right for RTL.
            double shift = n == 0 && !(para.itemized.base_level & 1) ? first_indent : 0;
            double line_width = n == 0 ? width - first_indent : width;
            for (auto& [at, item] :
                 place_line(para, lines[n], left + shift, line_width, baseline, colors))
                pages.place(at, std::move(item));
            pages.advance(ts.leading);
        }
        pages.space(ts.space_after + style.paragraph_spacing);
    }
    return pages.take();
}

}  // namespace broadside::pdf
