#include "broadside/fonts/catalog.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>

#include "fontconfig_lookup.hpp"

namespace broadside::fonts {
namespace {

/// One installed family: file names of its four styles (empty when the family lacks one), the
/// face index inside those files (the CJK collections hold JP, KR, SC, TC, HK at 0..4) and the
/// Debian package that ships the files, so a missing family can be named with what to install.
struct FamilyFiles {
    std::string_view family;
    std::array<std::string_view, 4> files;  // regular, bold, italic, bold italic
    std::string_view package;
    unsigned index = 0;
    /// Where the italic files come from another package than the upright ones (DejaVu's).
    std::string_view italic_package = package;
};

constexpr std::string_view serif_cjk_r = "NotoSerifCJK-Regular.ttc";
constexpr std::string_view serif_cjk_b = "NotoSerifCJK-Bold.ttc";
constexpr std::string_view sans_cjk_r = "NotoSansCJK-Regular.ttc";
constexpr std::string_view sans_cjk_b = "NotoSansCJK-Bold.ttc";

constexpr std::string_view noto_core = "fonts-noto-core";
constexpr std::string_view noto_cjk = "fonts-noto-cjk";
constexpr std::string_view dejavu_core = "fonts-dejavu-core";
constexpr std::string_view dejavu_extra = "fonts-dejavu-extra";

// The file names and packages are Debian bookworm's.
const std::array<FamilyFiles, 21> builtin_families{{
    {"Noto Serif",
     {"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
      "NotoSerif-BoldItalic.ttf"},
     noto_core},
    {"Noto Sans",
     {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
      "NotoSans-BoldItalic.ttf"},
     noto_core},
    {"Noto Sans Mono",
     {"NotoSansMono-Regular.ttf", "NotoSansMono-Bold.ttf", "", ""},
     "fonts-noto-mono"},
    {"Noto Naskh Arabic",
     {"NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", "", ""},
     noto_core},
    {"Noto Sans Arabic",
     {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", "", ""},
     noto_core},
    {"Noto Serif Tibetan",
     {"NotoSerifTibetan-Regular.ttf", "NotoSerifTibetan-Bold.ttf", "", ""},
     noto_core},
    {"Noto Serif CJK JP", {serif_cjk_r, serif_cjk_b, "", ""}, noto_cjk, 0},
    {"Noto Serif CJK KR", {serif_cjk_r, serif_cjk_b, "", ""}, noto_cjk, 1},
    {"Noto Serif CJK SC", {serif_cjk_r, serif_cjk_b, "", ""}, noto_cjk, 2},
    {"Noto Serif CJK TC", {serif_cjk_r, serif_cjk_b, "", ""}, noto_cjk, 3},
    {"Noto Serif CJK HK", {serif_cjk_r, serif_cjk_b, "", ""}, noto_cjk, 4},
    {"Noto Sans CJK JP", {sans_cjk_r, sans_cjk_b, "", ""}, noto_cjk, 0},
    {"Noto Sans CJK KR", {sans_cjk_r, sans_cjk_b, "", ""}, noto_cjk, 1},
    {"Noto Sans CJK SC", {sans_cjk_r, sans_cjk_b, "", ""}, noto_cjk, 2},
    {"Noto Sans CJK TC", {sans_cjk_r, sans_cjk_b, "", ""}, noto_cjk, 3},
    {"Noto Sans CJK HK", {sans_cjk_r, sans_cjk_b, "", ""}, noto_cjk, 4},
    {"DejaVu Serif",
     {"DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
      "DejaVuSerif-BoldItalic.ttf"},
     dejavu_core,
     0,
     dejavu_extra},
    {"DejaVu Sans",
     {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
      "DejaVuSans-BoldOblique.ttf"},
     dejavu_core,
     0,
     dejavu_extra},
    {"DejaVu Sans Mono",
     {"DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "DejaVuSansMono-Oblique.ttf",
      "DejaVuSansMono-BoldOblique.ttf"},
     dejavu_core,
     0,
     dejavu_extra},
    {"Noto Kufi Arabic",
     {"NotoKufiArabic-Regular.ttf", "NotoKufiArabic-Bold.ttf", "", ""},
     noto_core},
    {"Noto Serif Display",
     {"NotoSerifDisplay-Regular.ttf", "NotoSerifDisplay-Bold.ttf", "NotoSerifDisplay-Italic.ttf",
      "NotoSerifDisplay-BoldItalic.ttf"},
     noto_core},
}};

/// Built-in chains: script key → (serif chain, sans chain, mono chain).
struct ScriptChains {
    std::string_view script;
    std::vector<std::string_view> serif, sans, mono;
};

const std::vector<ScriptChains>& builtin_chains() {
    static const std::vector<ScriptChains> chains{
        {"latn",
         {"Noto Serif", "DejaVu Serif"},
         {"Noto Sans", "DejaVu Sans"},
         {"Noto Sans Mono", "DejaVu Sans Mono"}},
        {"cyrl",
         {"Noto Serif", "DejaVu Serif"},
         {"Noto Sans", "DejaVu Sans"},
         {"Noto Sans Mono", "DejaVu Sans Mono"}},
        {"grek",
         {"Noto Serif", "DejaVu Serif"},
         {"Noto Sans", "DejaVu Sans"},
         {"Noto Sans Mono", "DejaVu Sans Mono"}},
        {"hans", {"Noto Serif CJK SC"}, {"Noto Sans CJK SC"}, {"Noto Sans CJK SC"}},
        {"hant", {"Noto Serif CJK TC"}, {"Noto Sans CJK TC"}, {"Noto Sans CJK TC"}},
        {"hk", {"Noto Serif CJK HK"}, {"Noto Sans CJK HK"}, {"Noto Sans CJK HK"}},
        {"jpan", {"Noto Serif CJK JP"}, {"Noto Sans CJK JP"}, {"Noto Sans CJK JP"}},
        {"kore", {"Noto Serif CJK KR"}, {"Noto Sans CJK KR"}, {"Noto Sans CJK KR"}},
        {"arab",
         {"Noto Naskh Arabic", "Noto Sans Arabic"},
         {"Noto Sans Arabic", "Noto Naskh Arabic"},
         {"Noto Sans Arabic"}},
        // Debian ships no Noto Sans Tibetan, so the Tibetan chains have one family.
        {"tibt", {"Noto Serif Tibetan"}, {"Noto Serif Tibetan"}, {"Noto Serif Tibetan"}},
    };
    return chains;
}

/// The built-in chain for a script key and a generic family (`serif`, `sans`, `mono`; any
/// other name takes the serif chain). Unknown scripts start from the Latin chain.
const std::vector<std::string_view>& builtin_chain(std::string_view key, std::string_view generic) {
    const auto& all = builtin_chains();
    auto sc = std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.script == key; });
    if (sc == all.end()) sc = all.begin();
    return generic == "sans" ? sc->sans : generic == "mono" ? sc->mono : sc->serif;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// The built-in table's entry of family `name` (any case), or null.
const FamilyFiles* builtin_family(std::string_view name) {
    std::string wanted = lower(name);
    for (const auto& fam : builtin_families)
        if (lower(fam.family) == wanted) return &fam;
    return nullptr;
}

bool starts_with_tag(std::string_view lang, std::string_view tag) {
    std::string l = lower(lang);
    return l == tag || (l.size() > tag.size() && l.compare(0, tag.size(), tag) == 0 &&
                        (l[tag.size()] == '-' || l[tag.size()] == '_'));
}

bool lang_has_subtag(std::string_view lang, std::string_view subtag) {
    std::string l = lower(lang);
    std::size_t pos = 0;
    while ((pos = l.find_first_of("-_", pos)) != std::string::npos) {
        ++pos;
        std::size_t end = l.find_first_of("-_", pos);
        if (l.substr(pos, end - pos) == subtag) return true;
    }
    return false;
}

}  // namespace

std::string script_key(std::string_view iso_script, std::string_view lang) {
    std::string s = lower(iso_script);
    if (s == "hani" || s == "hira" || s == "kana" || s == "bopo" || s == "hang") {
        if (s == "hang" || starts_with_tag(lang, "ko")) return "kore";
        if (s == "hira" || s == "kana" || starts_with_tag(lang, "ja")) return "jpan";
        if (starts_with_tag(lang, "zh")) {
            if (lang_has_subtag(lang, "hk")) return "hk";
            if (lang_has_subtag(lang, "hant") || lang_has_subtag(lang, "tw") ||
                lang_has_subtag(lang, "mo"))
                return "hant";
        }
        return "hans";
    }
    // Text with no script of its own (a page number, a lone date) is set with the Latin chain,
    // whose faces cover digits and punctuation, so a style's Latin fonts apply to it too.
    if (s.empty() || s == "zyyy" || s == "zinh" || s == "zzzz") return "latn";
    return s;
}

std::string packages_to_install(const FontQuery& query) {
    std::vector<std::string_view> families{query.family};  // a concrete family goes first
    for (auto family : builtin_chain(lower(query.script), lower(query.family)))
        families.push_back(family);
    std::vector<std::string_view> packages;
    for (auto family : families) {
        const FamilyFiles* fam = builtin_family(family);
        if (fam && std::find(packages.begin(), packages.end(), fam->package) == packages.end())
            packages.push_back(fam->package);
    }
    std::string text;
    for (std::size_t i = 0; i < packages.size(); ++i)
        text.append(i == 0 ? "" : i + 1 == packages.size() ? " and " : ", ").append(packages[i]);
    return text;
}

CatalogOptions CatalogOptions::defaults() {
    CatalogOptions o;
    if (const char* env = std::getenv("BROADSIDE_FONT_DIRS")) {
        std::string_view dirs(env);
        while (!dirs.empty()) {
            std::size_t colon = dirs.find(':');
            if (colon != 0) o.font_dirs.emplace_back(dirs.substr(0, colon));
            if (colon == std::string_view::npos) break;
            dirs.remove_prefix(colon + 1);
        }
    }
    for (const char* d : {"/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto",
                          "/usr/share/fonts/truetype/dejavu", "/usr/local/share/fonts"})
        o.font_dirs.emplace_back(d);
    return o;
}

Catalog::Catalog(CatalogOptions options) : options_(std::move(options)) {}

void Catalog::set_override(const std::string& key, std::vector<std::string> families) {
    std::lock_guard lock(mutex_);
    overrides_[lower(key)] = std::move(families);
}

const std::vector<std::string>& Catalog::known_scripts() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const auto& c : builtin_chains()) k.emplace_back(c.script);
        return k;
    }();
    return keys;
}

