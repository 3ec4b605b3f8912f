#pragma once

#include <map>
#include <string>
#include <utility>

#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// Layouts made on different threads hold different Face objects for the same font file; the
/// writer embeds one font per object, so the pages of one PDF are pointed at the first Face
/// seen for each file before they are written.
class SharedFaces {
  public:
    /// Points every glyph run of `page` at the shared face of its font file.
    void adopt(Page& page);

  private:
    FontRef same_face(const FontRef& face);

    std::map<std::pair<std::string, unsigned>, FontRef> faces_;
};

}  // namespace broadside::pdf
