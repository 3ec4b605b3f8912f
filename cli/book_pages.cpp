#include "book_pages.hpp"

#include <variant>

#include "broadside/pdf/itemize.hpp"

namespace broadside::cli {

void rename_anchors(std::vector<pdf::Page>& pages, const std::string& prefix,
                    std::optional<int> level_shift) {
    for (auto& page : pages)
        for (auto& frame : page.frames)
            for (auto& [at, item] : frame.items) {
                // Footnote references are the links the layout makes itself, within the
                // chapter: they follow their notes' anchors.
                if (auto* link = std::get_if<pdf::Link>(&item);
                    link && link->url.substr(1).starts_with(pdf::footnote_anchor_prefix))
                    link->url = "#" + prefix + link->url.substr(1);
                if (auto* anchor = std::get_if<pdf::Anchor>(&item)) {
                    anchor->id = prefix + anchor->id;
                    if (!level_shift)
                        anchor->level = 0;
                    else if (anchor->level > 0)
                        anchor->level += *level_shift;
                }
            }
}

void mark(pdf::Page& page, std::vector<pdf::Anchor> anchors) {
    pdf::Frame frame{pdf::Rect{{0, 0}, page.size}, {}};
    for (auto& a : anchors) frame.items.emplace_back(pdf::Point{0, 0}, std::move(a));
    page.frames.insert(page.frames.begin(), std::move(frame));
}

pdf::DocumentInfo book_info(const epub::BookPlan& plan, const core::JobSettings& job) {
    pdf::DocumentInfo info = pdf::document_info(core::Meta{}, job);
    info.language = plan.language;
    info.title = plan.title;
    for (const auto& a : plan.authors) info.author += (info.author.empty() ? "" : ", ") + a;
    info.subject = plan.settings.description;
    if (!info.created)
        for (const auto& p : plan.posts)
            if (p.date && (!info.created || p.date->unix_seconds() > info.created->unix_seconds()))
                info.created = p.date;
    return info;
}

}  // namespace broadside::cli
