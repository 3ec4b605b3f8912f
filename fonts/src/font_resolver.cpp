#include <algorithm>

#include "broadside/fonts/catalog.hpp"

namespace broadside::fonts {

FontResolver::FontResolver(const Catalog& catalog, FaceLibrary& library)
    : catalog_(catalog), library_(library) {}

const std::vector<std::shared_ptr<const Face>>& FontResolver::chain_faces(const FontQuery& query) {
    auto it = chains_.find(query);
    if (it != chains_.end()) return it->second;
    std::vector<std::shared_ptr<const Face>> faces;
    for (const auto& ref : catalog_.chain(query))
        if (auto face = library_.open(ref)) faces.push_back(std::move(face));
    return chains_.emplace(query, std::move(faces)).first->second;
}

std::shared_ptr<const Face> FontResolver::primary(const FontQuery& query) {
    const auto& faces = chain_faces(query);
    if (!faces.empty()) return faces.front();
    FontQuery latin = query;
    latin.script = "latn";
    const auto& fallback = chain_faces(latin);
    return fallback.empty() ? nullptr : fallback.front();
}

std::shared_ptr<const Face> FontResolver::face_for(char32_t cp, const FontQuery& query) {
    auto key = std::make_pair(query, cp);
    auto it = memo_.find(key);
    if (it != memo_.end()) return it->second;
    std::shared_ptr<const Face> found;
    for (const auto& face : chain_faces(query))
        if (face->covers(cp)) {
            found = face;
            break;
        }
    // A character the script's chain lacks (a Latin digit in a Tibetan run, a CJK comma in
    // English) is most likely in another built-in chain of the same generic family and style.
    for (const auto& script : Catalog::known_scripts()) {
        if (found) break;
        FontQuery other = query;
        other.script = script;
        for (const auto& face : chain_faces(other))
            if (face->covers(cp)) {
                found = face;
                break;
            }
    }
    if (!found)
        if (auto ref = catalog_.fontconfig_fallback(cp, query))
            if (auto face = library_.open(*ref); face && face->covers(cp)) found = face;
    memo_.emplace(key, found);
    return found;
}

}  // namespace broadside::fonts
