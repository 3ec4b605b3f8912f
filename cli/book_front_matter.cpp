// The title page and the contents are built as documents of the model, so the page engine sets
// them with the same fonts, scripts and line breaking as the chapters.
#include "book_front_matter.hpp"

#include <algorithm>
#include <utility>
#include <variant>
#include <vector>

#include "broadside/pdf/item_offset.hpp"
#include "broadside/styles/words.hpp"

namespace broadside::cli {
namespace {

core::Inline text(std::string s) {
    return core::Inline{core::Text{std::move(s)}, {}};
}

core::Block paragraph(std::vector<core::Inline> inlines) {
    return core::Block{core::Paragraph{std::move(inlines)}, {}};
}

core::Document with_meta(const epub::BookPlan& plan) {
    core::Document doc;
    doc.source_path = plan.root + "/";  // messages about it name the archive's folder
    doc.meta.set("lang", core::MetaValue(plan.language));
    return doc;
}

}  // namespace

core::Document title_page(const epub::BookPlan& plan, const core::Shard& shard) {
    core::Document doc = with_meta(plan);
    doc.blocks.push_back(core::Block{core::Heading{1, "title", {text(plan.title)}}, {}});
    const auto& s = plan.settings;
    if (!s.subtitle.empty())
        doc.blocks.push_back(paragraph({core::Inline{core::Emphasis{{text(s.subtitle)}}, {}}}));
    // The lines below the title in one paragraph: a paragraph after the first is indented.
    std::vector<core::Inline> lines;
    auto line = [&](std::string s) {
        if (s.empty()) return;
        if (!lines.empty()) lines.push_back(core::Inline{core::HardBreak{}, {}});
        lines.push_back(text(std::move(s)));
    };
    std::string authors;
    for (const auto& a : plan.authors) authors += (authors.empty() ? "" : ", ") + a;
    line(authors);
    line(s.publisher);
    if (!shard.whole()) line(styles::words_for(plan.language).part_of(shard.index, shard.count));
    int first = 0, last = 0;
    const auto [begin, end] = shard.of(plan.posts.size());
    for (std::size_t i = begin; i < end; ++i) {
        const auto& p = plan.posts[i];
        if (!p.date) continue;
        first = first == 0 ? p.date->year : std::min(first, p.date->year);
        last = std::max(last, p.date->year);
    }
    if (first != 0)
        line(first == last ? std::to_string(first)
                           : std::to_string(first) + "\u2013" + std::to_string(last));
    if (!lines.empty()) doc.blocks.push_back(paragraph(std::move(lines)));
    return doc;
}

void centre_title_page(pdf::Page& page) {
    for (auto& frame : page.frames)
        for (auto& entry : frame.items) {
            if (!std::holds_alternative<pdf::TextLine>(entry.second)) continue;
            std::vector<std::pair<pdf::Point, pdf::Item>> line{std::move(entry)};
            const auto [left, right] = pdf::text_extent(line);
            pdf::offset_items(line, (frame.box.size.width - (right - left)) / 2 - left,
                              frame.box.size.height / 4);
            entry = std::move(line.front());
        }
}

std::vector<epub::YearGroup> year_groups_in(const epub::BookPlan& plan, const core::Shard& shard) {
    if (!plan.settings.group_by_year) return {};
    const auto [begin, end] = shard.of(plan.posts.size());
    std::vector<epub::YearGroup> groups;
    for (epub::YearGroup g : epub::year_groups(plan)) {
        g.first = std::max(g.first, begin);
        g.end = std::min(g.end, end);
        if (g.first < g.end) groups.push_back(std::move(g));
    }
    return groups;
}

core::Document contents(const epub::BookPlan& plan, const std::vector<int>& first_pages,
                        const core::Shard& shard) {
    core::Document doc = with_meta(plan);
    const styles::Words words = styles::words_for(plan.language);
    doc.blocks.push_back(
        core::Block{core::Heading{1, "contents", {text(words.get("contents"))}}, {}});
    // One table, so every row has the same columns; a year is a bold row of its own, and the
    // header row ("Page") comes back on every page of the contents.
    core::Table table;
    table.alignments = {core::Alignment::left, core::Alignment::right};
    table.header.cells = {core::TableCell{{}, {}}, core::TableCell{{text(words.get("page"))}, {}}};
    std::vector<epub::YearGroup> groups = year_groups_in(plan, shard);
    if (!plan.settings.group_by_year) {
        const auto [begin, end] = shard.of(plan.posts.size());
        groups = {{"", begin, end}};
    }
    for (const auto& g : groups) {
        if (!g.label.empty()) {
            core::TableRow year;
            year.cells = {core::TableCell{{core::Inline{core::Strong{{text(g.label)}}, {}}}, {}},
                          core::TableCell{{}, {}}};
            table.rows.push_back(std::move(year));
        }
        for (std::size_t i = g.first; i < g.end; ++i) {
            core::Link link{"#p" + std::to_string(i), "", {text(plan.posts[i].title)}, false};
            core::TableRow row;
            row.cells = {core::TableCell{{core::Inline{std::move(link), {}}}, {}},
                         core::TableCell{{text(std::to_string(first_pages[i]))}, {}}};
            table.rows.push_back(std::move(row));
        }
    }
    doc.blocks.push_back(core::Block{std::move(table), {}});
    return doc;
}

}  // namespace broadside::cli
