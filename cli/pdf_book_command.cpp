// A folder of posts as one PDF book: the same posts, order and titles as the ePub (the ePub's
// plan decides them), a title page, contents with page numbers, one chapter per post on a new
// page (a right-hand one with --duplex), the post's title as running head, page numbers that
// run through the book, and bookmarks per year and post.
//
// The contents come first but need every chapter's first page, so the chapters are laid out
// twice: once to count their pages, then again, numbered, as the pages are written. Holding
// every chapter's layout instead would cost memory in proportion to the archive.
#include "pdf_book_command.hpp"

#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "book_front_matter.hpp"
#include "book_links.hpp"
#include "book_options.hpp"
#include "broadside/core/output_file.hpp"
#include "broadside/core/reader.hpp"
#include "broadside/pdf/pdf_exporter.hpp"
#include "broadside/pdf/pdf_writer.hpp"
#include "broadside/styles/style.hpp"
#include "commands.hpp"
#include "ordered_workers.hpp"
#include "progress_bar.hpp"
#include "shared_faces.hpp"

namespace broadside::cli {
namespace {

using Exporter = std::unique_ptr<pdf::PdfExporter>;

struct Chapter {
    core::Diagnostics diags;
    pdf::Layout layout;
};

/// What the worker threads share; read-only while they run.
struct BookJob {
    const Options& options;
    const epub::BookPlan& plan;
    const ChapterLinks& links;
    const styles::Style& chapter_style;
    unsigned jobs;

    [[nodiscard]] std::size_t window() const { return 2 * std::size_t{jobs}; }

    // Post `i`'s model (the plan's cached one, else read again) with its links pointed at the
    // book's chapters, laid out from page `first_page`. Warnings are kept only when asked for:
    // the second pass would repeat the first's.
    [[nodiscard]] Chapter lay_out(pdf::PdfExporter& exporter, std::size_t i, int first_page,
                                  bool keep_warnings) const {
        Chapter out;
        const auto& post = plan.posts[i];
        const core::Site* site = plan.site ? &*plan.site : nullptr;
        std::optional<core::Document> doc;
        if (post.model)
            doc = *post.model;
        else
            doc = core::read_document_file(post.path, out.diags, options.limits, site);
        if (!doc) return out;
        links.apply(*doc, i, keep_warnings ? &out.diags : nullptr);
        core::Diagnostics layout_diags;
        out.layout = exporter.layout(*doc, layout_diags, options.resource_paths, options.limits,
                                     site, first_page);
        if (keep_warnings || layout_diags.has_errors()) out.diags.append(layout_diags);
        return out;
    }
};

// A page of chapter `index`: its anchors get ids of the chapter (`p3-results`) and its
// headings nest under the chapter's bookmark.
void adopt(pdf::Page& page, std::size_t index, int level_shift, SharedFaces& faces) {
    faces.adopt(page);
    const std::string prefix = "p" + std::to_string(index) + "-";
    for (auto& frame : page.frames)
        for (auto& [at, item] : frame.items)
            if (auto* anchor = std::get_if<pdf::Anchor>(&item)) {
                anchor->id = prefix + anchor->id;
                if (anchor->level > 0) anchor->level += level_shift;
            }
}

// A frame over the whole page holding bookmarks, so a viewer opens them at its top.
void mark(pdf::Page& page, std::vector<pdf::Anchor> anchors) {
    pdf::Frame frame{pdf::Rect{{0, 0}, page.size}, {}};
    for (auto& a : anchors) frame.items.emplace_back(pdf::Point{0, 0}, std::move(a));
    page.frames.insert(page.frames.begin(), std::move(frame));
}

// The front matter's own headings are not bookmarks, except the contents.
void front_bookmarks(pdf::Layout& layout) {
    for (auto& page : layout.pages)
        for (auto& frame : page.frames)
            for (auto& [at, item] : frame.items)
                if (auto* anchor = std::get_if<pdf::Anchor>(&item)) {
                    anchor->level = anchor->id == "contents" ? 1 : 0;
                    anchor->id = "front-" + anchor->id;
                }
}

/// The first page number of every chapter, after `front` pages of front matter, a chapter
/// of a duplex book starting on a right-hand (odd) page.
std::vector<int> first_pages(const std::vector<int>& counts, int front, bool duplex) {
    std::vector<int> first(counts.size());
    int next = front + 1;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (duplex && next % 2 == 0) ++next;
        first[i] = next;
        next += counts[i];
    }
    return first;
}

pdf::DocumentInfo book_info(const epub::BookPlan& plan) {
    pdf::DocumentInfo info = pdf::document_info(core::Meta{}, std::getenv("SOURCE_DATE_EPOCH"));
    info.title = plan.title;
    for (const auto& a : plan.authors) info.author += (info.author.empty() ? "" : ", ") + a;
    info.subject = plan.settings.description;
    if (!info.created)
        for (const auto& p : plan.posts)
            if (p.date && (!info.created || p.date->unix_seconds() > info.created->unix_seconds()))
                info.created = p.date;
    return info;
}

}  // namespace

