#include "broadside/core/reader.hpp"

#include <filesystem>

#include "broadside/core/input_file.hpp"
#include "broadside/core/utf8.hpp"
#include "front_matter.hpp"
#include "markdown_reader.hpp"
#include "mdx.hpp"
#include "site_templates.hpp"

namespace broadside::core {
namespace {

namespace fs = std::filesystem;

// Jekyll names posts `YYYY-MM-DD-slug.md`; that date stands in when front matter has none.
std::optional<Date> date_from_file_name(const std::string& path) {
    auto prefix = file_name_date_prefix(fs::path(path).filename().string());
    if (!prefix) return std::nullopt;
    return prefix->first;
}

void report_bad_utf8(const std::vector<Utf8Problem>& problems, const std::string& path,
                     Diagnostics& diags) {
    constexpr std::size_t shown = 5;  // a binary file would otherwise give thousands of lines
    for (std::size_t i = 0; i < problems.size() && i < shown; ++i)
        diags.warning(path, problems[i].line, problems[i].column,
                      "invalid UTF-8; replaced with U+FFFD",
                      i == 0 ? "save the file as UTF-8" : "");
    if (problems.size() > shown)
        diags.warning(path, problems[shown].line, problems[shown].column,
                      "invalid UTF-8 on " + std::to_string(problems.size() - shown) +
                          " more lines; replaced with U+FFFD");
}

}  // namespace

std::optional<Document> read_document_text(std::string_view bytes, const std::string& path,
                                           Diagnostics& diags, const Limits& limits,
                                           const Site* site) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diags.error(path, 0, 0, "the file is empty", "write some Markdown into it");
        return std::nullopt;
    }
    std::vector<Utf8Problem> utf8_problems;
    std::string text = sanitize_utf8(bytes, utf8_problems);
    report_bad_utf8(utf8_problems, path, diags);

    auto split = split_front_matter(text, path, diags);
    if (!split) return std::nullopt;
    auto meta = parse_front_matter(*split, path, diags);
    if (!meta) return std::nullopt;

    Document doc;
    doc.source_path = path;
    doc.meta = std::move(*meta);
    doc.meta.file_name_date = date_from_file_name(path);
    Diagnostics body_diags;  // the caller's may hold errors from other files already
    const std::string markdown = is_mdx(path)
                                     ? strip_mdx(split->body, split->body_first_line, path, diags)
                                     : std::string(split->body);
    const std::string body =
        expand_site_templates(markdown, split->body_first_line, doc.meta, path, diags,
                              doc.read_counts, site);
    doc.blocks =
        parse_markdown(body, split->body_first_line, path, limits, body_diags, doc.read_counts);
    diags.append(body_diags);
    if (body_diags.has_errors()) return std::nullopt;
    return doc;
}

std::optional<Document> read_document_file(const std::string& path, Diagnostics& diags,
                                           const Limits& limits, const Site* site) {
    std::error_code ec;  // a name too long for the OS is "no such file" below, not a throw
    if (fs::is_directory(path, ec)) {
        diags.error(path, 0, 0, "is a folder, not a Markdown file",
                    "to make a book of a folder of posts, give an .epub output: -o book.epub");
        return std::nullopt;
    }
    auto bytes = read_input_file(path, limits.max_file_bytes, "Markdown file", diags);
    if (!bytes) return std::nullopt;
    return read_document_text(*bytes, path, diags, limits, site);
}

}  // namespace broadside::core
