#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace broadside::pdf {

/// Finds hyphenation points with libhyphen and the system's pattern dictionaries
/// (/usr/share/hyphen, Debian's hyphen-* packages). Thread-safe after construction.
class Hyphenator {
  public:
    /// The hyphenator for a BCP 47 language (`en`, `en-US`, `de-CH`, `ru`), or null when no
    /// dictionary is installed for it or the language is not hyphenated (Chinese, Uyghur).
    /// Dictionaries are loaded once and shared.
    static std::shared_ptr<const Hyphenator> for_language(std::string_view lang);

    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    /// Byte offsets inside `word` after which a hyphen may be inserted, ascending. Keeps at
    /// least 2 letters before and 3 after a break, as TeX does. Words with digits, or longer
    /// than 64 bytes, get none.
    [[nodiscard]] std::vector<std::size_t> points(std::string_view word) const;

    /// The ISO 15924 script of the dictionary's language (`Latn`, `Cyrl`): only words in it are
    /// run through the patterns (a Chinese or Uyghur word in a German text is not).
    [[nodiscard]] const std::string& script() const { return script_; }

  private:
    Hyphenator(void* dict, std::string script) : dict_(dict), script_(std::move(script)) {}
    void* dict_;  // HyphenDict*, kept opaque so hyphen.h stays in the .cpp
    std::string script_;
};

}  // namespace broadside::pdf
