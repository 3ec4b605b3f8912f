#include <array>

#include "commands.hpp"
#include "epub_command.hpp"
#include "pdf_command.hpp"

namespace broadside::cli {

std::span<const OutputFormat> output_formats() {
    // Each exporter adds its entry here; the order is the order `--help` lists them in.
    static const std::array<OutputFormat, 2> formats{{
        {"pdf", ".pdf", run_pdf},
        {"epub", ".epub", run_epub},
    }};
    return formats;
}

}  // namespace broadside::cli
