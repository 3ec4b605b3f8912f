// A folder of posts as one PDF book: the same posts, order and titles as the ePub (the ePub's
// plan decides them), a title page, contents with page numbers, one chapter per post on a new
// page (a right-hand one with --duplex), the post's title as running head, page numbers that
// run through the book, and bookmarks per year and post.
//
// The contents come first but need every chapter's first page. Chapters are laid out once, in
// parallel and without page numbers, and written in order as they come, each page numbered
// as it is written; the contents' pages are reserved at the front (their count does not
// depend on the numbers they show) and drawn last. Memory holds a window of chapters.
#include "pdf_book_command.hpp"

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include "archive_summary.hpp"
#include "book_front_matter.hpp"
#include "book_links.hpp"
#include "book_options.hpp"
#include "book_pages.hpp"
#include "broadside/core/output_file.hpp"
#include "broadside/core/parallel.hpp"
#include "broadside/core/reader.hpp"
#include "broadside/pdf/layout_dump.hpp"
#include "broadside/pdf/pdf_exporter.hpp"
#include "broadside/pdf/pdf_writer.hpp"
#include "broadside/pdf/shared_faces.hpp"
#include "broadside/styles/style.hpp"
#include "broadside/styles/words.hpp"
#include "commands.hpp"
#include "progress_bar.hpp"

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
    unsigned jobs;

    [[nodiscard]] std::size_t window() const { return 2 * std::size_t{jobs}; }

    // Post `i`'s model (the plan's cached one, else read again) with its links pointed at the
    // book's chapters, laid out without page numbers.
    [[nodiscard]] Chapter lay_out(pdf::PdfExporter& exporter, std::size_t i) const {
        Chapter out;
        const auto& post = plan.posts[i];
        const core::Site* site = plan.site ? &*plan.site : nullptr;
        std::optional<core::Document> doc;
        // The plan's cached model is this chapter's alone and read once: taken, not copied.
        if (post.model)
            doc = std::move(*post.model);
        else
            doc = core::read_document_file(post.path, out.diags, options.job.limits, site);
        if (!doc) return out;
        links.apply(*doc, i, &out.diags);
        out.layout =
            exporter.layout(*doc, out.diags, options.job.resource_paths, options.job.limits, site);
        if (out.layout.pages.empty() && !out.diags.has_errors()) {
            // A post with nothing to print (front matter for a template) is still a chapter
            // of the book, as in the ePub: a page with its title.
            core::Document title_only;
            title_only.source_path = post.path;
            title_only.meta.set("title", core::MetaValue(post.title));
            out.layout = exporter.layout(title_only, out.diags);
        }
        return out;
    }
};

}  // namespace

