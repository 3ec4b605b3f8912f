#include "line_passages.hpp"

#include <algorithm>

namespace broadside::pdf {

std::vector<LinePassage> line_passages(const TextLine& line, bool by_language) {
    std::vector<LinePassage> out(1);
    bool mixed = false;
    for (const auto& entry : line.runs) {
        out.front().runs.push_back(&entry);
        mixed = mixed || !entry.second.lang.empty();
    }
    if (!by_language || !mixed) return out;
    std::vector<const std::pair<Point, GlyphRun>*> logical = out.front().runs;
    std::stable_sort(logical.begin(), logical.end(), [](const auto* a, const auto* b) {
        return a->second.text_offset < b->second.text_offset;
    });
    out.clear();
    for (const auto* entry : logical) {
        if (out.empty() || out.back().lang != entry->second.lang)
            out.push_back({entry->second.lang, entry->second.text_offset, {}});
        out.back().runs.push_back(entry);
    }
    out.front().begin = 0;  // white space before the first run belongs to the line
    for (std::size_t i = 1; i + 1 < out.size();) {
        if (!out[i].lang.empty() || out[i - 1].lang != out[i + 1].lang) {
            ++i;
            continue;
        }
        for (std::size_t k : {i, i + 1})
            out[i - 1].runs.insert(out[i - 1].runs.end(), out[k].runs.begin(), out[k].runs.end());
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(i),
                  out.begin() + static_cast<std::ptrdiff_t>(i + 2));
    }
    return out;
}

}  // namespace broadside::pdf
