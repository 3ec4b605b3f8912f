#pragma once

#include <string>

#include "book_plan.hpp"
#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"

namespace broadside::cli {

/// Where the links of a post lead in the archive PDF, decided as the ePub decides them
/// (epub::resolve_link): another post's chapter (`#p3`, `#p3-part`), a place in the post's own
/// chapter (`#p<index>-part`), or the web. Chapter `i`'s anchors are named `p<i>-<id>`. Images
/// the plan found relative to the post's site address get the file's path instead.
class ChapterLinks {
  public:
    explicit ChapterLinks(const epub::BookPlan& plan);

    /// Rewrites the links of post `index`'s model; a link that leads nowhere keeps its text,
    /// and the reason goes to `diags` when it is given.
    void apply(core::Document& doc, std::size_t index, core::Diagnostics* diags) const;

  private:
    [[nodiscard]] std::string target(const std::string& url, std::size_t index,
                                     const core::SourceSpan& at, core::Diagnostics* diags) const;

    const epub::BookPlan& plan_;
};

}  // namespace broadside::cli
