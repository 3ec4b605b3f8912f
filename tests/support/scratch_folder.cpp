#include "scratch_folder.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace broadside::test {
namespace fs = std::filesystem;
namespace {

/// Removes `path` and everything in it, first giving its owner back the right to change the
/// folders a test made read-only (root would not need it; other users do).
void remove_tree(const fs::path& path) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
         it.increment(ec))
        if (it->is_directory(ec) && !it->is_symlink(ec))
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
}

/// The folder, removed at exit by the process that made it (never by a forked child).
struct Root {
    fs::path path;
    pid_t owner = ::getpid();

    Root() {
        std::string pattern = (fs::temp_directory_path() / "broadside-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) {
            std::cerr << "cannot make a scratch folder '" << pattern << "'\n";
            std::abort();
        }
        path = pattern;
        fs::permissions(path, fs::perms(0755));
    }
    ~Root() {
        if (::getpid() == owner) remove_tree(path);
    }
    Root(const Root&) = delete;
    Root& operator=(const Root&) = delete;
};

}  // namespace

const fs::path& scratch_root() {
    static const Root root;
    return root.path;
}

fs::path scratch_folder(const std::string& name) {
    const fs::path dir = scratch_root() / name;
    remove_tree(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace broadside::test
