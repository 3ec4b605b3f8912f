#include "broadside/core/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>

#include "broadside/core/staging_folder.hpp"
#include "output_cleanup.hpp"

namespace broadside::core {
namespace {

using output_cleanup::forget;
using output_cleanup::Naming;

bool use_unnamed_files() {
    static const bool use = [] {
        const char* forced = std::getenv("BROADSIDE_NAMED_TEMP_FILES");
        if (forced && *forced && std::strcmp(forced, "0") != 0) return false;
        return ::access("/proc/self/fd", X_OK) == 0;  // linking needs /proc/self/fd/N
    }();
    return use;
}

std::string folder_of(const std::string& path) {
    std::string folder = std::filesystem::path(path).parent_path().string();
    return folder.empty() ? "." : folder;
}

/// `.NAME.XXXXXX` in `folder`: hidden, and recognisably the output `path`'s.
std::string temp_name(const std::string& path, const std::filesystem::path& folder) {
    static thread_local std::mt19937_64 random{std::random_device{}() ^
                                               static_cast<std::uint64_t>(::getpid())};
    std::filesystem::path target(path);
    std::string base = target.filename().string();
    // Room for the dot and the suffix within NAME_MAX; cut at a UTF-8 character boundary.
    if (base.size() > 200) {
        std::size_t cut = 200;
        while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;
        base.resize(cut);
    }
    static constexpr char letters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string name = "." + base + ".";
    for (int i = 0; i < 6; ++i) name += letters[random() % (sizeof letters - 1)];
    return (folder / name).string();
}

/// Gives the unnamed file open as `fd` the name `to`; fails with EEXIST when that is taken.
int link_descriptor(int fd, const std::string& to) {
    const std::string from = "/proc/self/fd/" + std::to_string(fd);
    return ::linkat(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), AT_SYMLINK_FOLLOW);
}

std::string hint_for(int err) {
    switch (err) {
        case ENOSPC:
        case EFBIG:
        case EDQUOT:
            return "the disk is full or a file size limit was hit; free space and run again";
        case EISDIR:
            return "a folder has that name; choose another output file";
        case ENAMETOOLONG:
            return "choose a shorter output file name";
        case EINTR:
            return {};
        default:
            return "check that the folder exists and is writable";
    }
}

}  // namespace

OutputFile::OutputFile(std::string path, Diagnostics& diags, StagingFolder* staging)
    : path_(std::move(path)), diags_(&diags), staging_(staging) {
    if (path_.empty() || std::filesystem::path(path_).filename().empty()) {
        fail(EISDIR);
        return;
    }
    if (use_unnamed_files()) {
        fd_ = ::open(folder_of(path_).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        if (fd_ >= 0) return;
        // Kernels and file systems without O_TMPFILE say so in one of these ways.
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
            fail(errno);
            return;
        }
    }
    take_hidden_name(false);
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : path_(std::move(other.path_)),
      diags_(other.diags_),
      staging_(other.staging_),
      fd_(other.fd_),
      temp_(std::move(other.temp_)),
      slot_(other.slot_),
      error_(other.error_),
      committed_(other.committed_) {
    other.fd_ = -1;
    other.temp_.clear();
    other.slot_ = nullptr;
    other.committed_ = true;
}

OutputFile::~OutputFile() {
    if (!committed_) drop();
}

bool OutputFile::take_hidden_name(bool link_open_file) {
    // Beside the destination where there is no staging folder, or it cannot be made (its
    // folder is not writable, say, while the destination's is).
    std::filesystem::path folder = std::filesystem::path(path_).parent_path();
    if (staging_ && !staging_->path().empty()) folder = staging_->path();
    Naming naming;
    if (naming.interrupted()) return fail(EINTR);
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = temp_name(path_, folder);
        slot_ = output_cleanup::remember_file(name);
        if (link_open_file) {
            if (link_descriptor(fd_, name) == 0) {
                temp_ = std::move(name);
                return true;
            }
        } else {
            fd_ = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd_ >= 0) {
                temp_ = std::move(name);
                return true;
            }
        }
        const int err = errno;
        forget(slot_);
        slot_ = nullptr;
        if (err != EEXIST) return fail(err);
    }
    return fail(EEXIST);
}

bool OutputFile::write(const void* data, std::size_t size) {
    if (!ok()) return false;
    if (fd_ < 0) return fail(EBADF);
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd_, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(errno);
        if (n == 0) return fail(EIO);
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool OutputFile::seek(std::uint64_t offset) {
    if (!ok()) return false;
    if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) return fail(errno);
    return true;
}

std::int64_t OutputFile::tell() const {
    if (!ok() || fd_ < 0) return -1;
    return ::lseek(fd_, 0, SEEK_CUR);
}

bool OutputFile::park() {
    if (!ok()) return false;
    if (fd_ < 0) return true;
    if (temp_.empty() && !take_hidden_name(true)) return false;
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return fail(errno);
    return true;
}

bool OutputFile::commit() {
    if (!ok()) return false;
    if (committed_) return true;
    Naming naming;
    if (naming.interrupted()) return fail(EINTR);
    if (temp_.empty()) {
        // Still unnamed: where nothing has the destination's name yet, the file takes it
        // directly, with no name in between.
        if (link_descriptor(fd_, path_) == 0) {
            ::close(fd_);
            fd_ = -1;
            committed_ = true;
            return true;
        }
        if (errno != EEXIST) return fail(errno);
        if (!take_hidden_name(true)) return false;
    }
    if (fd_ >= 0) {
        // A full disk on a network file system may only show when the file is closed.
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) return fail(errno);
    }
    if (::rename(temp_.c_str(), path_.c_str()) != 0) return fail(errno);
    temp_.clear();
    forget(slot_);
    slot_ = nullptr;
    committed_ = true;
    return true;
}

void OutputFile::discard() {
    if (!committed_) drop();
}

bool OutputFile::fail(int err) {
    if (error_ == 0) {
        error_ = err;
        diags_->error(path_, 0, 0,
                      std::string("cannot write the output file: ") + std::strerror(err),
                      hint_for(err));
    }
    drop();
    return false;
}

void OutputFile::drop() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    // Unlinked before it leaves the registry, so a signal in between still finds it.
    if (!temp_.empty()) ::unlink(temp_.c_str());
    temp_.clear();
    forget(slot_);
    slot_ = nullptr;
}

}  // namespace broadside::core
