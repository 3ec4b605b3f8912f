#pragma once

#include <atomic>
#include <string>

#include "book_plan.hpp"
#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/shard.hpp"

namespace broadside::cli {

/// Where the links of a post lead in the archive PDF, decided as the ePub decides them
/// (epub::resolve_link): another post's chapter (`#p3`, `#p3-part`), a place in the post's own
/// chapter (`#p<index>-part`), or the web. Chapter `i`'s anchors are named `p<i>-<id>`. Images
/// the plan found relative to the post's site address get the file's path instead. In one part
/// of a sharded book, a link to a post in another part keeps its text and leads nowhere.
class ChapterLinks {
  public:
    ChapterLinks(const epub::BookPlan& plan, const core::Shard& shard);

    /// Rewrites the links of post `index`'s model; a link that leads nowhere keeps its text,
    /// and the reason goes to `diags` when it is given.
    void apply(core::Document& doc, std::size_t index, core::Diagnostics* diags) const;
    /// Links left as text because their post is in another part of the book, so far.
    [[nodiscard]] std::size_t to_other_parts() const { return to_other_parts_; }

  private:
    [[nodiscard]] std::string target(const std::string& url, std::size_t index,
                                     const core::SourceSpan& at, core::Diagnostics* diags) const;

    const epub::BookPlan& plan_;
    const core::Shard::Range part_;
    mutable std::atomic<std::size_t> to_other_parts_{0};  // apply runs on worker threads
};

}  // namespace broadside::cli
