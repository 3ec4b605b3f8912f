// Running the program for the pdfcheck tests (which define BROADSIDE_BINARY).
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "run_command.hpp"

namespace broadside::test {

// Runs broadside on `arguments` into `out`, which must succeed with its claims made; returns
// the PDF's path, and what broadside printed in `messages` when asked.
inline std::string render(const std::string& arguments, const std::filesystem::path& out,
                          std::string* messages = nullptr) {
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + arguments + " -o " +
                         shell_quote(out.string()));
    INFO(arguments << "\n" << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("not marked PDF/A") == std::string::npos);
    if (messages) *messages = r.err;
    return out.string();
}

}  // namespace broadside::test
