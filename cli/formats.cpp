#include <array>

#include "commands.hpp"

namespace broadside::cli {

std::span<const OutputFormat> output_formats() {
    // Each exporter adds its entry here; the order is the order `--help` lists them in.
    static const std::array<OutputFormat, 0> formats{};
    return formats;
}

}  // namespace broadside::cli
