#include "broadside/pdf/shared_faces.hpp"

#include <variant>

#include "broadside/core/overloaded.hpp"

namespace broadside::pdf {

FontRef SharedFaces::same_face(const FontRef& face) {
    if (!face) return face;
    const auto& ref = face->ref();
    return faces_.try_emplace({ref.path, ref.index}, face).first->second;
}

void SharedFaces::adopt(Page& page) {
    for (auto& frame : page.frames)
        for (auto& [at, item] : frame.items)
            std::visit(core::overloaded{
                           [&](GlyphRun& run) { run.font = same_face(run.font); },
                           [&](TextLine& line) {
                               for (auto& [p, run] : line.runs) run.font = same_face(run.font);
                           },
                           [](auto&) {},
                       },
                       item);
}

}  // namespace broadside::pdf
