// PDF/A-2u (ISO 19005-2, level U: archival, every character's Unicode known), and PDF/A-3u
// (ISO 19005-3) for a file that carries attachments: what a broadside PDF adds to claim it.
// Everything else the standard asks of our output every broadside PDF has already: embedded subset
// fonts with ToUnicode, no encryption, no JavaScript, deflate only. tests/pdfcheck checks the claim
// rule by rule.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <hpdf.h>

#include "broadside/core/diagnostics.hpp"
#include "broadside/pdf/pdf_writer.hpp"

namespace broadside::pdf {

/// The file identifier PDF/A requires, from what the pages draw: the same document gives the
/// same identifier (no clock, no randomness), different documents different ones.
class FileIdentity {
  public:
    void add(std::string_view bytes);
    [[nodiscard]] std::array<std::uint8_t, 16> digest() const;

  private:
    // Two 64-bit FNV-1a lanes with different starting values.
    std::uint64_t a_ = 0xcbf29ce484222325ull, b_ = 0x84222325cbf29ce4ull;
};

/// Adds `info.attachments` to `doc` as associated files of the document (/AF, /AFRelationship
/// /Data, listed under the catalog's EmbeddedFiles so viewers show them), each with its MIME
/// type and, when the document has a date, that date as its modification date.
void attach_files(HPDF_Doc doc, const DocumentInfo& info);

/// Marks `doc` PDF/A-2u (`info.pdf_a`), or PDF/A-3u when it has attachments, and PDF/UA-1
/// (`info.pdf_ua`, for a document the writer tagged): XMP metadata that repeats the
/// information dictionary (title, author, subject, keywords, producer, creation date) with the
/// claims and the language, the catalog's language, and for PDF/A an sRGB output intent from
/// Debian's icc-profiles-free and the file identifier. (A character no font has is drawn as an
/// outline, never as .notdef, which PDF/A forbids.) On a machine without the colour profile,
/// a warning and no PDF/A claim.
void claim_standards(HPDF_Doc doc, const DocumentInfo& info, const FileIdentity& identity,
                     core::Diagnostics& diags, const std::string& file);

}  // namespace broadside::pdf
