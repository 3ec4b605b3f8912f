#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "broadside/core/limits.hpp"

namespace broadside::cli {

/// True when `option` is one of the `--max-...` options that set a core::Limits field.
bool is_limit_option(std::string_view option);

/// Sets the limit `option` names from `value` (a whole number ≥ 1; file sizes in MiB). Returns
/// an empty string, or what is wrong with the value for a usage error.
std::string set_limit(std::string_view option, std::string_view value, core::Limits& limits);

/// The limit options' names (`--max-file-size`…).
std::vector<std::string_view> limit_option_names();

/// The help text's lines for the limit options, each with its default.
std::string limit_options_help();

}  // namespace broadside::cli
