#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"

namespace broadside::cli {

/// Output files that appear together or not at all: each is written to a temporary file
/// beside its destination, and only `commit` renames them into place. Until then (and when
/// the job fails) the destructor removes the temporary files and any folder it created, so a
/// failed merge leaves nothing behind.
class StagedFiles {
  public:
    StagedFiles() = default;
    ~StagedFiles();
    StagedFiles(const StagedFiles&) = delete;
    StagedFiles& operator=(const StagedFiles&) = delete;

    /// Writes `bytes` for `path`, creating its folder if needed. False (with an error naming
    /// the path in `diags`) when it cannot be written.
    bool stage(const std::string& path, const std::vector<std::uint8_t>& bytes,
               core::Diagnostics& diags);

    /// Renames every staged file into place, in staging order. A failed rename is an error;
    /// the files not yet renamed are removed then.
    bool commit(core::Diagnostics& diags);

  private:
    bool make_folder(const std::filesystem::path& folder, core::Diagnostics& diags,
                     const std::string& path);

    struct Staged {
        std::filesystem::path temp, target;
    };
    std::vector<Staged> files_;
    std::vector<std::filesystem::path> created_folders_;  // outermost first
};

}  // namespace broadside::cli
