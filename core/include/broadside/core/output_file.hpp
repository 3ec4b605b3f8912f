#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

#include "broadside/core/diagnostics.hpp"

namespace broadside::core {

/// One output file, written where nobody can mistake it for the finished thing and put in
/// place at the end in one step. The bytes go to an unnamed file in the destination's folder
/// (Linux O_TMPFILE), so not even SIGKILL leaves a part behind; where the file system refuses
/// O_TMPFILE (or BROADSIDE_NAMED_TEMP_FILES=1 is set, for tests), to a hidden `.NAME.XXXXXX`
/// beside the destination or in a StagingFolder, which the destructor and the interrupt handler
/// of install_output_cleanup() remove. A file already at the destination is untouched until
/// commit() replaces it whole.
///
/// Every failure is one error naming the destination, `PATH: error: cannot write the output
/// file: REASON`, with a hint saying what to do. After it ok() is false, the temporary file is
/// gone, and writes and commit() do nothing but return false. Not thread-safe.
class StagingFolder;

class OutputFile {
  public:
    /// Opens the temporary file for `path`, whose folder must exist. With `staging` (on the
    /// same file system as `path`, and outliving this), a temporary file that needs a name gets
    /// it there instead of beside `path`, where that folder can be made.
    OutputFile(std::string path, Diagnostics& diags, StagingFolder* staging = nullptr);
    /// Removes the temporary file unless commit() succeeded.
    ~OutputFile();
    OutputFile(OutputFile&& other) noexcept;
    OutputFile& operator=(OutputFile&&) = delete;
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    [[nodiscard]] bool ok() const { return error_ == 0; }
    [[nodiscard]] const std::string& path() const { return path_; }

    /// Appends `size` bytes at the current position.
    bool write(const void* data, std::size_t size);
    /// Moves the position to `offset` bytes from the start, for formats that patch headers.
    bool seek(std::uint64_t offset);
    /// The current position; -1 after a failure.
    [[nodiscard]] std::int64_t tell() const;

    /// Closes the descriptor but keeps the bytes, under a hidden name (in the folder, or in the
    /// staging folder), for callers that hold more finished files than they may have
    /// descriptors open (a per-record merge).
    /// Nothing can be written after it; commit() works as before.
    bool park();

    /// Puts the file at its destination, replacing what was there. False on failure (reported),
    /// and then the destination is as it was and the temporary file is gone.
    bool commit();

    /// Drops the temporary file; the destination stays as it was. The destructor does this.
    void discard();

  private:
    /// Gives the file a hidden name: creates it under one, or links the open unnamed file.
    bool take_hidden_name(bool link_open_file);
    bool fail(int err);
    void drop();

    std::string path_;
    Diagnostics* diags_;
    StagingFolder* staging_;
    int fd_ = -1;
    std::string temp_;                    ///< the hidden name; empty while the file has none
    std::atomic<char*>* slot_ = nullptr;  ///< temp_'s entry for the interrupt handler
    int error_ = 0;                       ///< errno of the first failure
    bool committed_ = false;
};

/// Makes interrupted and size-limited runs leave no temporary output behind. SIGINT, SIGTERM
/// and SIGHUP (unless the program started with them ignored, as under nohup) remove every
/// OutputFile's hidden temporary file and every StagingFolder, and then end the program by the
/// same signal, so the caller sees the usual status. SIGXFSZ is ignored, so a write past
/// `ulimit -f` fails with EFBIG and is reported like a full disk instead of killing the
/// program midway. Call once, early in main, before threads start.
void install_output_cleanup();

}  // namespace broadside::core
