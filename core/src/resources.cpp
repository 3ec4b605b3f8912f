#include "broadside/core/resources.hpp"

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/input_file.hpp"
#include "broadside/core/url.hpp"

#include <cctype>
#include <filesystem>

namespace broadside::core {
namespace {

namespace fs = std::filesystem;

std::string canonical_or_normal(const fs::path& p) {
    std::error_code ec;
    // Absolute first: weakly_canonical leaves a relative path relative when the file is
    // missing, and a relative path never lies inside the (absolute) input folder.
    fs::path c = fs::weakly_canonical(fs::absolute(p), ec);  // resolves symlinks that exist
    return (ec ? fs::absolute(p).lexically_normal() : c).string();
}

bool inside(const std::string& path, const std::string& folder) {
    if (path.size() < folder.size() || path.compare(0, folder.size(), folder) != 0) return false;
    return path.size() == folder.size() || path[folder.size()] == '/' || folder.back() == '/';
}

}  // namespace

ResourcePolicy::ResourcePolicy(const std::string& root, const std::vector<std::string>& allowed,
                               const Limits& limits)
    : root_(canonical_or_normal(root)), limits_(limits) {
    allowed_.push_back(root_);
    for (const auto& a : allowed) allowed_.push_back(canonical_or_normal(a));
}

ResourcePolicy ResourcePolicy::allowing(const std::string& folder) const {
    ResourcePolicy copy = *this;
    copy.allowed_.push_back(canonical_or_normal(folder));
    return copy;
}

std::filesystem::path ResourcePolicy::site_file(std::string_view site_path) const {
    if (site_static_.empty()) return fs::path(root_) / site_path.substr(1);
    if (!site_base_path_.empty() && site_path.starts_with(site_base_path_) &&
        site_path.size() > site_base_path_.size() && site_path[site_base_path_.size()] == '/')
        site_path.remove_prefix(site_base_path_.size());
    return fs::path(site_static_) / site_path.substr(1);
}

ResourcePolicy ResourcePolicy::within_site(const Site& site) const {
    ResourcePolicy copy = allowing(site.root);
    copy.site_static_ = canonical_or_normal(site.static_dir);
    copy.site_base_path_ = site.base_path;
    return copy;
}

ResolvedResource ResourcePolicy::resolve(std::string_view reference,
                                         const std::string& document_dir,
                                         std::string_view what) const {
    ResolvedResource r;
    std::string name = std::string(what) + " " + quote_value(reference);
    if (starts_with_ignoring_case(reference, "http:") ||
        starts_with_ignoring_case(reference, "https:") ||
        starts_with_ignoring_case(reference, "//") ||
        starts_with_ignoring_case(reference, "ftp:")) {
        r.problem = name + " is remote and is not fetched; save it beside the document";
        return r;
    }
    if (reference.empty() || starts_with_ignoring_case(reference, "data:")) {
        r.problem = name + " is not a file";
        return r;
    }
    std::string path = percent_decode(reference.substr(0, reference.find_first_of("?#")));
    if (path.empty()) {
        r.problem = name + " is not a file";
        return r;
    }
    // The error_code form: a name the OS refuses (too long) counts as missing, not a throw.
    std::error_code missing;
    fs::path p = path[0] == '/' && !fs::exists(path, missing) ? site_file(path)
                                                              : fs::path(document_dir) / path;
    std::string real = canonical_or_normal(p);
    bool allowed = false;
    for (const auto& dir : allowed_) allowed = allowed || inside(real, dir);
    if (!allowed) {
        r.problem =
            name +
            (site_static_.empty() ? " lies outside the input folder" : " lies outside the site") +
            " and is not read; allow its folder with --resource-path " +
            fs::path(real).parent_path().string();
        return r;
    }
    std::error_code ec;
    if (!fs::is_regular_file(real, ec)) {
        r.problem = name + " not found";
        return r;
    }
    if (auto size = fs::file_size(real, ec); !ec && size > limits_.max_file_bytes) {
        r.problem = name + ": " + file_too_large("file", size, limits_.max_file_bytes) + "; " +
                    raise_hint("--max-file-size MIB");
        return r;
    }
    r.ok = true;
    r.path = real;
    return r;
}

}  // namespace broadside::core
