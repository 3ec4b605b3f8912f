#pragma once

#include <map>
#include <string>
#include <vector>

#include "broadside/core/resources.hpp"

namespace broadside::epub {

/// One image file that goes into the package.
struct ImageEntry {
    std::string source;  ///< absolute path on disk
    std::string href;    ///< path inside `EPUB/`, e.g. `images/map-1a2b3c4d.png`
    std::string
        media_type;  ///< `image/png`, `image/jpeg`, `image/gif`, `image/svg+xml`, `image/webp`
    /// For WebP (a foreign resource in EPUB 3.2): the generated SVG the manifest falls back to.
    std::string fallback_href;
    int width = 0, height = 0;  ///< WebP canvas size, for the fallback; 0 when unknown
    std::string label;          ///< the alt text the fallback shows
    /// The bytes to store instead of the file's when they had to change (an SVG's external
    /// document type declaration removed); empty when the file goes in as it is.
    std::string content;
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

/// Resolves `source` (as written in Markdown) against `base_dir` through `policy` (which
/// refuses paths outside the input and remote URLs), and sniffs the file's type from its first
/// bytes. Unknown formats are refused; WebP is accepted with a `fallback_href`. Thread-safe.
ImageLookup find_image(const std::string& source, const std::string& base_dir,
                       const core::ResourcePolicy& policy);

/// The fallback picture of a WebP image: an SVG of its size with its alt text, so readers
/// without WebP support show what the image was about.
std::string fallback_svg(const ImageEntry& image);

}  // namespace broadside::epub
