#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace broadside::styles {

/// The words a letter or a book prints around its content ("Date", "Page 1 of 3", "cc:",
/// "Contents") in one language. They come from one table per language,
/// `styles/words/LANG.yaml` (data, not code), with a style's `words:` on top.
struct Words {
    std::string lang;  ///< the BCP 47 tag the words were asked for
    std::map<std::string, std::string, std::less<>> table;

    /// The word for `key` (a key of `styles/words/en.yaml`); empty for a key no table has.
    [[nodiscard]] const std::string& get(std::string_view key) const;
    /// `n` in the language's own digits, without grouping (ICU's number format for `lang`:
    /// Arabic-Indic digits for `ar`, Latin ones for `de`, `zh` or `ug`).
    [[nodiscard]] std::string number(long long n) const;
    /// The `page-of` pattern with `{page}` and `{pages}` filled in the language's digits.
    [[nodiscard]] std::string page_of(std::size_t page, std::size_t pages) const;
    /// The `part-of` pattern (one part of a book split in several) with `{part}` and `{parts}`
    /// filled in the language's digits.
    [[nodiscard]] std::string part_of(std::size_t part, std::size_t parts) const;

  private:
    [[nodiscard]] std::string counted(std::string_view key, std::string_view one, std::size_t n,
                                      std::string_view all, std::size_t total) const;
};

/// The words for `lang` (`de`, `de-CH`, `zh-TW`, `ug`): English first, then the table of the
/// language's primary subtag, then the table of the full tag (Chinese picks `zh-Hant` for
/// Hant, TW, HK and MO, else `zh-Hans`), then `overrides`. A language without a table gets
/// English. Tables are read once per language and shared; thread-safe.
Words words_for(const std::string& lang, const std::map<std::string, std::string>& overrides = {});

/// Every word key, sorted: the keys of the English table, which every table has.
const std::vector<std::string>& word_keys();

/// The folder of the word tables: `styles_folder()`/words.
std::string words_folder();

}  // namespace broadside::styles
