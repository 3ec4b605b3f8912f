// Files broadside reads at run time that are installed beside the program (style presets, the
// picture module): found relative to the running program, so a moved or packaged prefix still
// works, else at paths fixed when it was built.
#pragma once

#include <filesystem>
#include <vector>

namespace broadside::core {

/// The first of `candidates` that is a regular file. A relative candidate is taken under the
/// prefix the running program is installed in: the folder above the one holding it (`<prefix>`
/// for `<prefix>/bin/broadside`). Empty when none is.
std::filesystem::path find_installed_file(const std::vector<std::filesystem::path>& candidates);

}  // namespace broadside::core
