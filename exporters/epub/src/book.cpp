// Puts the pieces together: plan (pass 1), then the package, whose chapters are made on worker
// threads while libzip writes them out in spine order (pass 2).
#include "broadside/epub/book.hpp"

#include <algorithm>
#include <memory>

#include "broadside/core/parallel.hpp"
#include "broadside/core/reader.hpp"

#include "accessibility.hpp"
#include "book_plan.hpp"
#include "chapter_writer.hpp"
#include "embedded_fonts.hpp"
#include "package_docs.hpp"
#include "stylesheet.hpp"
#include "zip_package.hpp"

namespace broadside::epub {
namespace {

bool compressible(const std::string& media_type) {
    return media_type == "image/svg+xml";  // PNG, JPEG and GIF do not shrink any further
}

}  // namespace

std::optional<BookSummary> write_book(const BookOptions& options, const styles::Style& style,
                                      core::Diagnostics& diags) {
    auto plan = plan_book(options, diags);
    if (!plan || diags.has_errors()) return std::nullopt;

    BookParts parts;
    parts.cover_page = !plan->cover_href.empty();
    parts.tag_index = plan->settings.tag_index.value_or(plan->posts.size() > 1 && has_tags(*plan));
    EmbeddedFonts fonts = embed_fonts(*plan, options.embed_fonts, style, diags);
    for (const auto& f : fonts.files) parts.fonts.push_back(f.item);

    ZipPackage zip(options.output, diags);
    if (!zip.ok()) return std::nullopt;
    zip.add_stored("mimetype", "application/epub+zip");
    zip.add_text("META-INF/container.xml", container_xml());
    zip.add_text("EPUB/package.opf", package_opf(*plan, parts));
    zip.add_text("EPUB/nav.xhtml", nav_xhtml(*plan, parts));
    zip.add_text("EPUB/toc.ncx", toc_ncx(*plan, parts));
    std::vector<std::string> languages = chapter_languages(*plan);
    for (auto& tag : passage_languages(plan->scripts))
        if (std::find(languages.begin(), languages.end(), tag) == languages.end())
            languages.push_back(std::move(tag));
    zip.add_text("EPUB/styles/book.css", book_stylesheet(style, fonts.faces, languages));
    if (parts.cover_page) zip.add_text("EPUB/cover.xhtml", cover_page(*plan));
    zip.add_text("EPUB/title.xhtml", title_page(*plan));

    const std::size_t count = plan->posts.size();
    std::vector<core::Diagnostics> chapter_diags(count);
    const unsigned workers = core::worker_count(options.job.jobs, count);
    struct NoState {};  // a chapter needs nothing kept between the items of a worker
    auto make = [&](NoState&, std::size_t i) -> std::optional<std::string> {
        // Each item belongs to one worker, so taking the cached model needs no lock.
        if (auto model = std::move(plan->posts[i].model)) {
            return write_chapter(*model, *plan, i, chapter_diags[i]);
        }
        core::Diagnostics ignored;  // the first pass reported the reader's warnings already
        auto doc = core::read_document_file(plan->posts[i].path, ignored, plan->resources->limits(),
                                            plan->site ? &*plan->site : nullptr);
        if (!doc) {
            chapter_diags[i].error(plan->posts[i].path, 0, 0,
                                   "the post changed while the book was made");
            return std::nullopt;
        }
        return write_chapter(*doc, *plan, i, chapter_diags[i]);
    };
    using Chapters = core::OrderedWork<NoState, std::optional<std::string>>;
    auto pipeline = std::make_unique<Chapters>(
        count, workers, 4 * workers, [] { return NoState{}; }, make);
    Chapters* chapters = pipeline.get();
    for (std::size_t i = 0; i < count; ++i) {
        zip.add_generated("EPUB/chapters/" + plan->posts[i].file,
                          [&, i, chapters](std::string& out) {
                              auto chapter = chapters->take(i);
                              if (options.job.progress)
                                  options.job.progress("writing", i + 1, count);
                              if (!chapter) return false;
                              out = std::move(*chapter);
                              return true;
                          });
    }
    if (parts.tag_index) zip.add_text("EPUB/tags.xhtml", tag_index_page(*plan));
    for (const auto& [href, image] : plan->images) {
        if (image.content.empty())
            zip.add_file("EPUB/" + href, image.source, compressible(image.media_type));
        else
            zip.add_text("EPUB/" + href, image.content);
        if (!image.fallback_href.empty())
            zip.add_text("EPUB/" + image.fallback_href, fallback_svg(image));
    }

    for (auto& f : fonts.files) zip.add_text("EPUB/" + f.item.href, std::move(f.data));

    const bool written = zip.close();
    pipeline.reset();  // joins the workers before what they use goes away
    for (const auto& d : chapter_diags) diags.append(d);
    if (auto gaps = conformance_gaps(*plan); !gaps.empty()) {
        std::string reasons;
        for (const auto& g : gaps) reasons += (reasons.empty() ? "" : "; ") + g;
        diags.warning({}, 0, 0,
                      "the book does not claim EPUB Accessibility 1.1 conformance: " + reasons,
                      "fix what the warnings above name; name who checked the book with "
                      "certified-by: in broadside.yaml");
    }
    if (plan->skipped > 0) {
        diags.warning({}, 0, 0,
                      std::to_string(plan->skipped) + " of " + std::to_string(plan->scanned) +
                          " posts were left out because of the errors above",
                      "fix them, or use --strict to stop at the first broken post");
    }
    // Only a book without errors replaces what is at the path; otherwise the package removes
    // its temporary file and an older book stays.
    if (!written || diags.has_errors() || !zip.commit()) return std::nullopt;
    return BookSummary{count,         plan->images.size(), fonts.files.size(),
                       plan->scanned, plan->skipped,       plan->read_counts};
}

}  // namespace broadside::epub
