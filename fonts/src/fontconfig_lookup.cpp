#include "fontconfig_lookup.hpp"

#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>

namespace broadside::fonts {
namespace {

// fontconfig's configuration is loaded once per process: it scans caches of every installed
// font (tens of milliseconds), which is why the catalog asks it only after its own chains.
// It is destroyed at exit (every worker thread has been joined by then) rather than left to
// the OS: fontconfig refers to parts of it in a form leak checkers cannot follow, so a
// configuration never destroyed shows as 288 bytes definitely lost (fontconfig 2.14; both
// LeakSanitizer and valgrind say so).
struct ConfigDeleter {
    void operator()(FcConfig* cfg) const { FcConfigDestroy(cfg); }
};
FcConfig* config() {
    static const std::unique_ptr<FcConfig, ConfigDeleter> cfg(FcInitLoadConfigAndFonts());
    return cfg.get();
}
std::mutex fc_mutex;

/// Only sfnt files: HarfBuzz and hb-subset cannot use Type 1 or bitmap fonts.
bool usable_file(const std::string& path) {
    auto ends = [&](std::string_view ext) {
        return path.size() >= ext.size() &&
               std::equal(ext.rbegin(), ext.rend(), path.rbegin(),
                          [](char a, char b) { return a == std::tolower(b); });
    };
    return ends(".ttf") || ends(".otf") || ends(".ttc") || ends(".otc");
}

std::optional<FaceRef> face_of(FcPattern* p) {
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch) return std::nullopt;
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    std::string path(reinterpret_cast<const char*>(file));
    if (!usable_file(path)) return std::nullopt;
    return FaceRef{path, static_cast<unsigned>(index)};
}

/// Distance of a listed face from the asked style; 0 is an exact match.
int style_distance(FcPattern* p, bool bold, bool italic) {
    int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(p, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(p, FC_SLANT, 0, &slant);
    int want_weight = bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
    int d = std::abs(weight - want_weight);
    if ((slant != FC_SLANT_ROMAN) != italic) d += 1000;
    return d;
}

}  // namespace

std::optional<FaceRef> fontconfig_family(std::string_view name, bool bold, bool italic) {
    std::lock_guard lock(fc_mutex);
    FcConfig* cfg = config();
    if (!cfg) return std::nullopt;
    std::string family(name);
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcObjectSet* os = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, nullptr);
    FcFontSet* set = FcFontList(cfg, pat, os);
    std::optional<FaceRef> best;
    int best_distance = 0;
    std::string best_key;
    for (int i = 0; set && i < set->nfont; ++i) {
        auto ref = face_of(set->fonts[i]);
        if (!ref) continue;
        int d = style_distance(set->fonts[i], bold, italic);
        // FcFontList's order is not specified: ties go to the smaller path so the choice is
        // the same on every run.
        std::string key = ref->path + '\n' + std::to_string(ref->index);
        if (!best || d < best_distance || (d == best_distance && key < best_key)) {
            best = ref;
            best_distance = d;
            best_key = key;
        }
    }
    if (set) FcFontSetDestroy(set);
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    return best;
}

std::optional<FaceRef> fontconfig_covering(char32_t cp, std::string_view generic, bool bold,
                                           bool italic) {
    std::lock_guard lock(fc_mutex);
    FcConfig* cfg = config();
    if (!cfg) return std::nullopt;
    std::string family(generic == "mono" ? "monospace" : generic);
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcCharSet* cs = FcCharSetCreate();
    FcCharSetAddChar(cs, cp);
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    FcConfigSubstitute(cfg, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcFontSet* sorted = FcFontSort(cfg, pat, FcFalse, nullptr, &result);
    std::optional<FaceRef> found;
    for (int i = 0; sorted && i < sorted->nfont && !found; ++i) {
        FcCharSet* fcs = nullptr;
        if (FcPatternGetCharSet(sorted->fonts[i], FC_CHARSET, 0, &fcs) != FcResultMatch) continue;
        if (FcCharSetHasChar(fcs, cp)) found = face_of(sorted->fonts[i]);
    }
    if (sorted) FcFontSetDestroy(sorted);
    FcCharSetDestroy(cs);
    FcPatternDestroy(pat);
    return found;
}

}  // namespace broadside::fonts
