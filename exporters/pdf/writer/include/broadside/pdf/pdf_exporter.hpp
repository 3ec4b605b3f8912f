#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/job_settings.hpp"
#include "broadside/core/site.hpp"
#include "broadside/fonts/catalog.hpp"
#include "broadside/fonts/face.hpp"
#include "broadside/fonts/shaper.hpp"
#include "broadside/pdf/layout.hpp"
#include "broadside/pdf/layout_engine.hpp"
#include "broadside/pdf/pdf_writer.hpp"
#include "broadside/styles/style.hpp"

namespace broadside::pdf {

/// The whole PDF path for documents of one style: font catalog (with the style's chain
/// overrides), opened faces, shaping cache and layout engine, kept across documents so a
/// batch pays for font loading once. Not thread-safe; use one per thread.
class PdfExporter {
  public:
    /// Copies `style`; `catalog` options default to the system's font folders.
    explicit PdfExporter(styles::Style style,
                         fonts::CatalogOptions catalog = fonts::CatalogOptions::defaults());

    /// Lays `doc` out into pages (warnings, e.g. uncovered characters, go to `diags`). Files
    /// the document names are read from its own folder, or from `resource_paths`, within
    /// `limits`; inside a `site`, also from the site's root, and `/x.png` from its static folder.
    /// Pages are numbered from `first_page_number`.
    Layout layout(const core::Document& doc, core::Diagnostics& diags,
                  const std::vector<std::string>& resource_paths = {},
                  const core::Limits& limits = {}, const core::Site* site = nullptr,
                  int first_page_number = 1);
    /// Adds page number `number` to `page` as `layout` adds it to a document's pages.
    void number_page(Page& page, int number, core::Diagnostics& diags);
    /// Renders a layout of `doc` as PDF bytes; nothing (with an error in `diags`) on failure.
    /// CreationDate comes from the front matter's date, else the job's `source_date_epoch`,
    /// else none; the PDF/A-2u claim from the job's `pdf_a` (document_info).
    /// `attachments` travel inside the file (the merge's `--attach-record`).
    std::optional<std::vector<std::uint8_t>> render(const core::Document& doc, const Layout& layout,
                                                    core::Diagnostics& diags,
                                                    const core::JobSettings& job,
                                                    std::vector<Attachment> attachments = {});

    /// The shaper, for its statistics (glyphs shaped and served from the cache).
    [[nodiscard]] const fonts::Shaper& shaper() const { return shaper_; }

  private:
    styles::Style style_;
    fonts::Catalog catalog_;
    fonts::FaceLibrary faces_;
    fonts::FontResolver resolver_;
    fonts::Shaper shaper_;
    std::unique_ptr<LayoutEngine> engine_;
};

}  // namespace broadside::pdf
