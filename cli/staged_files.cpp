#include "staged_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace broadside::cli {

namespace fs = std::filesystem;

namespace {

bool write_all(int fd, const std::vector<std::uint8_t>& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

StagedFiles::~StagedFiles() {
    std::error_code ec;
    for (const auto& f : files_) fs::remove(f.temp, ec);
    // Innermost first; a folder that holds anything else stays.
    for (auto it = created_folders_.rbegin(); it != created_folders_.rend(); ++it)
        fs::remove(*it, ec);
}

bool StagedFiles::make_folder(const fs::path& folder, core::Diagnostics& diags,
                              const std::string& path) {
    if (folder.empty()) return true;
    std::error_code ec;
    if (fs::is_directory(folder, ec)) return true;
    if (!make_folder(folder.parent_path(), diags, path)) return false;
    if (!fs::create_directory(folder, ec) && !fs::is_directory(folder)) {
        diags.error(path, 0, 0,
                    "cannot create the folder '" + folder.string() +
                        "': " + (ec ? ec.message() : "a file is in the way"));
        return false;
    }
    created_folders_.push_back(folder);
    return true;
}

bool StagedFiles::stage(const std::string& path, const std::vector<std::uint8_t>& bytes,
                        core::Diagnostics& diags) {
    const fs::path target(path);
    if (!make_folder(target.parent_path(), diags, path)) return false;
    // A unique name in the destination folder: the final rename stays on one file system.
    std::string base = ".";
    base += target.filename().string();
    base += ".XXXXXX";
    std::string name = (target.parent_path() / base).string();
    int fd = ::mkstemp(name.data());
    if (fd < 0) {
        diags.error(path, 0, 0,
                    std::string("cannot write the output file: ") + std::strerror(errno),
                    "check that the folder is writable");
        return false;
    }
    files_.push_back({name, target});
    const bool written = write_all(fd, bytes);
    // mkstemp makes the file private; outputs get the usual permissions. umask can only be
    // read by setting it, so that happens once, on the thread that writes.
    static const mode_t mask = [] {
        const mode_t m = ::umask(0);
        ::umask(m);
        return m;
    }();
    ::fchmod(fd, 0666 & ~mask);
    if (::close(fd) != 0 || !written) {
        diags.error(path, 0, 0, "cannot write the output file", "is the disk full?");
        return false;
    }
    return true;
}

bool StagedFiles::commit(core::Diagnostics& diags) {
    std::size_t done = 0;
    for (; done < files_.size(); ++done) {
        std::error_code ec;
        fs::rename(files_[done].temp, files_[done].target, ec);
        if (ec) {
            diags.error(files_[done].target.string(), 0, 0,
                        "cannot move the finished file into place: " + ec.message());
            break;
        }
    }
    files_.erase(files_.begin(), files_.begin() + static_cast<std::ptrdiff_t>(done));
    if (files_.empty()) created_folders_.clear();  // they hold the outputs now
    return files_.empty();
}

}  // namespace broadside::cli
