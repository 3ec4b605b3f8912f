#include "archive_summary.hpp"

#include <unistd.h>

#include <iostream>

#include "commands.hpp"

namespace broadside::cli {
namespace {

struct Kinds {
    std::size_t missing = 0, remote = 0, unusable = 0, html = 0, tags = 0, links = 0;
};

// Counted by the messages' codes (core::diagnostic_code), which are the messages' own words.
Kinds count_kinds() {
    Kinds k;
    for (const auto& d : printed_diagnostics()) {
        const std::string code = core::diagnostic_code(d);
        const bool image = code.starts_with("image") && !code.starts_with("image-has-no-alt");
        if (image && code.find("not-found") != std::string::npos)
            ++k.missing;
        else if (image && code.find("is-remote") != std::string::npos)
            ++k.remote;
        else if (image)
            ++k.unusable;
        else if (d.message.starts_with("<") && code.ends_with("is-left-out"))
            ++k.html;
        else if (code.starts_with("liquid-tag") || code.starts_with("hugo-shortcode"))
            ++k.tags;
        else if (code.starts_with("link") || code.starts_with("the-link-to"))
            ++k.links;
    }
    return k;
}

}  // namespace

void print_archive_summary(const ArchiveCounts& c) {
    bool problems = false;
    for (const auto& d : printed_diagnostics()) problems |= d.severity != core::Severity::info;
    if (!problems && !isatty(STDERR_FILENO)) return;
    const Kinds k = count_kinds();
    const std::size_t drafts = c.posts_read - c.chapters - c.skipped;
    std::cerr << "summary of " << c.output << ":\n"
              << "  posts:         " << c.posts_read << " read, " << c.chapters
              << " in the book; left out: " << drafts << " as drafts, " << c.skipped
              << " for errors\n"
              << "  images:        " << c.images << " in the book, " << k.missing << " missing, "
              << k.remote << " remote (not fetched), " << k.unusable << " unusable\n"
              << "  raw HTML:      " << c.read.html_pieces << " blocks and tags translated, "
              << k.html << " elements left out (scripts, styles, forms…)\n"
              << "  template tags: " << c.read.template_tags - c.read.template_tags_left_out
              << " resolved, " << k.tags << " not run\n"
              << "  links:         " << k.links << " lead nowhere\n";
    if (problems) std::cerr << "  every message as JSON: --report FILE.json\n";
}

}  // namespace broadside::cli
