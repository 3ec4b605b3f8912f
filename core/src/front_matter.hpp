#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/meta.hpp"

namespace broadside::core {

/// A file cut into its front matter and its Markdown body.
struct FrontMatterSplit {
    bool present = false;
    std::string_view yaml;   ///< between the fences, without them
    int yaml_first_line = 0; ///< 1-based line of the first YAML line in the file
    std::string_view body;   ///< the Markdown after the closing fence (or the whole file)
    int body_first_line = 1; ///< 1-based line of the body's first line in the file
};

/// Finds YAML front matter (`---` … `---` or `...`) at the very top. TOML (`+++`) and an
/// unclosed fence are errors; the result is empty then.
std::optional<FrontMatterSplit> split_front_matter(std::string_view text, const std::string& path,
                                                   Diagnostics& diags);

/// Parses the YAML into typed values. Syntax errors are reported at the line and column
/// yaml-cpp gives, counted in the whole file; the result is empty then.
std::optional<Meta> parse_front_matter(const FrontMatterSplit& split, const std::string& path,
                                       Diagnostics& diags);

}  // namespace broadside::core
