#pragma once

#include <memory>
#include <string>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/resources.hpp"
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

/// Turns a document into pages of frames of positioned items.
class LayoutEngine {
  public:
    virtual ~LayoutEngine() = default;
    /// Lays out `doc` with `style`; images and other files it names are read only where
    /// `resources` allows. Problems with the content (a character no font covers, a missing
    /// image) are warnings in `diags`, and the layout comes out; a layout past
    /// `resources.limits()` (pages) or a letter whose fields do not fit is an error in `diags`
    /// and the layout is empty. A document's pages are numbered from `first_page_number` (a
    /// chapter of a book continues the book's count).
    virtual Layout layout(const core::Document& doc, const styles::Style& style,
                          TextServices& services, const core::ResourcePolicy& resources,
                          core::Diagnostics& diags, int first_page_number) = 0;

    /// Adds page number `number` at the foot of `page` as a document's pages carry it, for a
    /// page laid out without one because its number was not known yet (a book's chapter laid
    /// out while the chapters before it still are).
    virtual void number_page(Page& page, int number, const styles::Style& style,
                             TextServices& services, core::Diagnostics& diags) = 0;
};

/// The page engine: every block of the model set into a vertical list of unbreakable boxes
/// (lines, rows, figures) whose break permissions carry the widow, orphan and keep rules;
/// pages filled from it with footnotes at the foot of the page that refers to them, page
/// numbers and an optional running head. Lines come from the given line breaker.
class PageEngine final : public LayoutEngine {
  public:
    explicit PageEngine(std::unique_ptr<LineBreaker> breaker);
    Layout layout(const core::Document& doc, const styles::Style& style, TextServices& services,
                  const core::ResourcePolicy& resources, core::Diagnostics& diags,
                  int first_page_number) override;
    void number_page(Page& page, int number, const styles::Style& style, TextServices& services,
                     core::Diagnostics& diags) override;

  private:
    std::unique_ptr<LineBreaker> breaker_;
};

}  // namespace broadside::pdf
