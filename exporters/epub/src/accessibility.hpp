#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadside::epub {

struct BookPlan;
struct BookParts;

/// What the first pass found in one post that the book's conformance claim depends on. The
/// rest of EPUB Accessibility 1.1 at WCAG 2.2 AA holds by construction (heading outline,
/// landmarks, `lang`/`dir`, table headers, footnotes).
struct PostAccessibility {
    std::vector<std::string> images_without_alt;  ///< sources of shown images with empty alt
    std::size_t vague_links = 0;                  ///< links whose whole text is "here", "more", …
    std::size_t footnotes = 0;                    ///< for the summary: notes linked both ways
};

/// The conformance statement the book makes when every check passes.
inline constexpr std::string_view conforms_to = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";

/// True when a link's plain text says nothing of where it leads ("here", "click here", "more",
/// "read more", "this", "link", …), compared without case and surrounding punctuation.
bool vague_link_text(std::string_view text);

/// Why the book may not claim `conforms_to`, one short phrase each ("2 images without alt
/// text"); empty when it may. No certifier (neither `certified-by`, a publisher nor an author)
/// is a reason too, since EPUB Accessibility 1.1 asks for one with every claim.
std::vector<std::string> conformance_gaps(const BookPlan& plan);

/// Who evaluated the book: the collection's `certified-by`, else its publisher, else the first
/// author; empty when there is none of them.
std::string certifier(const BookPlan& plan);

/// The package document's accessibility metadata, as `<meta>` lines: schema.org access modes,
/// features, hazards and a summary that is true for this book (languages, embedded fonts,
/// images without alt text); `dcterms:conformsTo` and `a11y:certifiedBy` only when
/// `conformance_gaps` is empty.
std::string accessibility_metadata(const BookPlan& plan, const BookParts& parts);

}  // namespace broadside::epub
