#pragma once

#include <vector>

#include "book_plan.hpp"
#include "broadside/core/document.hpp"
#include "broadside/pdf/layout.hpp"

namespace broadside::cli {

/// The archive PDF's title page as a document: the book's title, subtitle, authors, publisher
/// and the years its posts span.
core::Document title_page(const epub::BookPlan& plan);

/// The title page's lines as a title page sets them: each centred in its frame, the block a
/// quarter of the way down the page instead of at the top of the text area.
void centre_title_page(pdf::Page& page);

/// The archive PDF's contents as a document: under the book's word for "Contents", a table
/// whose rows are each post's title, a link to `#p<index>`, and `first_pages[index]`, the page
/// its chapter starts on, with a row for each year (none when the collection says
/// `group: none`).
core::Document contents(const epub::BookPlan& plan, const std::vector<int>& first_pages);

}  // namespace broadside::cli
