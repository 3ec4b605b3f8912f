#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <hpdf.h>

#include "broadside/core/diagnostics.hpp"
#include "font_usage.hpp"

namespace broadside::pdf {

/// The Type0/Identity-H fonts of one PDF. A face gets its (empty) indirect font dictionary at
/// first use so pages can reference it at once; `finish` fills every dictionary in before the
/// document is saved: subset font program (TrueType as FontFile2, CID-keyed CFF as FontFile3
/// CIDFontType0C), descriptor, CIDFont with /W, and the ToUnicode CMap.
class FontEmbedder {
  public:
    explicit FontEmbedder(HPDF_Doc doc) : doc_(doc) {}

    /// The font of `face`: its usage record and the dictionary pages put in their resources.
    /// Null dictionary when libharu could not allocate it.
    struct Entry {
        std::unique_ptr<FontUsage> usage;
        HPDF_Dict dict = nullptr;
    };
    Entry& font(const FontRef& face);

    /// Subsets and writes every font. A face hb-subset cannot cut is an error naming its file
    /// (the document would not be valid without its font program); returns false then.
    bool finish(core::Diagnostics& diags, const std::string& file);

  private:
    bool finish_one(Entry& e, core::Diagnostics& diags, const std::string& file);

    HPDF_Doc doc_;
    std::vector<Entry> fonts_;  // in order of first use, so object numbers are deterministic
    std::map<const fonts::Face*, std::size_t> index_;
};

}  // namespace broadside::pdf
