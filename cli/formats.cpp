#include <array>

#include "commands.hpp"
#include "epub_command.hpp"

namespace broadside::cli {

std::span<const OutputFormat> output_formats() {
    // Each exporter adds its entry here; the order is the order `--help` lists them in.
    static const std::array<OutputFormat, 1> formats{{
        {"epub", ".epub", run_epub},
    }};
    return formats;
}

}  // namespace broadside::cli
