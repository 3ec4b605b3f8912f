#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/job_settings.hpp"
#include "broadside/core/meta.hpp"
#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// A file the PDF carries (PDF/A-3's associated file, /AFRelationship /Data): the record a
/// merged letter was made from, so what was sent to whom can be shown later.
struct Attachment {
    std::string name;         ///< the file's name, e.g. `record.csv`
    std::string mime_type;    ///< e.g. `text/csv`
    std::string description;  ///< what viewers' attachment panels show
    std::string bytes;
};

/// The document information dictionary, and what else the file says about itself. Empty
/// strings are left out.
struct DocumentInfo {
    std::string title;
    std::string author;    ///< authors joined with ", "
    std::string subject;   ///< the excerpt
    std::string keywords;  ///< tags joined with ", "
    /// CreationDate; absent unless the front matter has a `date` or SOURCE_DATE_EPOCH is set,
    /// so the same input gives the same bytes.
    std::optional<core::Date> created;
    std::string language;  ///< the document's `lang`, for the catalog and the metadata
    /// Claim PDF/A-2u (XMP metadata, sRGB output intent, file identifier, printable links),
    /// PDF/A-3u when there are attachments, unless the document draws missing-glyph boxes;
    /// false gives the plain PDF of old (with the attachments, if any).
    bool pdf_a = true;
    /// Tag the PDF (structure tree, artifacts, languages, alternative texts) and claim
    /// PDF/UA-1; false leaves it untagged.
    bool pdf_ua = true;
    std::vector<Attachment> attachments;
};

/// Document information from front matter: Title (a letter's subject without one, else the
/// name of `source_path` without its extension), Author, Subject (excerpt), Keywords (tags),
/// CreationDate (`date`), language (`lang`). Without a date, the job's `source_date_epoch`
/// supplies it; otherwise it is left out. The PDF/A claim is the job's `pdf_a`.
DocumentInfo document_info(const core::Meta& meta, const core::JobSettings& job,
                           const std::string& source_path = {});

/// Renders `layout` as PDF 1.5 bytes: glyph runs as subset Type0/Identity-H fonts with
/// ToUnicode and ActualText, rules, link annotations, destinations and outlines for anchors,
/// every stream deflated, no wall-clock data. `file` names the source in diagnostics. Returns
/// nothing (with an error in `diags`) when a font cannot be embedded or libharu fails.
std::optional<std::vector<std::uint8_t>> render_pdf(const Layout& layout, const DocumentInfo& info,
                                                    core::Diagnostics& diags,
                                                    const std::string& file);

/// Writes a PDF page by page, so a caller with many pages (a merged batch of letters) need not
/// hold all their layouts at once: each page is drawn into the document as it is added and can
/// be dropped. The result is byte for byte what render_pdf gives for the same pages. Pages must
/// not be added after finish(). Not thread-safe.
class PdfPageWriter {
  public:
    PdfPageWriter(const DocumentInfo& info, core::Diagnostics& diags, std::string file);
    ~PdfPageWriter();
    PdfPageWriter(const PdfPageWriter&) = delete;
    PdfPageWriter& operator=(const PdfPageWriter&) = delete;

    void add(const Page& page);
    /// Draws `page`'s frames on page `index` (0-based) added before, over what it holds: a
    /// book's contents, which need the page numbers of all the chapters written after them.
    /// Its anchors' bookmarks come after those of the pages added so far.
    void draw_on(std::size_t index, const Page& page);
    /// The PDF's bytes; nothing (with an error in the diagnostics) when embedding a font or
    /// libharu failed.
    std::optional<std::vector<std::uint8_t>> finish();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace broadside::pdf
