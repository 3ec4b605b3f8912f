#pragma once

#include <functional>
#include <memory>
#include <string>

#include "broadside/core/diagnostics.hpp"

namespace broadside::epub {

/// Writes an EPUB's zip container with libzip. Entries keep the order they were added in;
/// every entry gets the same fixed time and permissions so equal input gives equal bytes.
/// libzip writes through a source of ours into a core::OutputFile (its temporary file, not
/// libzip's own), and only `commit` puts the book in place, so a failed, abandoned or
/// interrupted package never leaves a file behind and never replaces an existing book.
class ZipPackage {
  public:
    /// Produces an entry's bytes when the archive is written; false means failure.
    using Producer = std::function<bool(std::string& out)>;

    /// Prepares `path` for writing; an error goes to `diags` and `ok()` is false then.
    ZipPackage(const std::string& path, core::Diagnostics& diags);
    ~ZipPackage();
    ZipPackage(const ZipPackage&) = delete;
    ZipPackage& operator=(const ZipPackage&) = delete;

    [[nodiscard]] bool ok() const { return ok_; }

    /// Adds `data` uncompressed (the `mimetype` entry must be stored).
    void add_stored(const std::string& name, std::string data);
    /// Adds `data`, deflated.
    void add_text(const std::string& name, std::string data);
    /// Adds a file from disk, read while the archive is written; stored when `compress` is
    /// false (PNG, JPEG and GIF are compressed already).
    void add_file(const std::string& name, const std::string& path, bool compress);
    /// Adds an entry whose bytes come from `produce` while the archive is written, so only the
    /// entries being written are in memory.
    void add_generated(const std::string& name, Producer produce);

    /// Writes the archive to the temporary file. False (with an error in diags) on failure,
    /// and then the temporary file is gone.
    bool close();
    /// Puts the written archive at the path, replacing what was there. Until then, and when this
    /// fails, the path is as it was; a package destroyed without it leaves nothing.
    bool commit();

  private:
    void finish_entry(long long index, bool compress);

    struct Impl;
    std::unique_ptr<Impl> impl_;
    core::Diagnostics& diags_;
    std::string path_;
    bool ok_ = false;
};

}  // namespace broadside::epub
