#pragma once

#include <map>
#include <string>
#include <vector>

namespace broadside::epub {

/// One image file that goes into the package.
struct ImageEntry {
    std::string source;      ///< absolute path on disk
    std::string href;        ///< path inside `EPUB/`, e.g. `images/map-1a2b3c4d.png`
    std::string media_type;  ///< `image/png`, `image/jpeg`, `image/gif` or `image/svg+xml`
};

/// The images of the book keyed by package href, so the manifest comes out sorted and the
/// same image used by many posts is stored once.
using ImageTable = std::map<std::string, ImageEntry>;

/// Where an image reference led.
struct ImageLookup {
    bool ok = false;
    ImageEntry entry;     ///< valid when ok
    std::string problem;  ///< why not, one sentence for a warning, when !ok
};

/// Resolves `source` (as written in Markdown) against `base_dir`, refuses paths outside
/// `allowed_dirs` and remote URLs, and sniffs the file's type from its first bytes. WebP and
/// unknown formats are refused, since EPUB 3.2 readers need no support for them. Thread-safe.
ImageLookup find_image(const std::string& source, const std::string& base_dir,
                       const std::string& root, const std::vector<std::string>& allowed_dirs);

}  // namespace broadside::epub
