// Many e-ink readers have no CJK, Arabic or Tibetan fonts and show boxes; a subset of the font
// the PDF would use travels with the book instead.
#include "embedded_fonts.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "broadside/fonts/catalog.hpp"
#include "broadside/fonts/face.hpp"
#include "broadside/fonts/subset.hpp"

namespace broadside::epub {
namespace {

// The scripts whose fonts travel with the book; the stylesheet serves each to the book's
// languages written in it.
struct ScriptFont {
    Script script;
    const char* iso;     ///< ISO 15924 code for the catalog
    const char* name;    ///< file name and messages
    const char* family;  ///< the CSS family name
};

const std::array<ScriptFont, 3> script_fonts{{
    {Script::han, "Hani", "han", "Broadside Han"},
    {Script::arabic, "Arab", "arabic", "Broadside Arabic"},
    {Script::tibetan, "Tibt", "tibetan", "Broadside Tibetan"},
}};

// The language Han text is mostly in decides Simplified, Traditional or Japanese glyphs.
std::string han_language(const BookPlan& plan) {
    for (const auto& p : plan.posts) {
        std::string lang = chapter_language(plan, p);
        if (script_of_language(lang) == Script::han) return lang;
    }
    return "zh";
}

}  // namespace

EmbeddedFonts embed_fonts(const BookPlan& plan, std::optional<bool> requested,
                          const styles::Style& style, core::Diagnostics& diags) {
    EmbeddedFonts result;
    const bool needed = std::any_of(script_fonts.begin(), script_fonts.end(), [&](const auto& f) {
        return (plan.scripts & (1u << static_cast<int>(f.script))) != 0;
    });
    if (!requested.value_or(needed) || !needed) return result;

    fonts::Catalog catalog;
    for (const auto& [key, families] : style.fonts) catalog.set_override(key, families);
    fonts::FaceLibrary library;
    std::vector<char32_t> neutral;  // punctuation shared by all scripts (、。، ་ …)
    for (char32_t c : plan.code_points) {
        if (script_of_code_point(c) == Script::none) neutral.push_back(c);
    }
    for (const auto& sf : script_fonts) {
        if ((plan.scripts & (1u << static_cast<int>(sf.script))) == 0) continue;
        std::vector<char32_t> wanted;
        for (char32_t c : plan.code_points) {
            if (script_of_code_point(c) == sf.script) wanted.push_back(c);
        }
        // Only Han's chain depends on the language (Simplified, Traditional or Japanese).
        const std::string lang = sf.script == Script::han ? han_language(plan) : "";
        fonts::FontQuery query;
        query.script = fonts::script_key(sf.iso, lang);
        query.family = "serif";
        // The face that covers the most of this script's characters, first in chain order.
        std::shared_ptr<const fonts::Face> best;
        std::size_t best_covered = 0;
        for (const auto& ref : catalog.chain(query)) {
            auto face = library.open(ref);
            if (!face) continue;
            std::size_t covered = static_cast<std::size_t>(std::count_if(
                wanted.begin(), wanted.end(), [&](char32_t c) { return face->covers(c); }));
            if (covered > best_covered) {
                best = face;
                best_covered = covered;
            }
            if (covered == wanted.size()) break;
        }
        if (!best) {
            diags.warning(
                {}, 0, 0,
                std::string("no installed font covers the book's ") + sf.name +
                    " text; readers without such a font will show boxes",
                "install " + fonts::packages_to_install(query) + ", or name a font in the style");
            continue;
        }
        if (best_covered < wanted.size()) {
            diags.warning({}, 0, 0,
                          std::to_string(wanted.size() - best_covered) + " " + sf.name +
                              " characters are not in " + best->family_name() +
                              "; readers may show boxes for them");
        }
        std::vector<char32_t> cps = wanted;
        cps.insert(cps.end(), neutral.begin(), neutral.end());
        cps.push_back(' ');
        fonts::SubsetOptions options;
        options.keep_layout_tables = true;  // the reader shapes: joining, marks, stacking
        options.drop_hinting = true;        // e-ink and phone screens hint on their own
        auto bytes = fonts::subset_code_points(*best, cps, options);
        if (!bytes) {
            diags.warning({}, 0, 0,
                          std::string("could not subset ") + best->family_name() +
                              "; the book does not embed it");
            continue;
        }
        const bool cff =
            bytes->size() >= 4 && std::equal(bytes->begin(), bytes->begin() + 4, "OTTO");
        FontFile file;
        file.item.id = std::string("font-") + sf.name;
        file.item.href = std::string("fonts/") + sf.name + (cff ? ".otf" : ".ttf");
        file.item.media_type = cff ? "font/otf" : "font/ttf";
        file.data.assign(bytes->begin(), bytes->end());
        FontFace face;
        face.family = sf.family;
        face.href = "../" + file.item.href;
        face.format = cff ? "opentype" : "truetype";
        face.script = sf.script;
        result.faces.push_back(std::move(face));
        result.files.push_back(std::move(file));
    }
    return result;
}

}  // namespace broadside::epub
