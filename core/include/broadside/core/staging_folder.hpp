#pragma once

#include <atomic>
#include <string>

namespace broadside::core {

/// One hidden folder, `.broadside-staging.XXXXXX`, in an output folder, where a job's output
/// files wait under a name when they cannot stay unnamed (more finished files than may be open
/// at once, or a file system without O_TMPFILE) until they are put in place: an OutputFile
/// given this folder names its temporary file here. Made on first use; this program holds a
/// lock (flock) on its `lock` file for as long as it exists. The destructor and the interrupt
/// handler of install_output_cleanup() remove it; one left by a killed run stays until the
/// next StagingFolder for that folder is made. Not thread-safe.
class StagingFolder {
  public:
    /// For output files in `folder` or below it, on the same file system; "" is the current
    /// folder. Removes the staging folders in `folder` that killed runs left (those whose lock
    /// no running program holds; any it cannot lock or remove stay) and makes nothing yet.
    explicit StagingFolder(std::string folder);
    /// remove().
    ~StagingFolder();
    StagingFolder(const StagingFolder&) = delete;
    StagingFolder& operator=(const StagingFolder&) = delete;

    /// The staging folder, made on the first call; empty when it cannot be made, with errno
    /// saying why.
    const std::string& path();

    /// Whether files for `folder` (an existing folder) can wait here: it is on the same file
    /// system, so they can be renamed into place.
    [[nodiscard]] bool serves(const std::string& folder) const;

    /// Removes the staging folder with whatever is still in it, after every OutputFile that
    /// used it is gone. A later path() makes a new one.
    void remove();

  private:
    /// One attempt at making the folder and taking its lock; false with errno EAGAIN when
    /// another program's remove_stale_staging_folders() took it away meanwhile.
    bool make();
    void release();

    std::string folder_;
    std::string path_;
    int lock_ = -1;
    std::atomic<char*>* folder_slot_ = nullptr;  ///< path_'s entry for the interrupt handler
    std::atomic<char*>* lock_slot_ = nullptr;    ///< the lock file's entry
};

}  // namespace broadside::core
