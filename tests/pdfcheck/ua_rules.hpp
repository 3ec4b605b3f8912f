// The machine-checkable PDF/UA-1 rules (ISO 14289-1) that apply to what broadside writes, by
// the Matterhorn Protocol 1.1 checkpoint they belong to, checked with qpdf's library. Each
// rule covers the failure conditions of its checkpoint that our output could meet:
//
//   01 real content tagged: the catalog says Marked and has a structure tree; every mark a
//      page paints (text, images, paths) lies in marked content with an MCID that the parent
//      tree resolves, or in an Artifact, never one inside the other (01-003, 01-004, 01-005)
//   06 metadata: an XMP stream with pdfuaid:part 1 and dc:title (06-001, 06-002, 06-003)
//   07 dictionary: ViewerPreferences DisplayDocTitle true (07-001, 07-002)
//   09 appropriate tags: TR in a table, TH/TD in a TR, LI in an L, Lbl/LBody in an LI, after
//      the role map (09-004 … 09-007)
//   11 natural language: the catalog's Lang, and every Lang in the tree, a language tag
//      (11-001 … 11-006 reduce to these for text that inherits the catalog's)
//   13 graphics: every Figure has Alt or ActualText (13-004)
//   14 headings: numbered headings start at H1, skip no level, and H is not mixed with Hn
//      (14-002, 14-003, 14-007)
//   19 notes: every Note has an ID, no ID twice (19-003, 19-004)
//   26 security: an encrypted file lets assistive technology extract text (26-001, 26-002)
//   28 annotations: pages with annotations have Tabs /S; a Link annotation is the object of
//      a Link element and has Contents; other annotations sit in Annot elements (28-002,
//      28-008, 28-009, 28-011, 28-012)
//   30 XObjects: no reference XObjects (30-001)
//   31 fonts: every font embedded, a TrueType CIDFont with its CIDToGIDMap (31-007, 31-009)
//
// Checkpoints not listed need a person (reading order, alt text that says the right thing,
// 02–05, 08, 10, 12, 15–18, 20–25, 27, 29 in part) or cover features broadside never writes
// (forms 24/28-005, optional content 20, embedded files' descriptions 21, JavaScript, OCR text,
// math 17, Type 3 fonts).
#pragma once

#include <string>
#include <vector>

#include "pdf_rules.hpp"

namespace broadside::pdfcheck {

/// Every rule above that the file at `path` breaks; empty when it keeps them all.
std::vector<Finding> check_pdf_ua(const std::string& path);

/// The rules' names, in the order they are checked.
const std::vector<std::string>& pdf_ua_rules();

}  // namespace broadside::pdfcheck
