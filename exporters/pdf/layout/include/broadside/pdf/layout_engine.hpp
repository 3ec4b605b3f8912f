#pragma once

#include <memory>
#include <string>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/fonts/catalog.hpp"
#include "broadside/fonts/shaper.hpp"
#include "broadside/pdf/layout.hpp"
#include "broadside/pdf/line_breaker.hpp"
#include "broadside/styles/style.hpp"

namespace broadside::pdf {

/// The font services one layout job uses; the caller owns them and they outlive the layout.
struct TextServices {
    fonts::FontResolver& fonts;
    fonts::Shaper& shaper;
};

/// Turns a document into pages of frames of positioned items. The simple engine below places
/// lines one after another; the page engine of issue 4 (Knuth–Plass, widows and orphans,
/// footnotes, letter geometry) replaces it behind this interface.
class LayoutEngine {
  public:
    virtual ~LayoutEngine() = default;
    /// Lays out `doc` with `style`. Problems with the content (a character no font covers) are
    /// warnings in `diags`; the layout always comes out, possibly with fewer items.
    virtual Layout layout(const core::Document& doc, const styles::Style& style,
                          TextServices& services, core::Diagnostics& diags) = 0;
};

/// Block after block into the body frame of each page: paragraphs, headings (kept with the
/// next two lines), lists and quotes (indented), code (monospace, lines kept), thematic breaks
/// (rules), table rows (one line of cells each) and footnotes (at the end). Lines come from the
/// given line breaker, greedy by default.
class SimpleLayoutEngine final : public LayoutEngine {
  public:
    explicit SimpleLayoutEngine(
        std::unique_ptr<LineBreaker> breaker = std::make_unique<GreedyLineBreaker>());
    Layout layout(const core::Document& doc, const styles::Style& style, TextServices& services,
                  core::Diagnostics& diags) override;

  private:
    std::unique_ptr<LineBreaker> breaker_;
};

}  // namespace broadside::pdf
