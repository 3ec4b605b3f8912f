#pragma once

#include <string>
#include <vector>

#include "book_plan.hpp"

namespace broadside::epub {

/// A file in the package besides the chapters and images, as the OPF lists it.
struct ExtraItem {
    std::string id;
    std::string href;  ///< relative to `EPUB/`
    std::string media_type;
};

/// Which optional front and back matter the book has.
struct BookParts {
    bool cover_page = false;  ///< `cover.xhtml` (when the collection names a cover image)
    bool tag_index = false;   ///< `tags.xhtml`
    std::vector<ExtraItem> fonts;
};

/// `META-INF/container.xml`, pointing at `EPUB/package.opf`.
std::string container_xml();

/// The package document: metadata (identifier, titles, creators, dates, subjects, description,
/// `dcterms:modified`, cover, accessibility), manifest, spine (cover, title page, contents,
/// chapters, tag index) and an EPUB 2 guide for old Kindle paths.
std::string package_opf(const BookPlan& plan, const BookParts& parts);

/// The EPUB 3 navigation document: contents grouped by year, and landmarks.
std::string nav_xhtml(const BookPlan& plan, const BookParts& parts);

/// The EPUB 2 NCX with the same entries as the nav document, for older readers.
std::string toc_ncx(const BookPlan& plan, const BookParts& parts);

/// The title page: title, subtitle, authors, publisher, date range, number of posts,
/// description.
std::string title_page(const BookPlan& plan);

/// A page that shows the cover image.
std::string cover_page(const BookPlan& plan);

/// Every tag with links to the chapters that carry it.
std::string tag_index_page(const BookPlan& plan);

/// True when at least one post in the plan has tags.
bool has_tags(const BookPlan& plan);

}  // namespace broadside::epub
