#pragma once

#include <string>
#include <string_view>

// Language tags and scripts, the one place that decides what a tag means and which script a
// letter belongs to: a tag's shape, its usual script and its direction come from ICU's locale
// data (CLDR likely subtags), a letter's script from ICU's Unicode data, so the PDF and the
// ePub agree by construction.
namespace broadside::core {

/// Whether `tag` has the shape of a BCP 47 language tag as documents write them: a primary
/// language of 2 or 3 letters, then subtags of 1 to 8 letters or digits joined by '-'
/// (`en`, `zh-Hans`, `ug-Arab-CN`). Scanned by hand, in one pass: `lang:` is untrusted text.
bool is_language_tag(std::string_view tag);

/// The script `tag` is written in, as an ISO 15924 code: its own script subtag, else the
/// likely one (`ug` → `Arab`, `sd` → `Arab`, `dv` → `Thaa`, `zh-Hant` → `Hant`, `sr` → `Cyrl`).
/// Empty for an empty tag or one ICU knows nothing of.
std::string likely_script(std::string_view tag);

/// Whether text in `tag` runs right to left: its script (likely_script) does (Arabic, Hebrew,
/// Thaana, Syriac, N'Ko…).
bool is_rtl_language(std::string_view tag);

/// The script of `c` as an ISO 15924 code, when `c` is a letter of one script (`A` and `ḥ` →
/// `Latn`, `ئ` → `Arab`, `中` → `Hani`, `ཀ` → `Tibt`, `Ж` → `Cyrl`); empty for characters
/// every script shares or that take their neighbours' (digits, also Arabic-Indic ones,
/// punctuation such as `،` and the Tibetan tsheg, spaces, combining marks). From ICU's
/// Unicode data; the view is of ICU's static names, valid for the program's life.
std::string_view script_of_letter(char32_t c);

/// Whether `c` is one of the Arabic-script letters only Uyghur uses among the languages
/// written in it (ې ۇ ۆ ۈ ۋ ە ڭ ھ), so a passage that has one is Uyghur.
bool is_uyghur_letter(char32_t c);

/// The language a passage in `script` (ISO 15924) gets inside text in `lang` when nothing
/// names it: Arabic script `ug` (Uyghur letters, or Uyghur text around) or `ar`, Han `zh`
/// (`ja` in Japanese text), Tibetan `bo`, Hebrew `he`, Cyrillic `ru`, Latin `latin_lang`;
/// empty for other scripts. Both exporters mark passages with it, so they agree.
std::string_view passage_language(std::string_view script, bool uyghur_letters,
                                  std::string_view lang, std::string_view latin_lang);

}  // namespace broadside::core
