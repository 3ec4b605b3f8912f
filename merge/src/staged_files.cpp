#include "broadside/merge/staged_files.hpp"

namespace broadside::merge {

namespace fs = std::filesystem;

namespace {

/// Staged files beyond this many give up their descriptors (they get a name in the staging
/// folder instead), so a merge of any size stays far below the usual limit of 1,024 open
/// files. Up to it, a staged file has no name at all and even SIGKILL leaves nothing behind.
constexpr std::size_t open_files = 256;

/// The deepest folder that holds every path ("" for the current folder): one staging folder
/// there serves them all, whatever folders the output pattern makes below it.
std::string common_folder(const std::vector<std::string>& paths) {
    if (paths.empty()) return {};
    fs::path common = fs::path(paths.front()).parent_path();
    for (const auto& p : paths) {
        const fs::path folder = fs::path(p).parent_path();
        fs::path shared;
        for (auto a = common.begin(), b = folder.begin();
             a != common.end() && b != folder.end() && *a == *b; ++a, ++b)
            shared /= *a;
        common = shared;
    }
    return common.string();
}

}  // namespace

StagedFiles::StagedFiles(const std::vector<std::string>& paths) : staging_(common_folder(paths)) {}

StagedFiles::~StagedFiles() {
    files_.clear();  // removes what was not committed, before the folders that held it
    staging_.remove();
    std::error_code ec;
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
                        "': " + (ec ? ec.message() : "a file is in the way"),
                    "check that its parent folder exists and is writable");
        return false;
    }
    created_folders_.push_back(folder);
    return true;
}

bool StagedFiles::stage(const std::string& path, const std::vector<std::uint8_t>& bytes,
                        core::Diagnostics& diags) {
    const fs::path folder = fs::path(path).parent_path();
    if (!make_folder(folder, diags, path)) return false;
    // A destination on another file system than the staging folder (a mount point below the
    // outputs' folder) gets its name beside it, as a rename cannot cross file systems.
    core::OutputFile& file =
        files_.emplace_back(path, diags, staging_.serves(folder) ? &staging_ : nullptr);
    if (!file.write(bytes.data(), bytes.size()) || (files_.size() > open_files && !file.park())) {
        files_.pop_back();
        return false;
    }
    return true;
}

bool StagedFiles::commit() {
    std::size_t done = 0;
    while (done < files_.size() && files_[done].commit()) ++done;
    const bool all = done == files_.size();
    files_.clear();  // removes the files not yet in place
    staging_.remove();
    if (all) created_folders_.clear();  // they hold the outputs now
    return all;
}

}  // namespace broadside::merge
