#include "run_command.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "scratch_folder.hpp"

namespace broadside::test {

std::string shell_quote(const std::string& arg) {
    std::string out = "'";
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

CommandResult run_command(const std::string& command) {
    // stderr goes to a temporary file so both streams can be read without deadlocks.
    std::string err_path = (scratch_root() / "stderr-XXXXXX").string();
    int fd = mkstemp(err_path.data());
    CommandResult r;
    if (fd < 0) return r;
    close(fd);
    std::string full = "(" + command + ") 2>" + shell_quote(err_path);
    FILE* pipe = popen(full.c_str(), "r");
    if (pipe) {
        char buf[65536];
        std::size_t n;
        while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
        int status = pclose(pipe);
        r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    r.err = read_file(err_path);
    std::remove(err_path.c_str());
    return r;
}

}  // namespace broadside::test
