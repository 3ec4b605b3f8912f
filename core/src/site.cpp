// Finding the static-site project around a folder of posts and reading what its
// configuration says about addresses. Only the generator's own layout counts as evidence, so
// a stray `config.toml` in a home folder never turns a folder of notes into a "site".
#include "broadside/core/site.hpp"

#include <array>
#include <cctype>
#include <filesystem>

#include "broadside/core/input_file.hpp"
#include "broadside/core/limits.hpp"
#include "broadside/core/url.hpp"
#include "toml_values.hpp"
#include "yaml_values.hpp"

namespace broadside::core {
namespace {

namespace fs = std::filesystem;

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}
bool is_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

Site project(std::string generator, const fs::path& root, const fs::path& static_dir,
             std::string config_file) {
    Site site;
    site.generator = std::move(generator);
    site.root = root.string();
    site.static_dir = static_dir.string();
    site.config_file = std::move(config_file);
    return site;
}

// Parses a configuration file; one that does not parse is a warning, not the end of the job:
// the posts still make a book, only `{{ site.x }}` and site addresses go unknown.
MetaValue read_config(const fs::path& file, Diagnostics& diags) {
    Diagnostics local;
    const std::string path = file.string();
    auto text = read_input_file(path, Limits{}.max_file_bytes, "site configuration", local);
    std::optional<MetaValue> parsed;
    if (text) {
        const std::string ext = file.extension().string();
        parsed = ext == ".toml" ? parse_toml(*text, 1, path, "site configuration", local)
                                : parse_yaml(*text, 1, path, "site configuration", local);
    }
    for (Diagnostic d : local.items()) {
        if (d.severity == Severity::error) {
            d.severity = Severity::warning;
            d.message += "; the site's settings are not used";
        }
        diags.add(std::move(d));
    }
    return parsed && parsed->as_map() ? *parsed : MetaValue{};
}

// `value` of Astro's `defineConfig({ site: 'https://x.org', base: '/blog' })`: the first
// quoted string after `key:`. Astro's configuration is a program; its literal values are
// all broadside needs, and running it is out of the question.
std::string js_string_value(const std::string& text, std::string_view key) {
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
        const bool word_start =
            at == 0 ||
            !(std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_');
        std::size_t i = at + key.size();
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        if (!word_start || i >= text.size() || text[i] != ':') continue;
        ++i;
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= text.size() || (text[i] != '\'' && text[i] != '"' && text[i] != '`')) continue;
        const std::size_t end = text.find(text[i], i + 1);
        if (end == std::string::npos) continue;
        return text.substr(i + 1, end - i - 1);
    }
    return {};
}

// Splits a configured address (`https://x.org/blog/`) into origin and base path.
void set_address(Site& site, std::string url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) {
        site.base_path = url;
    } else {
        const std::size_t path = url.find('/', scheme + 3);
        site.origin = url.substr(0, path);
        if (path != std::string::npos) site.base_path = url.substr(path);
    }
    while (!site.base_path.empty() && site.base_path.back() == '/') site.base_path.pop_back();
    if (!site.base_path.empty() && site.base_path.front() != '/')
        site.base_path.insert(site.base_path.begin(), '/');
}

// A base path given apart from the address (Jekyll's `baseurl`, Astro's `base`) wins over the
// address's own path; the origin stays.
void set_base_path(Site& site, const std::string& base) {
    if (base.empty()) return;
    const std::string origin = site.origin;
    set_address(site, base);
    site.origin = origin;
}

std::string text_of(const MetaValue& config, std::string_view key) {
    const MetaValue* v = config.find(key);
    return v ? v->to_text() : std::string();
}

std::optional<Site> jekyll_at(const fs::path& dir, Diagnostics& diags) {
    for (const char* name : {"_config.yml", "_config.yaml"}) {
        if (!is_file(dir / name) || !is_dir(dir / "_posts")) continue;
        Site site = project("Jekyll", dir, dir, name);
        site.config = read_config(dir / name, diags);
        set_address(site, text_of(site.config, "url"));
        // Jekyll's `baseurl` is the path; `url` is the scheme and host only.
        set_base_path(site, text_of(site.config, "baseurl"));
        return site;
    }
    return std::nullopt;
}

// Hugo and Zola both may use `config.toml`; Zola's requires `base_url`, Hugo's spells it
// `baseURL` (any case), which tells them apart.
Site hugo_or_zola(const fs::path& dir, const std::string& name, Diagnostics& diags) {
    Site site = project("Hugo", dir, dir / "static", name);
    site.config = read_config(dir / name, diags);
    if (std::string zola = text_of(site.config, "base_url"); !zola.empty()) {
        site.generator = "Zola";
        set_address(site, zola);
        return site;
    }
    if (site.config.as_map()) {
        for (const auto& [key, value] : *site.config.as_map()) {
            std::string lower = key;
            for (char& c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == "baseurl") set_address(site, value.to_text());
        }
    }
    return site;
}

