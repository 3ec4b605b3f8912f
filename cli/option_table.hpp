// The program's options as one table: parsing, the help text and the bash completion script
// are all made from it, so none can list an option another does not know.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "options.hpp"

namespace broadside::cli {

/// What an option's value is, for the completion script.
enum class Kind { none, file, folder, style, format, service, other };

struct OptionSpec {
    std::string names;  ///< "-o, --output" or "--style"
    std::string value;  ///< the value's name in the help ("FILE"), empty for a flag
    Kind kind;
    std::string help;  ///< lines after the first are indented under it
    /// Applies the option (with its value); returns what is wrong with the value, or "".
    std::function<std::string(Options&, const std::string&)> apply;
};

/// Every option but the `--max-…` limits (limit_options.hpp), in the order help lists them.
const std::vector<OptionSpec>& table();

/// Reads the arguments after the program name into `opt`: `--name VALUE` or `--name=VALUE`,
/// `-o FILE`, flags, the `--max-…` limits, and inputs; after `--` every argument is an input.
/// Returns what is wrong for a usage error, or an empty string.
std::string parse_arguments(const std::vector<std::string>& args, Options& opt);

/// The options' part of `--help`, two columns, from the table.
std::string options_help();

/// A bash completion script (`eval "$(broadside --completion bash)"`): option names, files or
/// folders where an option takes one, and the preset styles, formats and mail services.
std::string bash_completion();

}  // namespace broadside::cli
