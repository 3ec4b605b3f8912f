#include <iostream>

#include "commands.hpp"

namespace broadside::cli {

int report(const core::Diagnostics& diags) {
    for (const auto& d : diags.items()) std::cerr << core::format_diagnostic(d) << '\n';
    return diags.has_errors() ? exit_input_error : exit_ok;
}

}  // namespace broadside::cli
