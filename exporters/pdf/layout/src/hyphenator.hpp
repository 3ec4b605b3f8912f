#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace broadside::pdf {

/// Finds hyphenation points with libhyphen and the system's pattern dictionaries
/// (/usr/share/hyphen, Debian's hyphen-* packages). Thread-safe after construction.
class Hyphenator {
  public:
    /// The hyphenator for a BCP 47 language (`en`, `en-US`, `de-CH`), or null when no
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

  private:
    explicit Hyphenator(void* dict) : dict_(dict) {}
    void* dict_;  // HyphenDict*, kept opaque so hyphen.h stays in the .cpp
};

}  // namespace broadside::pdf