int run_pdf_book(const Options& options) {
    core::Diagnostics diags;
    auto style = styles::load_style(options.style.empty() ? "default" : options.style, diags);
    if (!style) return report(diags);
    epub::BookOptions book = book_options(options);
    book.package_warnings = false;
    auto plan = epub::plan_book(book, diags);
    if (!plan) return report(diags), exit_input_error;
    // Opened before the work starts: an unwritable folder costs nothing but the message.
    std::optional<core::OutputFile> output;
    if (!options.output.empty()) {
        output.emplace(options.output, diags);
        if (!output->ok()) return report(diags);
    }

    styles::Style chapter_style = *style;
    chapter_style.running_head = true;
    chapter_style.page_numbers = false;  // numbered as they are written
    styles::Style front_style = chapter_style;
    front_style.running_head = false;
    front_style.paragraph_indent = 0;  // the title page's lines stand flush
    const ChapterLinks links(*plan, options.shard);
    const unsigned jobs = core::worker_count(options.job.jobs, plan->posts.size());
    BookJob job{options, *plan, links, jobs};
    const std::size_t n = plan->posts.size();
    // With --shard, this book is one part: the chapters of a contiguous block of the posts,
    // each laid out as in the whole book, with its own title page, contents and page numbers.
    const auto [begin, end] = options.shard.of(n);

    // The front matter. The contents are laid out with five-digit numbers to count their
    // pages; the real numbers are never wider, so the real contents take no more pages.
    pdf::PdfExporter front_exporter(front_style);
    pdf::Layout title = front_exporter.layout(title_page(*plan, options.shard), diags);
    const std::size_t reserved =
        front_exporter.layout(contents(*plan, std::vector<int>(n, 99999), options.shard), diags)
            .pages.size();
    rename_anchors(title.pages, "front-", std::nullopt);
    pdf::PdfPageWriter writer(book_info(*plan, options.job), diags, plan->root);
    pdf::SharedFaces faces;
    std::size_t written = 0;
    auto write = [&](pdf::Page& page) {
        faces.adopt(page);
        writer.add(page);
        ++written;
    };
    for (auto& page : title.pages) {
        centre_title_page(page);
        write(page);
    }
    const pdf::Size sheet = title.pages.empty() ? pdf::Size{} : title.pages.front().size;
    const std::size_t contents_at = written;
    for (std::size_t i = 0; i < reserved; ++i) {
        pdf::Page page{sheet, {}, std::nullopt};
        // The bookmark now, so it comes before the chapters' in the outline.
        if (i == 0)
            mark(page, {{"front-contents", styles::words_for(plan->language).get("contents"), 1}});
        write(page);
    }
    auto blank_until_odd = [&](pdf::Size size) {
        if (!options.duplex || written % 2 == 0) return;
        pdf::Page blank{size, {}, std::nullopt};
        write(blank);
    };
    blank_until_odd(sheet);

    const bool by_year = plan->settings.group_by_year;
    const std::vector<epub::YearGroup> groups = year_groups_in(*plan, options.shard);
    std::size_t group = 0;
    std::vector<int> first(n, 0);
    bool ok;
    {
        ProgressBar progress("chapters", end - begin);
        ok = core::run_in_order<Exporter, Chapter>(
            end - begin, jobs, job.window(),
            [&] { return std::make_unique<pdf::PdfExporter>(chapter_style); },
            [&](Exporter& e, std::size_t k) { return job.lay_out(*e, begin + k); },
            [&](std::size_t k, Chapter&& c) {
                const std::size_t i = begin + k;
                diags.append(c.diags);
                if (c.diags.has_errors() || c.layout.pages.empty()) return !c.diags.has_errors();
                blank_until_odd(c.layout.pages.front().size);
                first[i] = static_cast<int>(written) + 1;
                std::vector<pdf::Anchor> bookmarks;
                if (by_year && group < groups.size() && groups[group].first == i) {
                    // Named by the year, not its place in the list: a part of a sharded book
                    // names it as the whole book does.
                    bookmarks.push_back({"year-" + groups[group].label, groups[group].label, 1});
                    ++group;
                }
                bookmarks.push_back(
                    {"p" + std::to_string(i), plan->posts[i].title, by_year ? 2 : 1});
                rename_anchors(c.layout.pages, "p" + std::to_string(i) + "-", by_year ? 2 : 1);
                mark(c.layout.pages.front(), std::move(bookmarks));
                for (std::size_t k = 0; k < c.layout.pages.size(); ++k)
                    front_exporter.number_page(c.layout.pages[k], static_cast<int>(written + k) + 1,
                                               diags);
                // Each chapter's tree as it is printed, so tests compare it with the model
                // and with pdftotext of its pages.
                if (options.dump_layout)
                    std::cout << "chapter " << i + 1 << " page " << first[i] << " "
                              << plan->posts[i].path << "\n"
                              << pdf::dump_layout(c.layout);
                for (auto& page : c.layout.pages) write(page);
                progress.update(k + 1);
                return true;
            });
    }
    if (!ok) return report(diags);

    pdf::Layout toc = front_exporter.layout(contents(*plan, first, options.shard), diags);
    rename_anchors(toc.pages, "front-", std::nullopt);
    for (std::size_t i = 0; i < toc.pages.size() && i < reserved; ++i) {
        faces.adopt(toc.pages[i]);
        writer.draw_on(contents_at + i, toc.pages[i]);
    }
    bool written_ok = false;
    if (output && !diags.has_errors()) {
        auto bytes = writer.finish();
        written_ok = bytes && output->write(bytes->data(), bytes->size()) && output->commit();
    }
    if (const std::size_t n_links = links.to_other_parts(); n_links > 0)
        diags.info(plan->root + "/", 0, 0,
                   std::to_string(n_links) + (n_links == 1 ? " link leads" : " links lead") +
                       " to posts in other parts of the book; the text stays, without a link");
    const int status = report(diags);
    if (written_ok) {
        std::size_t chapters = 0;
        for (int f : first) chapters += f > 0;
        print_archive_summary({options.output, plan->scanned, chapters, plan->skipped,
                               plan->images.size(), plan->read_counts});
    }
    return status;
}

}  // namespace broadside::cli
