// What the PDF book does to the pages of its parts (front matter, chapters) once they are laid
// out: anchor ids and bookmark levels for their place in the book, and the document info.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "book_plan.hpp"
#include "broadside/pdf/layout.hpp"
#include "broadside/pdf/pdf_writer.hpp"

namespace broadside::cli {

/// Gives the anchors of `pages` ids of their part of the book (`p3-results`, `front-title`)
/// and moves their bookmarks `level_shift` levels down, below the chapter's; without a shift
/// they are no bookmarks at all (the front matter's headings).
void rename_anchors(std::vector<pdf::Page>& pages, const std::string& prefix,
                    std::optional<int> level_shift);

/// Adds a frame over the whole page holding bookmarks, so a viewer opens them at its top.
void mark(pdf::Page& page, std::vector<pdf::Anchor> anchors);

/// The book's title, authors, subject and language; its date is the job's `source_date_epoch`,
/// else the newest post's.
pdf::DocumentInfo book_info(const epub::BookPlan& plan, const core::JobSettings& job);

}  // namespace broadside::cli
