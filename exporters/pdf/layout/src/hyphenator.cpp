#include "hyphenator.hpp"

#include <hyphen.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

#include "broadside/core/language_tag.hpp"

namespace broadside::pdf {
namespace {

constexpr const char* dictionary_folder = "/usr/share/hyphen";
constexpr std::size_t max_word_bytes = 64;
constexpr int left_min = 2, right_min = 3;  // TeX's \lefthyphenmin and \righthyphenmin

// Debian names its dictionaries by language and region, some only so (hyph_ru_RU.dic,
// hyph_es_ES.dic, hyph_pl_PL.dic): `de-CH` → hyph_de_CH.dic; `ru` → hyph_ru.dic, else
// hyph_ru_RU.dic, else the first hyph_ru_*.dic by name. Norwegian `no` is Bokmål (nb).
std::string dictionary_path(std::string_view lang) {
    std::string tag(lang);
    for (auto& c : tag) {
        if (c == '-') c = '_';
        // A language tag is letters, digits and hyphens; anything else (a '/' in a hostile
        // `lang:`) must not point the lookup at files outside the dictionary folder.
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return {};
    }
    auto path = [](const std::string& t) {
        return std::string(dictionary_folder) + "/hyph_" + t + ".dic";
    };
    namespace fs = std::filesystem;
    // The error_code form: a `lang` too long for a file name has no dictionary; no throw.
    std::error_code ec;
    std::string base = tag.substr(0, tag.find('_'));
    for (auto& c : base) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (base == "no") base = "nb";
    std::string region = tag.size() > base.size() ? tag.substr(tag.rfind('_') + 1) : "";
    for (auto& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string same = base;
    for (auto& c : same) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const std::string& t : {tag, base + "_" + region, base, base + "_" + same})
        if (fs::exists(path(t), ec)) return path(t);
    std::vector<std::string> regional;
    for (const auto& e : fs::directory_iterator(dictionary_folder, ec)) {
        std::string name = e.path().filename().string();
        if (name.rfind("hyph_" + base + "_", 0) == 0 && e.path().extension() == ".dic")
            regional.push_back(e.path().string());
    }
    std::sort(regional.begin(), regional.end());
    return regional.empty() ? std::string() : regional.front();
}

}  // namespace

#ifdef __SANITIZE_ADDRESS__
// libhyphen 2.8.8 loses some of the replacement strings it reads from a dictionary
// (hnj_hyphen_load then hnj_hyphen_free of hyph_de.dic alone leaks 908 bytes in 182 blocks, and
// hyph_fr.dic 130 bytes). It is the library's, once per dictionary; LeakSanitizer is told so in
// the sanitizer build, where this hook replaces the runtime's empty default.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libhyphen.so\n";
}
#endif

std::shared_ptr<const Hyphenator> Hyphenator::for_language(std::string_view lang) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Hyphenator>> cache;
    std::lock_guard lock(mutex);
    std::string key(lang);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    std::shared_ptr<const Hyphenator> h;
    std::string path = dictionary_path(lang);
    if (!path.empty())
        if (HyphenDict* dict = hnj_hyphen_load(path.c_str()))
            h.reset(new Hyphenator(dict, core::likely_script(lang)));
    cache.emplace(key, h);
    return h;
}

Hyphenator::~Hyphenator() {
    hnj_hyphen_free(static_cast<HyphenDict*>(dict_));
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
    std::vector<std::size_t> out;
    if (word.size() < left_min + right_min || word.size() > max_word_bytes) return out;
    std::string lower(word);
    for (auto& c : lower) {
        auto u = static_cast<unsigned char>(c);
        if (std::isdigit(u)) return out;
        if (u < 0x80) c = static_cast<char>(std::tolower(u));
    }
    std::vector<char> hyphens(lower.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    int failed = hnj_hyphen_hyphenate3(static_cast<HyphenDict*>(dict_), lower.data(),
                                       static_cast<int>(lower.size()), hyphens.data(), nullptr,
                                       &rep, &pos, &cut, left_min, right_min, left_min, right_min);
    for (std::size_t i = 0; !failed && i + 1 < lower.size(); ++i) {
        // Odd digits mark a break after byte i; non-standard breaks (with replacements, as in
        // old German "Schiffahrt") are skipped: they would change the spelling.
        bool standard = !rep || !rep[i];
        if ((hyphens[i] - '0') % 2 == 1 && standard) out.push_back(i + 1);
    }
    if (rep) {
        for (std::size_t i = 0; i < lower.size(); ++i) free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    return out;
}

}  // namespace broadside::pdf
