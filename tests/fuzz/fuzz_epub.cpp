// Fuzz target: documents → ePub book (chapters, navigation, stylesheet, zip packaging).
// write_book reads posts from files and writes the book to a file, so the input is split at
// form feeds (\f) into up to four posts in a scratch folder. Options byte: bit 0 makes the
// first part the collection file `broadside.yaml` instead of a post; bit 1 keeps drafts;
// bit 2 embeds fonts; bit 3 is strict mode (a broken post stops the book).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "broadside/epub/book.hpp"
#include "broadside/styles/style.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace broadside;
    std::uint8_t options = fuzz::take_options(data, size);
    static const styles::Style style = [] {
        core::Diagnostics diags;
        return styles::load_style("default", diags).value_or(styles::Style{});
    }();
    const auto dir = fuzz::scratch_folder("epub");
    const auto posts = dir / "posts";
    std::filesystem::create_directories(posts);

    std::string_view rest(reinterpret_cast<const char*>(data), size);
    bool collection = options & 1;
    for (int part = 0; part < 4 && (part == 0 || !rest.empty()); ++part) {
        std::size_t cut = part == 3 ? rest.npos : rest.find('\f');
        std::string_view text = rest.substr(0, cut);
        rest = cut == rest.npos ? std::string_view() : rest.substr(cut + 1);
        if (part == 0 && collection)
            fuzz::write_file(posts / "broadside.yaml", text);
        else
            fuzz::write_file(posts / ("2024-01-0" + std::to_string(part + 1) + "-post.md"), text);
    }

    epub::BookOptions book;
    book.inputs = {posts.string()};
    book.output = (dir / "book.epub").string();
    book.include_drafts = options & 2;
    book.embed_fonts = (options & 4) != 0;
    book.strict = options & 8;
    book.job.source_date_epoch = 0;
    book.job.jobs = 1;
    core::Diagnostics diags;
    auto summary = epub::write_book(book, style, diags);
    (void)summary;
    return 0;
}