int run_pdf_book(const Options& options) {
    core::Diagnostics diags;
    auto style = styles::load_style(options.style.empty() ? "default" : options.style, diags);
    if (!style) return report(diags);
    epub::BookOptions book = book_options(options, diags);
    auto plan = epub::plan_book(book, diags);
    if (!plan) return report(diags), exit_input_error;
    // Opened before the work starts: an unwritable folder costs nothing but the message.
    core::OutputFile output(options.output, diags);
    if (!output.ok()) return report(diags);

    styles::Style chapter_style = *style;
    chapter_style.running_head = true;
    styles::Style front_style = *style;
    front_style.page_numbers = false;
    front_style.running_head = false;
    const ChapterLinks links(*plan);
    const unsigned jobs = options.jobs > 0 ? static_cast<unsigned>(options.jobs)
                                           : std::max(1u, std::thread::hardware_concurrency());
    BookJob job{options, *plan, links, chapter_style, jobs};
    const std::size_t n = plan->posts.size();
    auto make_exporter = [&] { return std::make_unique<pdf::PdfExporter>(chapter_style); };

    // Pass 1: how many pages each chapter takes, and every warning once.
    std::vector<int> counts(n, 0);
    bool ok;
    {
        ProgressBar progress("counting", n);
        ok = run_in_order<Exporter, Chapter>(
            n, jobs, job.window(), make_exporter,
            [&](Exporter& e, std::size_t i) { return job.lay_out(*e, i, 1, true); },
            [&](std::size_t i, Chapter&& c) {
                diags.append(c.diags);
                counts[i] = static_cast<int>(c.layout.pages.size());
                progress.update(i + 1);
                return !c.diags.has_errors();
            });
    }
    if (!ok) return report(diags);

    // The front matter: the contents' length does not depend on the numbers it shows (they
    // sit in a column of their own), but it is laid out again until the count settles.
    pdf::PdfExporter front_exporter(front_style);
    pdf::Layout title = front_exporter.layout(title_page(*plan), diags);
    pdf::Layout toc;
    int front = 0;
    std::vector<int> first;
    for (int round = 0; round < 3; ++round) {
        first = first_pages(counts, front, options.duplex);
        toc = front_exporter.layout(contents(*plan, first), diags);
        int needed = static_cast<int>(title.pages.size() + toc.pages.size());
        if (options.duplex && needed % 2 == 1) ++needed;
        if (needed == front) break;
        front = needed;
    }
    front_bookmarks(title);
    front_bookmarks(toc);

    pdf::PdfPageWriter writer(book_info(*plan), diags, plan->root);
    SharedFaces faces;
    int written = 0;
    auto write = [&](pdf::Page& page) {
        faces.adopt(page);
        writer.add(page);
        ++written;
    };
    for (auto* part : {&title, &toc})
        for (auto& page : part->pages) write(page);
    const pdf::Size sheet = title.pages.empty() ? pdf::Size{} : title.pages.front().size;
    while (written < front) {
        pdf::Page blank{sheet, {}, std::nullopt};
        write(blank);
    }

    // Pass 2: the chapters again, numbered, written as they come.
    const bool by_year = plan->settings.group_by_year;
    std::vector<epub::YearGroup> groups =
        by_year ? epub::year_groups(*plan) : std::vector<epub::YearGroup>{};
    std::size_t group = 0;
    {
        ProgressBar progress("writing", n);
        ok = run_in_order<Exporter, Chapter>(
            n, jobs, job.window(), make_exporter,
            [&](Exporter& e, std::size_t i) { return job.lay_out(*e, i, first[i], false); },
            [&](std::size_t i, Chapter&& c) {
                diags.append(c.diags);
                if (c.diags.has_errors() || c.layout.pages.empty()) return !c.diags.has_errors();
                while (written + 1 < first[i]) {
                    pdf::Page blank{c.layout.pages.front().size, {}, std::nullopt};
                    write(blank);
                }
                std::vector<pdf::Anchor> bookmarks;
                if (by_year && group < groups.size() && groups[group].first == i) {
                    bookmarks.push_back({"y" + std::to_string(group), groups[group].label, 1});
                    ++group;
                }
                bookmarks.push_back(
                    {"p" + std::to_string(i), plan->posts[i].title, by_year ? 2 : 1});
                for (auto& page : c.layout.pages) adopt(page, i, by_year ? 2 : 1, faces);
                mark(c.layout.pages.front(), std::move(bookmarks));
                for (auto& page : c.layout.pages) write(page);
                progress.update(i + 1);
                return true;
            });
    }
    if (ok && !diags.has_errors()) {
        auto bytes = writer.finish();
        if (bytes && output.write(bytes->data(), bytes->size())) output.commit();
    }
    return report(diags);
}

}  // namespace broadside::cli
