#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/output_file.hpp"

namespace broadside::cli {

/// Output files that appear together or not at all: each is written to a temporary file in
/// its destination's folder (core::OutputFile), and only `commit` puts them in place. Until
/// then (and when the job fails) the destructor removes the temporary files and any folder it
/// created, so a failed merge leaves nothing behind.
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

    /// Puts every staged file in place, in staging order. A failure is an error (in the
    /// diagnostics given to `stage`); the files not yet in place are removed then.
    bool commit();

  private:
    bool make_folder(const std::filesystem::path& folder, core::Diagnostics& diags,
                     const std::string& path);

    std::vector<core::OutputFile> files_;
    std::vector<std::filesystem::path> created_folders_;  // outermost first
};

}  // namespace broadside::cli