std::vector<BuiltinFace> Catalog::builtin_faces() {
    std::vector<BuiltinFace> faces;
    for (const auto& fam : builtin_families) {
        for (int style = 0; style < 4; ++style) {
            if (fam.files[style].empty()) continue;
            bool italic = style >= 2;
            faces.push_back({std::string(fam.family), std::string(fam.files[style]), fam.index,
                             (style & 1) != 0, italic,
                             std::string(italic ? fam.italic_package : fam.package)});
        }
    }
    return faces;
}

std::vector<std::pair<std::string, std::vector<std::string>>> Catalog::chain_families() {
    std::vector<std::pair<std::string, std::vector<std::string>>> named;
    for (const auto& fam : builtin_families) {
        std::vector<std::string> chains;
        for (const auto& c : builtin_chains()) {
            for (std::string_view generic : {"serif", "sans", "mono"}) {
                const auto& chain = builtin_chain(c.script, generic);
                if (std::find(chain.begin(), chain.end(), fam.family) != chain.end())
                    chains.push_back(std::string(c.script) + " " + std::string(generic));
            }
        }
        if (!chains.empty()) named.emplace_back(fam.family, std::move(chains));
    }
    return named;
}

std::optional<std::string> Catalog::locate(const std::string& file) const {
    std::lock_guard lock(mutex_);
    auto it = located_.find(file);
    if (it != located_.end()) return it->second;
    std::optional<std::string> found;
    for (const auto& dir : options_.font_dirs) {
        std::error_code ec;
        std::filesystem::path p = std::filesystem::path(dir) / file;
        if (std::filesystem::is_regular_file(p, ec)) {
            found = p.string();
            break;
        }
    }
    located_.emplace(file, found);
    return found;
}

