#pragma once

#include <functional>
#include <string>
#include <utility>

#include "broadside/pdf/layout.hpp"
#include "broadside/pdf/shared_faces.hpp"

namespace broadside::merge {

/// The pages of a combined mail-merge PDF, built one letter at a time and handed to `sink` as
/// they are ready (so a batch of thousands never holds all its layouts): each letter's first
/// page restarts the page labels at 1 and carries a bookmark; with `duplex`, a letter with an
/// odd page count is followed by a blank page so the next one starts on a new sheet.
class CombinedLayout {
  public:
    using Sink = std::function<void(pdf::Page&&)>;
    CombinedLayout(bool duplex, Sink sink) : duplex_(duplex), sink_(std::move(sink)) {}

    /// Appends letter `number` (1-based, unique) with the bookmark `title`. The letter's own
    /// anchors get ids unique to it and its outline entries nest under the bookmark.
    void append(pdf::Layout letter, int number, const std::string& title);

  private:
    void adopt(pdf::Page& page, const std::string& id_prefix);

    bool duplex_;
    Sink sink_;
    pdf::SharedFaces faces_;
};

}  // namespace broadside::merge
