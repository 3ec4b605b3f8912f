#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "broadside/fonts/face.hpp"

namespace broadside::fonts {

/// What kind of face a piece of text asks for. `family` is `serif`, `sans`, `mono` or a
/// concrete family name (tried first, then the serif chain of the script).
struct FontQuery {
    std::string script = "latn";  ///< a catalog script key, see `script_key`
    std::string family = "serif";
    bool bold = false;
    bool italic = false;
    friend bool operator==(const FontQuery&, const FontQuery&) = default;
    friend auto operator<=>(const FontQuery&, const FontQuery&) = default;
};

/// Maps an ISO 15924 script code (`Latn`, `Hani`, `Arab`, any case) and a BCP 47 language
/// (`zh-Hant`, `ug`, may be empty) to the catalog's script key: `latn`, `cyrl`, `grek`, `hans`,
/// `hant`, `hk`, `jpan`, `kore`, `arab`, `tibt`. Han picks its key from the language
/// (zh-Hant/zh-TW/zh-MO → `hant`, zh-HK → `hk`, ja → `jpan`, ko → `kore`, else `hans`). Other
/// scripts give their code in lower case; the catalog falls back to the Latin chain for those.
std::string script_key(std::string_view iso_script, std::string_view lang);

/// The Debian packages of the built-in families of `query`'s chain, best first, as hint text
/// (`fonts-noto-core and fonts-dejavu-core`): what to install when none of its fonts is there.
std::string packages_to_install(const FontQuery& query);

/// Where the catalog looks for font files, and whether fontconfig may be asked at all.
struct CatalogOptions {
    /// Folders searched for the built-in families' files, in order.
    std::vector<std::string> font_dirs;
    bool use_fontconfig = true;
    /// BROADSIDE_FONT_DIRS (colon-separated) first, then Debian's Noto and DejaVu folders.
    static CatalogOptions defaults();
};

/// One face of a family in the catalog's built-in table, and the Debian package that ships it.
struct BuiltinFace {
    std::string family;
    std::string file;  ///< file name, looked for in the catalog's font folders
    unsigned index = 0;
    bool bold = false;
    bool italic = false;
    std::string package;
};

/// The font catalog: explicit family chains per script and generic family (the table in
/// TYPESETTING.md), real bold/italic faces where a family has them, style overrides in front,
/// and fontconfig only as the last resort. Thread-safe; file lookups are cached.
class Catalog {
  public:
    explicit Catalog(CatalogOptions options = CatalogOptions::defaults());

    /// Puts `families` in front of the built-in chain of script key `key` (`latn`, `hans`, …;
    /// `mono` for the monospace chain), as a style's `fonts:` section asks.
    void set_override(const std::string& key, std::vector<std::string> families);

    /// The faces to try for `query`, best first, only those whose file exists. A family
    /// without the asked weight/slant contributes its nearest face (bold italic → bold →
    /// regular). Never empty unless no font of any chain is installed.
    [[nodiscard]] std::vector<FaceRef> chain(const FontQuery& query) const;

    /// The face of family `name` (built-in table first, then fontconfig by exact family name),
    /// or nothing when it is not installed.
    [[nodiscard]] std::optional<FaceRef> find_family(std::string_view name, bool bold,
                                                     bool italic) const;

    /// Last resort for a code point no chain covers: fontconfig's sorted list for the generic
    /// family, first face whose charset has `cp`. Nothing when fontconfig is off or none has it.
    [[nodiscard]] std::optional<FaceRef> fontconfig_fallback(char32_t cp,
                                                             const FontQuery& query) const;

    /// Every script key with a built-in chain, for callers that scan all chains for coverage.
    [[nodiscard]] static const std::vector<std::string>& known_scripts();

    /// Every face of the built-in table, for checking an installation.
    [[nodiscard]] static std::vector<BuiltinFace> builtin_faces();

    /// Each family the built-in chains name, in table order, with the chains that name it
    /// (`latn serif`, `tibt mono`, …).
    [[nodiscard]] static std::vector<std::pair<std::string, std::vector<std::string>>>
    chain_families();

    /// The path of a font file of the built-in table in the catalog's folders, if it is there.
    [[nodiscard]] std::optional<std::string> locate(const std::string& file) const;

  private:
    [[nodiscard]] std::optional<FaceRef> find_builtin(std::string_view name, bool bold,
                                                      bool italic) const;

    CatalogOptions options_;
    std::map<std::string, std::vector<std::string>> overrides_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::optional<std::string>> located_;
};

/// Per-character face choice over a catalog: the query's chain first, then every other
/// built-in chain, then fontconfig. Results are memoized per query and code point. Not
/// thread-safe; use one per job.
class FontResolver {
  public:
    FontResolver(const Catalog& catalog, FaceLibrary& library);

    /// The opened faces of `query`'s chain (faces that fail to open are skipped).
    const std::vector<std::shared_ptr<const Face>>& chain_faces(const FontQuery& query);
    /// The first face covering `cp` for `query`, or null when no installed font covers it
    /// (the caller reports that as a warning with the code point).
    std::shared_ptr<const Face> face_for(char32_t cp, const FontQuery& query);
    /// The face to use for text no face covers: the first face of the chain (draws .notdef).
    std::shared_ptr<const Face> primary(const FontQuery& query);

  private:
    const Catalog& catalog_;
    FaceLibrary& library_;
    std::map<FontQuery, std::vector<std::shared_ptr<const Face>>> chains_;
    std::map<std::pair<FontQuery, char32_t>, std::shared_ptr<const Face>> memo_;
};

}  // namespace broadside::fonts