std::optional<FaceRef> Catalog::find_builtin(std::string_view name, bool bold, bool italic) const {
    const FamilyFiles* fam = builtin_family(name);
    if (!fam) return std::nullopt;
    // Nearest existing style: the asked one, then without italic, then regular.
    int asked = (bold ? 1 : 0) + (italic ? 2 : 0);
    for (int style : {asked, asked & 1, 0}) {
        if (fam->files[style].empty()) continue;
        if (auto path = locate(std::string(fam->files[style]))) return FaceRef{*path, fam->index};
    }
    return std::nullopt;
}

std::optional<FaceRef> Catalog::find_family(std::string_view name, bool bold, bool italic) const {
    if (auto ref = find_builtin(name, bold, italic)) return ref;
    if (!options_.use_fontconfig) return std::nullopt;
    return fontconfig_family(name, bold, italic);
}

std::vector<FaceRef> Catalog::chain(const FontQuery& query) const {
    std::string key = lower(query.script);
    std::string generic = lower(query.family);
    if (generic.empty()) generic = "serif";
    bool concrete = generic != "serif" && generic != "sans" && generic != "mono";
    std::vector<std::string> families;
    if (concrete) families.push_back(query.family);
    {
        std::lock_guard lock(mutex_);
        // Monospace text uses the `mono` override for the scripts a monospace font covers and
        // the script's own override otherwise.
        bool mono_script = key == "latn" || key == "cyrl" || key == "grek";
        auto it = overrides_.find(generic == "mono" && mono_script ? "mono" : key);
        if (it != overrides_.end())
            families.insert(families.end(), it->second.begin(), it->second.end());
    }
    for (auto f : builtin_chain(key, generic)) families.emplace_back(f);

    std::vector<FaceRef> refs;
    for (const auto& family : families) {
        auto ref = find_family(family, query.bold, query.italic);
        if (ref && std::find(refs.begin(), refs.end(), *ref) == refs.end()) refs.push_back(*ref);
    }
    return refs;
}

std::optional<FaceRef> Catalog::fontconfig_fallback(char32_t cp, const FontQuery& query) const {
    if (!options_.use_fontconfig) return std::nullopt;
    std::string generic = lower(query.family);
    if (generic != "sans" && generic != "mono") generic = "serif";
    return fontconfig_covering(cp, generic, query.bold, query.italic);
}

}  // namespace broadside::fonts
