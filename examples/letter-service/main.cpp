// letter-service LETTER.md POSTS OUT_FOLDER: what a web form or a batch job behind one does with
// broadside's library: the letter as a PDF, the posts as an ePub book, and a line per message.
#include <broadside/broadside.hpp>

#include <fstream>
#include <iostream>

namespace {

bool save(const std::optional<std::vector<std::uint8_t>>& bytes, const std::string& path) {
    if (!bytes) return false;
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes->data()),
              static_cast<std::streamsize>(bytes->size()));
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: letter-service LETTER.md POSTS OUT_FOLDER\n";
        return 2;
    }
    const std::string out = argv[3];
    broadside::core::Diagnostics diags;
    auto letter = broadside::read_file(argv[1], diags);
    auto letter_style = letter ? broadside::style_for(*letter, diags) : std::nullopt;
    auto book_style = broadside::load_style("default", diags);
    bool ok = letter && letter_style && book_style &&
              save(broadside::render_pdf(*letter, *letter_style, diags), out + "/letter.pdf") &&
              save(broadside::render_epub({argv[2]}, *book_style, diags), out + "/posts.epub");
    for (const auto& d : diags.items()) std::cerr << broadside::core::format_diagnostic(d) << "\n";
    std::cout << "broadside " << broadside::version() << (ok ? ": done\n" : ": failed\n");
    return ok ? 0 : 1;
}
