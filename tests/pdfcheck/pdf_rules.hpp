// The PDF/A-2u rules (ISO 19005-2) that apply to what broadside writes, and PDF/A-3u's rule for
// attachments (ISO 19005-3, 6.8), checked on the file with
// qpdf's library, since veraPDF is in neither Debian bookworm nor npm. Each rule is named by
// its clause; the checker reports every rule a file breaks.
//
// Implemented: 6.1.2 header, 6.1.3 file identifier and no encryption, 6.2.3 output intent,
// 6.2.11.4 embedded fonts, 6.2.11.7 ToUnicode (level U), 6.2.11.8 no .notdef, 6.3.2
// annotation flags, 6.5.1/6.6.1 forbidden actions, 6.6.2.1 metadata stream, 6.6.2.3 info and
// metadata agree, 6.6.4 identification (part 2, or 3), 6.8 embedded files (A-3: each an
// associated file with both names, its relationship and MIME type; A-2: none). Not checked because
// broadside's output cannot break them (and tests/pdf covers what it writes): transparency groups
// and blend modes (nothing transparent is drawn), optional content, forms, embedded files (A-2
// forbids non-PDF/A attachments; broadside attaches nothing), PostScript XObjects, LZW, JPEG2000,
// 16-bit limits of the implementation (qpdf --check covers the file's structure).
#pragma once

#include <string>
#include <vector>

namespace broadside::pdfcheck {

struct Finding {
    std::string rule;    ///< e.g. "6.6.2.1 metadata stream"
    std::string detail;  ///< what was found
};

/// Every rule above that the file at `path` breaks; empty when it keeps them all.
std::vector<Finding> check_pdf_a(const std::string& path);

/// The rules' names, in the order they are checked.
const std::vector<std::string>& pdf_a_rules();

}  // namespace broadside::pdfcheck
