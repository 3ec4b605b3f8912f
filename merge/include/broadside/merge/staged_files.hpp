#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/output_file.hpp"
#include "broadside/core/staging_folder.hpp"

namespace broadside::merge {

/// Output files that appear together or not at all: each is written to a temporary file in
/// its destination's folder (core::OutputFile), and only `commit` puts them in place. Until
/// then (and when the job fails) the destructor removes the temporary files and any folder it
/// created, so a failed merge leaves nothing behind. The first files stay unnamed; the rest,
/// and all of them where the file system has no O_TMPFILE, wait in one staging folder in the
/// folder that holds every output (core::StagingFolder), which a run killed by SIGKILL leaves
/// and the next run into that folder removes.
class StagedFiles {
  public:
    /// For the outputs at `paths` (which may not exist yet, nor their folders); removes the
    /// staging folders that killed runs left in the deepest folder that holds them all.
    explicit StagedFiles(const std::vector<std::string>& paths);
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

    core::StagingFolder staging_;  // before files_, which use it: destroyed after them
    std::vector<core::OutputFile> files_;
    std::vector<std::filesystem::path> created_folders_;  // outermost first
};

}  // namespace broadside::merge
