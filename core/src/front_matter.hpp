#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/meta.hpp"

namespace broadside::core {

/// A file cut into its front matter and its Markdown body.
struct FrontMatterSplit {
    enum class Syntax { yaml, toml };
    bool present = false;
    Syntax syntax = Syntax::yaml;  ///< YAML between `---`, TOML between `+++` (Hugo, Zola)
    std::string_view text;         ///< between the fences, without them
    int text_first_line = 0;       ///< 1-based line of the front matter's first line in the file
    std::string_view body;         ///< the Markdown after the closing fence (or the whole file)
    int body_first_line = 1;       ///< 1-based line of the body's first line in the file
};

/// Finds front matter at the very top: YAML (`---` … `---` or `...`) or TOML (`+++` … `+++`).
/// An unclosed fence is an error; the result is empty then.
std::optional<FrontMatterSplit> split_front_matter(std::string_view text, const std::string& path,
                                                   Diagnostics& diags);

/// Parses the front matter into typed values. Syntax errors are reported at the line and column
/// yaml-cpp or toml++ gives, counted in the whole file; the result is empty then. A `date`
/// written as a quoted string (Hugo's archetypes write `date = '2023-01-01T08:00:00-07:00'`)
/// is read as the date it spells.
std::optional<Meta> parse_front_matter(const FrontMatterSplit& split, const std::string& path,
                                       Diagnostics& diags);

}  // namespace broadside::core
