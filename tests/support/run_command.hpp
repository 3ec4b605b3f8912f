#pragma once

#include <string>

namespace broadside::test {

/// What a finished child process left behind.
struct CommandResult {
    int status = -1;  ///< exit status, or -1 when it did not exit normally
    std::string out;  ///< everything it wrote to stdout
    std::string err;  ///< everything it wrote to stderr
};

/// Runs `command` through /bin/sh with stdout and stderr captured separately.
CommandResult run_command(const std::string& command);

/// Quotes `arg` for /bin/sh.
std::string shell_quote(const std::string& arg);

/// Reads a whole file; empty when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace broadside::test
