#pragma once

#include <vector>

#include "book_plan.hpp"
#include "broadside/core/document.hpp"

namespace broadside::cli {

/// The archive PDF's title page as a document: the book's title, subtitle, authors, publisher
/// and the years its posts span.
core::Document title_page(const epub::BookPlan& plan);

/// The archive PDF's contents as a document: under the book's word for "Contents", a table
/// whose rows are each post's title, a link to `#p<index>`, and `first_pages[index]`, the page
/// its chapter starts on, with a row for each year (none when the collection says
/// `group: none`).
core::Document contents(const epub::BookPlan& plan, const std::vector<int>& first_pages);

}  // namespace broadside::cli
