// Country lines of postal addresses. The UPU asks international mail to end the address with
// the destination country in capitals; to know which line that is, the line is looked up among
// the countries' names that ICU carries for many languages.
#include "broadside/core/postal_country.hpp"

#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <map>
#include <mutex>
#include <set>

namespace broadside::core {
namespace {

// The languages whose country names are always recognised: those of the letters we write,
// and English and French, the UPU's languages for the country line.
constexpr const char* name_languages[] = {"en", "fr", "de", "es", "it", "pt", "nl", "ru",
                                          "zh", "zh-Hant", "ar", "ug", "bo", "tr", "pl"};

std::string folded(const icu::UnicodeString& s) {
    icu::UnicodeString copy(s);
    copy.trim().foldCase();
    std::string out;
    copy.toUTF8String(out);
    return out;
}

// Folded name → ISO code, for the languages above plus the ones added on demand.
class CountryNames {
public:
    std::optional<std::string> find(const icu::UnicodeString& line, std::string_view lang) {
        std::lock_guard lock(mutex_);
        if (languages_.empty())
            for (const char* l : name_languages) add_language(l);
        add_language(std::string(lang));
        if (auto it = names_.find(folded(line)); it != names_.end()) return it->second;
        std::string exact;
        icu::UnicodeString(line).trim().toUTF8String(exact);
        if (auto it = alpha3_.find(exact); it != alpha3_.end()) return it->second;
        return std::nullopt;
    }

private:
    void add_language(const std::string& lang) {
        if (!languages_.insert(lang).second) return;
        UErrorCode status = U_ZERO_ERROR;
        icu::Locale display = icu::Locale::forLanguageTag(lang, status);
        if (U_FAILURE(status)) return;
        for (const char* const* code = uloc_getISOCountries(); *code; ++code) {
            icu::Locale country("", *code);
            icu::UnicodeString name;
            country.getDisplayCountry(display, name);
            // ICU falls back to the code itself when it has no name in that language.
            if (name != icu::UnicodeString(*code, -1, US_INV)) names_.emplace(folded(name), *code);
            // "USA", "DEU": alpha-3 codes, which some address books write as the country
            // line; only in capitals, so that a line "And" or "Can" stays a line.
            if (std::string a3 = country.getISO3Country(); !a3.empty()) alpha3_.emplace(a3, *code);
        }
    }

    std::mutex mutex_;
    std::set<std::string> languages_;
    std::map<std::string, std::string> names_;   // folded name → code
    std::map<std::string, std::string> alpha3_;  // "USA" → "US"
};

}  // namespace

std::optional<std::string> country_named_by(std::string_view line, std::string_view lang) {
    static CountryNames names;
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    // A country's name is short (two characters in Chinese: 瑞士); a long line is a street
    // or a name, never a country.
    if (text.length() < 2 || text.length() > 60) return std::nullopt;
    return names.find(text, lang);
}

std::string postal_capitals(std::string_view line, std::string_view lang) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(std::string(lang), status);
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    text.toUpper(U_SUCCESS(status) ? locale : icu::Locale::getRoot());
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace broadside::core
