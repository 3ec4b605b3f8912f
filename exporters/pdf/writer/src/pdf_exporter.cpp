#include "broadside/pdf/pdf_exporter.hpp"

#include "broadside/pdf/pdf_writer.hpp"

#include <filesystem>

namespace broadside::pdf {

PdfExporter::PdfExporter(styles::Style style, fonts::CatalogOptions catalog)
    : style_(std::move(style)),
      catalog_(std::move(catalog)),
      resolver_(catalog_, faces_),
      engine_(std::make_unique<PageEngine>(std::make_unique<KnuthPlassLineBreaker>())) {
    for (const auto& [script, families] : style_.fonts) catalog_.set_override(script, families);
}

Layout PdfExporter::layout(const core::Document& doc, core::Diagnostics& diags,
                           const std::vector<std::string>& resource_paths,
                           const core::Limits& limits, const core::Site* site,
                           int first_page_number) {
    TextServices services{resolver_, shaper_};
    std::string folder = std::filesystem::path(doc.source_path).parent_path().string();
    core::ResourcePolicy resources(folder.empty() ? "." : folder, resource_paths, limits);
    if (site) resources = resources.within_site(*site);
    return engine_->layout(doc, style_, services, resources, diags, first_page_number);
}

void PdfExporter::number_page(Page& page, int number, core::Diagnostics& diags) {
    TextServices services{resolver_, shaper_};
    engine_->number_page(page, number, style_, services, diags);
}

std::optional<std::vector<std::uint8_t>> PdfExporter::render(const core::Document& doc,
                                                             const Layout& layout,
                                                             core::Diagnostics& diags,
                                                             const core::JobSettings& job,
                                                             std::vector<Attachment> attachments) {
    DocumentInfo info = document_info(doc.meta, job, doc.source_path);
    info.attachments = std::move(attachments);
    return render_pdf(layout, info, diags, doc.source_path);
}

}  // namespace broadside::pdf
