#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "broadside/core/limits.hpp"
#include "broadside/core/site.hpp"

namespace broadside::core {

/// The outcome of resolving a reference to a file (an image, a letterhead, a data file).
struct ResolvedResource {
    bool ok = false;
    std::string path;     ///< canonical path of an existing regular file when ok
    std::string problem;  ///< when not ok: what is wrong and what to do, ready for a diagnostic
};

/// Where documents may read files from: the input's folder tree and the folders the user
/// allowed with `--resource-path`. Absolute paths, `..` escapes and symbolic links that lead
/// out are refused; remote (`http:`, `//`) and `data:` references are never fetched. The
/// policy also carries the job's limits, so whatever reads a file knows how much it may read.
class ResourcePolicy {
  public:
    /// `root` is the input's folder; `allowed` are extra folders. Both are made canonical.
    explicit ResourcePolicy(const std::string& root, const std::vector<std::string>& allowed = {},
                            const Limits& limits = {});

    /// Resolves `reference` (as written in the document, percent-encoding allowed, `?query` and
    /// `#fragment` ignored) relative to `document_dir`; a site-absolute `/x.png` is looked up
    /// under the root. `what` names the kind of file in messages ("image", "letterhead").
    [[nodiscard]] ResolvedResource resolve(std::string_view reference,
                                           const std::string& document_dir,
                                           std::string_view what) const;

    [[nodiscard]] const std::string& root() const { return root_; }
    [[nodiscard]] const Limits& limits() const { return limits_; }

    /// The same policy, also allowing `folder` (e.g. a collection file's own folder).
    [[nodiscard]] ResourcePolicy allowing(const std::string& folder) const;

    /// The same policy inside a site project: the site's root is allowed too (nothing above
    /// it), and a site path `/images/x.png`, with or without the site's base path, names a file
    /// in the site's static folder (`static/`, `public/`, or the root for Jekyll).
    [[nodiscard]] ResourcePolicy within_site(const Site& site) const;

  private:
    // Where a site path (`/x.png`) points: the site's static folder, else the input folder.
    [[nodiscard]] std::filesystem::path site_file(std::string_view site_path) const;

    std::string root_;
    std::vector<std::string> allowed_;  // root first
    std::string site_static_;           // empty outside a site
    std::string site_base_path_;
    Limits limits_;
};

}  // namespace broadside::core
