#include "document_style.hpp"

#include <filesystem>

#include "broadside/core/resources.hpp"

namespace broadside::cli {

std::optional<styles::Style> document_style(const core::Document& doc, const Options& options,
                                            core::Diagnostics& diags) {
    if (!options.style.empty()) return styles::load_style(options.style, diags);
    const auto named = doc.meta.style();
    if (!named) return styles::load_style("default", diags);
    const std::string parent = std::filesystem::path(doc.source_path).parent_path().string();
    const std::string folder = parent.empty() ? std::string(".") : parent;
    const core::ResourcePolicy sandbox(folder, options.resource_paths, options.limits);
    return styles::load_document_style(*named, folder, sandbox, diags);
}

}  // namespace broadside::cli
