#pragma once

#include <vector>

#include "book_plan.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/shard.hpp"
#include "broadside/pdf/layout.hpp"

namespace broadside::cli {

/// The archive PDF's title page as a document: the book's title, subtitle, authors, publisher
/// and the years its posts span; for one part of a sharded book, "Part I of N" and the years
/// of the part's posts.
core::Document title_page(const epub::BookPlan& plan, const core::Shard& shard);

/// The title page's lines as a title page sets them: each centred in its frame, the block a
/// quarter of the way down the page instead of at the top of the text area.
void centre_title_page(pdf::Page& page);

/// The years of the posts in `shard`'s part of the book, each clipped to the part (all of them
/// for a whole book); none when the collection says `group: none`.
std::vector<epub::YearGroup> year_groups_in(const epub::BookPlan& plan, const core::Shard& shard);

/// The archive PDF's contents as a document: under the book's word for "Contents", a table
/// whose rows are the title of each post in `shard`'s part, a link to `#p<index>`, and
/// `first_pages[index]`, the page its chapter starts on, with a row for each year of
/// year_groups_in.
core::Document contents(const epub::BookPlan& plan, const std::vector<int>& first_pages,
                        const core::Shard& shard);

}  // namespace broadside::cli
