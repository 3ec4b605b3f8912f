#include "book_links.hpp"

#include <variant>

#include "broadside/core/model_walk.hpp"
#include "links.hpp"

namespace broadside::cli {

ChapterLinks::ChapterLinks(const epub::BookPlan& plan, const core::Shard& shard)
    : plan_(plan), part_(shard.of(plan.posts.size())) {}

std::string ChapterLinks::target(const std::string& url, std::size_t index,
                                 const core::SourceSpan& at, core::Diagnostics* diags) const {
    epub::LinkTarget t = epub::resolve_link(url, plan_, index);
    if (diags && !t.problem.empty())
        diags->warning(plan_.posts[index].path, at.line, at.column, t.problem);
    if (t.kind == epub::LinkTarget::Kind::external) return t.href;
    if (t.kind == epub::LinkTarget::Kind::none) return {};
    if (t.chapter < part_.begin || t.chapter >= part_.end) {
        ++to_other_parts_;
        return {};
    }
    // The anchors of chapter i are named `p<i>-<id>` (pdf_book_command.cpp).
    std::string out = "#p" + std::to_string(t.chapter);
    if (!t.id.empty()) out += "-" + t.id;
    return out;
}

void ChapterLinks::apply(core::Document& doc, std::size_t index, core::Diagnostics* diags) const {
    core::walk_blocks(
        doc.blocks, [](core::Block&) {},
        [&](core::Inline& in) {
            if (auto* link = std::get_if<core::Link>(&in.node))
                link->url = target(link->url, index, in.span, diags);
            // An image the plan found from the post's site address instead of its file.
            if (auto* image = std::get_if<core::Image>(&in.node))
                for (const auto& [written, found] : plan_.posts[index].image_sources)
                    if (image->source == written) image->source = found;
        });
}

}  // namespace broadside::cli
