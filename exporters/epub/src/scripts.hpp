#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadside::epub {

/// The writing systems the book treats specially: each needs its own `lang` (and `dir`) on
/// the text and, on readers without such fonts, an embedded font.
enum class Script : std::uint8_t { none = 0, latin, arabic, hebrew, han, tibetan };

/// A set of scripts as bits (`1 << Script`), so scans of many posts combine with `|`.
using ScriptSet = std::uint32_t;

/// The scripts with strong characters in `text` (UTF-8, assumed valid).
ScriptSet scripts_in(std::string_view text);

/// Appends every code point above U+007F in `text` to `out` (unsorted, with repeats), so the
/// fonts embedded for a book can be cut down to what it uses.
void collect_non_ascii(std::string_view text, std::vector<char32_t>& out);

/// The script of one code point; `Script::none` for punctuation, digits and symbols.
Script script_of_code_point(char32_t c);

/// The script a language tag is normally written in (`ug` → arabic, `zh-Hant` → han, `bo` →
/// tibetan), from core::likely_script; latin for anything else, including an empty tag.
Script script_of_language(std::string_view lang);

/// The language a passage in `script` gets inside text in `lang`: Arabic-script passages `ug`
/// (Uyghur letters, or a Uyghur context) or `ar`, Han `zh` (`ja` in Japanese text), Tibetan
/// `bo`, Hebrew `he`, Latin `latin_lang`.
std::string_view passage_language(Script script, bool uyghur_letters, std::string_view lang,
                                  std::string_view latin_lang);

/// Every language passage_language gives passages of the non-Latin scripts in `scripts`.
std::vector<std::string> passage_languages(ScriptSet scripts);

/// Appends `text` escaped for XHTML, wrapping each passage in a script other than the one of
/// `lang` (the enclosing element's language) in `<span lang xml:lang [dir]>` with its
/// passage_language, `dir="rtl"` for Arabic and Hebrew (not for Latin passages, so that
/// `dir="auto"` on their block still sees them). Neutral
/// characters at a passage's edges stay outside.
void append_text_with_lang(std::string& out, std::string_view text, std::string_view lang,
                           std::string_view latin_lang = "en");

}  // namespace broadside::epub