// Hugo may also keep its settings in a configuration folder, `config/_default/`.
std::optional<Site> hugo_or_zola_at(const fs::path& dir, Diagnostics& diags) {
    if (!is_dir(dir / "content")) return std::nullopt;
    constexpr std::array names{"hugo.toml",   "hugo.yaml",   "hugo.json",
                               "config.toml", "config.yaml", "config.json"};
    for (const std::string folder : {"", "config/_default/"})
        for (const char* file : names) {
            const std::string name = folder + file;
            if (!is_file(dir / name)) continue;
            return hugo_or_zola(dir, name, diags);
        }
    return std::nullopt;
}

std::optional<Site> astro_at(const fs::path& dir, Diagnostics& diags) {
    if (!is_dir(dir / "public") && !is_dir(dir / "src")) return std::nullopt;
    for (const char* name : {"astro.config.mjs", "astro.config.js", "astro.config.ts",
                             "astro.config.mts", "astro.config.cjs"}) {
        if (!is_file(dir / name)) continue;
        Site site = project("Astro", dir, dir / "public", name);
        Diagnostics local;
        auto text = read_input_file((dir / name).string(), Limits{}.max_file_bytes,
                                    "site configuration", local);
        diags.append(local);
        if (text) {
            set_address(site, js_string_value(*text, "site"));
            set_base_path(site, js_string_value(*text, "base"));
        }
        return site;
    }
    return std::nullopt;
}

std::optional<Site> project_at(const fs::path& dir, Diagnostics& diags) {
    if (auto s = jekyll_at(dir, diags)) return s;
    if (auto s = hugo_or_zola_at(dir, diags)) return s;
    return astro_at(dir, diags);
}

}  // namespace

std::optional<std::string> Site::site_path(std::string_view url) const {
    std::string path;
    if (!origin.empty() && starts_with_ignoring_case(url, origin) &&
        (url.size() == origin.size() || url[origin.size()] == '/')) {
        path = std::string(url.substr(origin.size()));
    } else if (url.starts_with('/') && !url.starts_with("//")) {
        path = std::string(url);
    } else {
        return std::nullopt;
    }
    if (!base_path.empty() && path.starts_with(base_path) &&
        (path.size() == base_path.size() || path[base_path.size()] == '/' ||
         path[base_path.size()] == '#' || path[base_path.size()] == '?'))
        path.erase(0, base_path.size());
    if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
    return path;
}

std::optional<std::string> Site::value(std::string_view dotted) const {
    const MetaValue* v = &config;
    while (v && !dotted.empty()) {
        const std::size_t dot = dotted.find('.');
        v = v->find(dotted.substr(0, dot));
        dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
    }
    if (!v || v->to_text().empty()) return std::nullopt;
    return v->to_text();
}

std::optional<Site> read_site(const std::string& folder, Diagnostics& diags) {
    std::error_code ec;
    const fs::path dir = fs::canonical(folder, ec);
    if (ec || !is_dir(dir)) {
        diags.error(folder, 0, 0, "the site root is not a folder",
                    "give the folder that holds the site's configuration with --site-root");
        return std::nullopt;
    }
    if (auto site = project_at(dir, diags)) return site;
    return project("", dir, dir, "");
}

std::optional<Site> find_site(const std::string& input_folder, Diagnostics& diags) {
    std::error_code ec;
    fs::path dir = fs::canonical(input_folder, ec);
    for (int up = 0; !ec && up <= 4; ++up) {
        if (auto site = project_at(dir, diags)) return site;
        if (dir == dir.root_path()) break;
        dir = dir.parent_path();
    }
    return std::nullopt;
}

std::optional<Site> site_of_job(const std::string& chosen_root, const std::string& input_folder,
                                Diagnostics& diags) {
    std::optional<Site> site =
        chosen_root.empty() ? find_site(input_folder, diags) : read_site(chosen_root, diags);
    if (!site) return site;
    std::string what = site->generator.empty() ? "the site root " + site->root
                                               : "the " + site->generator + " site in " +
                                                     site->root + " (" + site->config_file + ")";
    std::string address = site->origin + site->base_path;
    diags.info(site->root, 0, 0,
               "the posts belong to " + what + "; site paths such as /images/x.png are files in " +
                   site->static_dir +
                   (address.empty() ? "" : ", and links to " + address + "/… lead to its posts"),
               chosen_root.empty() ? "give another root with --site-root DIR" : "");
    return site;
}

}  // namespace broadside::core
