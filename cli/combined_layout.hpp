#pragma once

#include <map>
#include <string>
#include <utility>

#include "broadside/pdf/layout.hpp"

namespace broadside::cli {

/// The layout of a combined mail-merge PDF, built one letter at a time: each letter's first
/// page restarts the page labels at 1 and carries a bookmark; with `duplex`, a letter with an
/// odd page count is followed by a blank page so the next one starts on a new sheet.
class CombinedLayout {
  public:
    explicit CombinedLayout(bool duplex) : duplex_(duplex) {}

    /// Appends letter `number` (1-based, unique) with the bookmark `title`. The letter's own
    /// anchors get ids unique to it and its outline entries nest under the bookmark.
    void append(pdf::Layout letter, int number, const std::string& title);

    [[nodiscard]] const pdf::Layout& layout() const { return layout_; }

  private:
    void adopt(pdf::Page& page, const std::string& id_prefix);
    pdf::FontRef same_face(const pdf::FontRef& face);

    bool duplex_;
    pdf::Layout layout_;
    // Letters laid out on different threads hold different Face objects for the same file;
    // the writer embeds one font per object, so every run is pointed at the first one seen.
    std::map<std::pair<std::string, unsigned>, pdf::FontRef> faces_;
};

}  // namespace broadside::cli
