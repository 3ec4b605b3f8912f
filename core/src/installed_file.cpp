#include "broadside/core/installed_file.hpp"

namespace fs = std::filesystem;

namespace broadside::core {

fs::path find_installed_file(const std::vector<fs::path>& candidates) {
    std::error_code ec;
    const fs::path program = fs::read_symlink("/proc/self/exe", ec);
    const fs::path prefix = ec ? fs::path() : program.parent_path().parent_path();
    for (const fs::path& candidate : candidates) {
        if (candidate.is_relative() && prefix.empty()) continue;
        const fs::path path = candidate.is_relative() ? prefix / candidate : candidate;
        if (fs::is_regular_file(path, ec)) return path;
    }
    return {};
}

}  // namespace broadside::core
