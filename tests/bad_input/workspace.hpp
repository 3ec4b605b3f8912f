// The bad-input tests' workspace: a fresh folder per test with doc/, out/ and secret/, the real
// program run on it, and the two outcomes every row of the matrix checks (refused or warned).
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace broadside::test::bad_input {

namespace fs = std::filesystem;

inline const std::string source_dir = BROADSIDE_SOURCE_DIR;
inline const std::string old_output = "an older output that a failed run must keep";

inline bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

/// A fresh folder per test (scratch_folder) with `doc/` for inputs and `out/` for the output;
/// `secret/` beside `doc/` stands for everything outside the input folder.
class Workspace {
  public:
    explicit Workspace(const std::string& name) : root_(scratch_folder(name)) {
        fs::create_directories(root_ / "doc");
        fs::create_directories(root_ / "out");
        fs::create_directories(root_ / "secret");
    }

    std::string path(const std::string& relative) const { return (root_ / relative).string(); }

    void write(const std::string& relative, const std::string& bytes) const {
        std::ofstream(root_ / relative, std::ios::binary) << bytes;
    }

    void copy_fixture(const std::string& fixture, const std::string& relative) const {
        fs::copy_file(source_dir + "/" + fixture, root_ / relative,
                      fs::copy_options::overwrite_existing);
    }

    /// Runs broadside with `args` (already quoted where needed) and returns what it said.
    CommandResult run(const std::string& args) const {
        return run_command(shell_quote(BROADSIDE_BINARY) + " " + args);
    }

    /// The names in `out/`, hidden temporary files included.
    std::set<std::string> outputs() const {
        std::set<std::string> names;
        for (const auto& e : fs::directory_iterator(root_ / "out"))
            names.insert(e.path().filename().string());
        return names;
    }

  private:
    fs::path root_;
};

/// A run that must fail: exit 1, `message` on stderr, and `out/` exactly as it was (an older
/// output kept, no temporary file).
inline void require_refused(const Workspace& w, const std::string& args, const std::string& output,
                            const std::string& message) {
    w.write("out/" + output, old_output);
    CommandResult r = w.run(args);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(contains(r.err, message));
    CHECK(w.outputs() == std::set<std::string>{output});
    CHECK(read_file(w.path("out/" + output)) == old_output);
}

/// A run that must warn and still write the whole output: exit 0, `message` on stderr, one
/// new file in `out/`.
inline CommandResult require_warned(const Workspace& w, const std::string& args,
                                    const std::string& output, const std::string& message) {
    CommandResult r = w.run(args);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(contains(r.err, message));
    CHECK(w.outputs() == std::set<std::string>{output});
    return r;
}

inline std::string pdf_job(const Workspace& w, const std::string& extra = "") {
    return shell_quote(w.path("doc/post.md")) + " -o " + shell_quote(w.path("out/post.pdf")) +
           (extra.empty() ? "" : " " + extra);
}

inline std::string epub_job(const Workspace& w, const std::string& extra = "") {
    return shell_quote(w.path("doc")) + " -o " + shell_quote(w.path("out/book.epub")) +
           (extra.empty() ? "" : " " + extra);
}

inline const std::string front = "---\ntitle: A post\ndate: 2024-05-01\n---\n\n";

inline std::string image_post(const std::string& image) {
    return front + "Before the image.\n\n![the chart](" + image + ")\n\nAfter the image.\n";
}

/// The text of every chapter in an ePub, to check what reached the book.
inline std::string book_chapters(const Workspace& w) {
    return run_command("unzip -p " + shell_quote(w.path("out/book.epub")) + " 'EPUB/chapters/*'")
        .out;
}

}  // namespace broadside::test::bad_input
