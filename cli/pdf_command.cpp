#include "pdf_command.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "broadside/core/output_file.hpp"
#include "broadside/core/reader.hpp"
#include "broadside/core/site.hpp"
#include "broadside/pdf/layout_dump.hpp"
#include "broadside/pdf/pdf_exporter.hpp"
#include "broadside/pdf/pdf_writer.hpp"
#include "broadside/pdf/service_check.hpp"
#include "broadside/styles/style.hpp"
#include "commands.hpp"
#include "document_style.hpp"
#include "merge_command.hpp"
#include "pdf_book_command.hpp"
#include "service_checks.hpp"

namespace broadside::cli {

int run_pdf(const Options& options) {
    if (!options.merge.empty()) return run_merge(options);
    // A folder, several files or a pattern make a book of posts.
    const std::string& first = options.inputs.empty() ? std::string() : options.inputs.front();
    if (options.inputs.size() != 1 || std::filesystem::is_directory(first) ||
        first.find_first_of("*?[") != std::string::npos)
        return run_pdf_book(options);
    if (!options.shard.whole()) {
        std::cerr << "broadside: --shard splits a merge's letters or a book's posts; give --merge "
                     "FILE or a folder of posts\n";
        return exit_usage_error;
    }
    core::Diagnostics diags;
    const std::string& input = options.inputs.front();
    const std::string folder = std::filesystem::path(input).parent_path().string();
    const auto site =
        core::site_of_job(options.job.site_root, folder.empty() ? "." : folder, diags);
    if (diags.has_errors()) return report(diags), exit_input_error;
    const core::Site* in_site = site ? &*site : nullptr;
    auto doc = core::read_document_file(input, diags, options.job.limits, in_site);
    if (!doc) return report(diags), exit_input_error;
    auto style = document_style(*doc, options, diags);
    if (!style) return report(diags), exit_input_error;
    auto services = services_to_check(options, diags);
    if (!services) return report(diags), exit_input_error;

    // Opened before the work starts: an unwritable folder costs nothing but the message.
    std::optional<core::OutputFile> output;
    if (!options.output.empty()) {
        output.emplace(options.output, diags);
        if (!output->ok()) return report(diags);
    }
    const styles::LetterGeometry geometry = style->letter;
    pdf::PdfExporter exporter(std::move(*style));
    pdf::Layout layout =
        exporter.layout(*doc, diags, options.job.resource_paths, options.job.limits, in_site);
    if (options.dump_layout) std::cout << pdf::dump_layout(layout);
    pdf::check_for_services(layout, geometry, *services, doc->source_path, diags);
    if (output && !diags.has_errors()) {
        auto bytes = exporter.render(*doc, layout, diags, options.job);
        if (bytes) pdf::check_file_for_services(bytes->size(), *services, doc->source_path, diags);
        if (bytes && !diags.has_errors() && output->write(bytes->data(), bytes->size()))
            output->commit();
    }
    return report(diags);
}

}  // namespace broadside::cli
