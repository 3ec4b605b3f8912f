#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/meta.hpp"

namespace broadside::core {

/// The static-site project that posts belong to: where the `/…` paths they write point, and
/// what the site's configuration says (`{{ site.title }}`, its address).
struct Site {
    std::string generator;    ///< "Jekyll", "Hugo", "Zola", "Astro"; empty for a bare folder
    std::string root;         ///< absolute folder of the project (holds its configuration)
    std::string static_dir;   ///< the folder a site path `/images/x.png` names files in
    std::string config_file;  ///< the configuration read, empty when there is none
    std::string origin;       ///< `https://blog.rust-lang.org`; empty when not configured
    std::string base_path;    ///< `/blog` (no trailing `/`); empty at the domain's root
    MetaValue config;         ///< the configuration's values; null when there is none

    /// The path of `url` within the site: `/2016/05/13/rustup.html` for the site's own
    /// absolute URL, for a path under its base path or for a site path; nothing for another
    /// host or a relative reference.
    [[nodiscard]] std::optional<std::string> site_path(std::string_view url) const;

    /// `{{ site.x.y }}`: the configuration value at `dotted`, as text; nothing when absent.
    [[nodiscard]] std::optional<std::string> value(std::string_view dotted) const;
};

/// The site rooted at `folder` (`--site-root`): a generator's project when its configuration is
/// there, else a bare folder whose `/…` paths are its own files. A configuration that does not
/// parse is a warning and its values are not used; a missing folder is an error.
std::optional<Site> read_site(const std::string& folder, Diagnostics& diags);

/// The project that `input_folder` lies in, looking at it and up to four folders above, when
/// its layout leaves no doubt: Jekyll (`_config.yml` and `_posts/`), Hugo (`hugo.toml|yaml|json`
/// or `config.toml|yaml|json` with `baseURL`, and `content/`), Zola (`config.toml` with
/// `base_url`, and `content/`), Astro (`astro.config.*` and `public/` or `src/`).
std::optional<Site> find_site(const std::string& input_folder, Diagnostics& diags);

/// The site of a job: `chosen_root` (`--site-root`, `site-root:`) when given, else the one
/// found around `input_folder`; one info line says which, and where its site paths point.
/// A chosen root that is no folder is an error.
std::optional<Site> site_of_job(const std::string& chosen_root, const std::string& input_folder,
                                Diagnostics& diags);

}  // namespace broadside::core
