#include "document_style.hpp"

namespace broadside::cli {

std::optional<styles::Style> document_style(const core::Document& doc, const Options& options,
                                            core::Diagnostics& diags) {
    if (!options.style.empty()) return styles::load_style(options.style, diags);
    return styles::style_for_document(doc, options.job.resource_paths, options.job.limits, diags);
}

}  // namespace broadside::cli
