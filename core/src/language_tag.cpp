#include "broadside/core/language_tag.hpp"

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include <vector>

namespace broadside::core {
namespace {

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_alnum(char c) {
    return is_ascii_letter(c) || (c >= '0' && c <= '9');
}

}  // namespace

bool is_language_tag(std::string_view tag) {
    std::size_t i = 0;
    while (i < tag.size() && is_ascii_letter(tag[i])) ++i;
    if (i < 2 || i > 3) return false;
    while (i < tag.size()) {
        if (tag[i++] != '-') return false;
        std::size_t start = i;
        while (i < tag.size() && is_ascii_alnum(tag[i])) ++i;
        if (i == start || i - start > 8) return false;
    }
    return true;
}

std::string likely_script(std::string_view tag) {
    if (tag.empty() || tag.size() > 64) return {};
    const std::string bcp47(tag);
    char locale[ULOC_FULLNAME_CAPACITY], likely[ULOC_FULLNAME_CAPACITY];
    char script[ULOC_SCRIPT_CAPACITY] = "";
    UErrorCode status = U_ZERO_ERROR;
    int32_t parsed = 0;
    uloc_forLanguageTag(bcp47.c_str(), locale, sizeof locale, &parsed, &status);
    if (U_FAILURE(status) || parsed == 0) return {};
    uloc_addLikelySubtags(locale, likely, sizeof likely, &status);
    if (U_FAILURE(status)) return {};
    uloc_getScript(likely, script, sizeof script, &status);
    if (U_FAILURE(status)) return {};
    return script;
}

bool is_rtl_language(std::string_view tag) {
    const std::string script = likely_script(tag);
    if (script.empty()) return false;
    const UScriptCode code =
        static_cast<UScriptCode>(u_getPropertyValueEnum(UCHAR_SCRIPT, script.c_str()));
    return code != USCRIPT_INVALID_CODE && uscript_isRightToLeft(code);
}

std::string_view script_of_letter(char32_t c) {
    // ICU looks short names up by searching its property tables; a book asks for every letter
    // it has, so each code's name is looked up once.
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out(
            static_cast<std::size_t>(u_getIntPropertyMaxValue(UCHAR_SCRIPT)) + 1);
        for (std::size_t code = 0; code < out.size(); ++code)
            if (const char* name = uscript_getShortName(static_cast<UScriptCode>(code)))
                out[code] = name;
        return out;
    }();
    if (c < 0x80) return is_ascii_letter(static_cast<char>(c)) ? "Latn" : "";  // most of any text
    if (!u_isalpha(static_cast<UChar32>(c))) return {};
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode code = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_FAILURE(status) || code == USCRIPT_COMMON || code == USCRIPT_INHERITED || code < 0 ||
        static_cast<std::size_t>(code) >= names.size())
        return {};
    return names[static_cast<std::size_t>(code)];
}

bool is_uyghur_letter(char32_t c) {
    switch (c) {
        case 0x06D0:
        case 0x06C7:
        case 0x06C6:
        case 0x06C8:
        case 0x06CB:
        case 0x06D5:
        case 0x06AD:
        case 0x06BE:
            return true;
        default:
            return false;
    }
}

std::string_view passage_language(std::string_view script, bool uyghur_letters,
                                  std::string_view lang, std::string_view latin_lang) {
    const std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
    if (script == "Latn") return latin_lang;
    if (script == "Arab") return uyghur_letters || primary == "ug" ? "ug" : "ar";
    if (script == "Hebr") return "he";
    if (script == "Hani" || script == "Hans" || script == "Hant" || script == "Jpan")
        return primary == "ja" ? "ja" : "zh";
    if (script == "Tibt") return "bo";
    if (script == "Cyrl") return "ru";
    return {};
}

}  // namespace broadside::core
