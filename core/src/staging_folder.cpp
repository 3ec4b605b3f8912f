#include "broadside/core/staging_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <vector>

#include "output_cleanup.hpp"

namespace broadside::core {
namespace fs = std::filesystem;
namespace {

constexpr char prefix[] = ".broadside-staging.";
constexpr char lock_name[] = "lock";

/// Whether the file open as `fd` still has a name: remove_stale_staging_folders() may have
/// removed it between its creation and our lock.
bool still_named(int fd) {
    struct stat st {};
    return ::fstat(fd, &st) == 0 && st.st_nlink > 0;
}

/// Removes one staging folder if no running program holds its lock.
void remove_if_stale(const fs::path& dir) {
    const int fd = ::open((dir / lock_name).c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        // No lock file: its maker is between mkdtemp and making the lock, or was killed
        // there. The folder is empty either way, and a maker whose folder goes makes another.
        if (errno == ENOENT) ::rmdir(dir.c_str());
        return;
    }
    // Held by a live program (EWOULDBLOCK), or a file system without locks: leave it.
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
        std::error_code ec;
        fs::remove_all(dir, ec);  // still holding the lock, so no maker can take it meanwhile
    }
    ::close(fd);
}

void remove_stale_staging_folders(const std::string& folder) {
    // Collected first: removing entries while reading the folder may skip some.
    std::vector<fs::path> found;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code type;
        if (name.rfind(prefix, 0) == 0 && it->is_directory(type) && !it->is_symlink(type))
            found.push_back(it->path());
    }
    for (const auto& dir : found) remove_if_stale(dir);
}

}  // namespace

StagingFolder::StagingFolder(std::string folder)
    : folder_(folder.empty() ? "." : std::move(folder)) {
    remove_stale_staging_folders(folder_);
}

StagingFolder::~StagingFolder() {
    remove();
}

void StagingFolder::remove() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
    path_.clear();
    release();
}

const std::string& StagingFolder::path() {
    for (int attempt = 0; path_.empty() && attempt < 100; ++attempt)
        if (!make() && errno != EAGAIN) break;
    return path_;
}

bool StagingFolder::serves(const std::string& folder) const {
    struct stat here {};
    struct stat there {};
    return ::stat(folder_.c_str(), &here) == 0 &&
           ::stat(folder.empty() ? "." : folder.c_str(), &there) == 0 &&
           here.st_dev == there.st_dev;
}

bool StagingFolder::make() {
    output_cleanup::Naming naming;
    if (naming.interrupted()) {
        errno = EINTR;
        return false;
    }
    std::string dir = (fs::path(folder_) / (std::string(prefix) + "XXXXXX")).string();
    if (!::mkdtemp(dir.data())) return false;
    folder_slot_ = output_cleanup::remember_folder(dir);
    const std::string lock = dir + "/" + lock_name;
    lock_slot_ = output_cleanup::remember_file(lock);
    lock_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (lock_ < 0) {
        const int err = errno;
        ::rmdir(dir.c_str());
        release();
        errno = err == ENOENT ? EAGAIN : err;  // ENOENT: the folder was taken as stale
        return false;
    }
    // EWOULDBLOCK: another program found the folder before the lock was taken and is removing
    // it. Other failures mean a file system without locks, where no program can remove the
    // folder as stale either: it goes on unlocked.
    const bool locked = ::flock(lock_, LOCK_EX | LOCK_NB) == 0;
    if ((!locked && errno == EWOULDBLOCK) || (locked && !still_named(lock_))) {
        release();
        errno = EAGAIN;
        return false;
    }
    path_ = std::move(dir);
    return true;
}

void StagingFolder::release() {
    if (lock_ >= 0) ::close(lock_);
    lock_ = -1;
    output_cleanup::forget(lock_slot_);
    output_cleanup::forget(folder_slot_);
    lock_slot_ = folder_slot_ = nullptr;
}

}  // namespace broadside::core
