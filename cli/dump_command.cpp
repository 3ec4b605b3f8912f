#include <iostream>

#include "broadside/core/model_dump.hpp"
#include "broadside/core/reader.hpp"
#include "commands.hpp"

namespace broadside::cli {

int run_dump(const std::string& path) {
    core::Diagnostics diags;
    auto doc = core::read_document_file(path, diags);
    int status = report(diags);
    if (!doc) return exit_input_error;
    std::cout << core::dump_document(*doc);
    return status;
}

}  // namespace broadside::cli
