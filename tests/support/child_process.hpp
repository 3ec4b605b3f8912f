#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace broadside::test {

/// How to start a child process.
struct ChildOptions {
    std::vector<std::string> env;    ///< NAME=value entries that replace or add to the environment
    long long file_size_limit = -1;  ///< RLIMIT_FSIZE in bytes (`ulimit -f`); -1 leaves it
    std::string stderr_path;         ///< where stderr goes; empty: /dev/null
};

/// How a child process ended.
struct ChildEnd {
    bool exited = false;  ///< ended by exit(); `status` holds the code
    int status = -1;
    int signal = 0;  ///< the signal that ended it, when it did not exit
};

/// Starts `argv` (argv[0] is looked up in PATH) with stdin and stdout on /dev/null. -1 when it
/// cannot be started.
pid_t start_child(const std::vector<std::string>& argv, const ChildOptions& options = {});

/// How the child ended, if it has (it is reaped then); nothing while it runs.
std::optional<ChildEnd> poll_child(pid_t pid);

/// Waits for the child to end.
ChildEnd wait_child(pid_t pid);

/// Where the process's open descriptors point (the targets of /proc/PID/fd/*).
std::vector<std::string> open_files(pid_t pid);

}  // namespace broadside::test
