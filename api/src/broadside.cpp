#include "broadside/broadside.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "broadside/core/reader.hpp"
#include "broadside/core/staging_folder.hpp"
#include "broadside/epub/book.hpp"
#include "broadside/pdf/pdf_exporter.hpp"

namespace broadside {

namespace fs = std::filesystem;

std::string version() {
    return BROADSIDE_VERSION;
}

std::optional<core::Document> read_file(const std::string& path, core::Diagnostics& diags) {
    return core::read_document_file(path, diags);
}

std::optional<core::Document> read_string(std::string_view markdown, const std::string& name,
                                          core::Diagnostics& diags) {
    return core::read_document_text(markdown, name, diags);
}

std::optional<styles::Style> load_style(const std::string& name_or_path, core::Diagnostics& diags) {
    return styles::load_style(name_or_path, diags);
}

std::optional<styles::Style> style_for(const core::Document& doc, core::Diagnostics& diags) {
    return styles::style_for_document(doc, {}, core::Limits{}, diags);
}

std::optional<std::vector<std::uint8_t>> render_pdf(const core::Document& doc,
                                                    const styles::Style& style,
                                                    core::Diagnostics& diags,
                                                    std::optional<core::JobSettings> job) {
    if (!job) job = core::job_settings_from_environment(diags);
    pdf::PdfExporter exporter(style);
    const pdf::Layout layout = exporter.layout(doc, diags, job->resource_paths, job->limits);
    if (diags.has_errors()) return std::nullopt;
    return exporter.render(doc, layout, diags, *job);
}

std::optional<std::vector<std::uint8_t>> render_epub(const std::vector<std::string>& inputs,
                                                     const styles::Style& style,
                                                     core::Diagnostics& diags,
                                                     std::optional<core::JobSettings> job) {
    // The book is a zip written to a file as it is made; a private folder holds it.
    core::StagingFolder folder(fs::temp_directory_path().string());
    if (folder.path().empty()) {
        diags.error({}, 0, 0, "cannot make a temporary folder for the book",
                    "check that TMPDIR names a writable folder");
        return std::nullopt;
    }
    epub::BookOptions options;
    options.job = job ? std::move(*job) : core::job_settings_from_environment(diags);
    options.inputs = inputs;
    options.output = (fs::path(folder.path()) / "book.epub").string();
    if (!epub::write_book(options, style, diags)) return std::nullopt;
    std::ifstream in(options.output, std::ios::binary);
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in),
                                     std::istreambuf_iterator<char>());
}

bool run_merge(core::Document letter, const std::string& data_file, const styles::Style& style,
               merge::MergeOptions options, core::Diagnostics& diags) {
    auto records = core::read_records_file(data_file, diags, options.job.limits.max_file_bytes);
    if (!records) return false;
    options.data_file = data_file;
    return merge::run_merge(std::move(letter), *records, style, options, diags);
}

}  // namespace broadside
