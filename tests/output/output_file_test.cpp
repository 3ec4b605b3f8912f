// core::OutputFile directly: nothing at the destination changes before commit(), a dropped
// file leaves nothing, and failures are one message with a reason and a hint. And
// core::StagingFolder: made on first use, removed when done, one left by a killed run removed
// by the next, and one that a running program holds kept.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "broadside/core/output_file.hpp"
#include "broadside/core/staging_folder.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using broadside::core::Diagnostics;
using broadside::core::OutputFile;
using broadside::core::StagingFolder;
using broadside::test::read_file;
using broadside::test::scratch_folder;

namespace {

std::vector<std::string> names_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

/// What a run killed by SIGKILL leaves: the folder, its lock file (no longer locked) and a
/// parked letter.
fs::path stale_folder(const fs::path& dir, const std::string& suffix) {
    const fs::path stale = dir / (".broadside-staging." + suffix);
    fs::create_directories(stale);
    std::ofstream(stale / "lock") << "";
    std::ofstream(stale / ".r300.pdf.AbCdEf") << "a parked letter";
    return stale;
}

}  // namespace

TEST_CASE("an output file replaces the old one only at commit, with the usual permissions") {
    const fs::path dir = scratch_folder("commit");
    const fs::path target = dir / "out.pdf";
    write_text(target, "old");
    Diagnostics diags;
    {
        OutputFile file(target.string(), diags);
        REQUIRE(file.ok());
        REQUIRE(file.write("new bytes", 9));
        CHECK(read_file(target.string()) == "old");
        CHECK(names_in(dir) == std::vector<std::string>{"out.pdf"});  // unnamed until commit
        REQUIRE(file.commit());
    }
    CHECK(diags.empty());
    CHECK(read_file(target.string()) == "new bytes");
    CHECK(names_in(dir) == std::vector<std::string>{"out.pdf"});
    const mode_t mask = ::umask(0);
    ::umask(mask);
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == (0666 & ~mask));
}

TEST_CASE("an output file that is not committed leaves nothing, and the old file as it was") {
    const fs::path dir = scratch_folder("dropped");
    write_text(dir / "old.pdf", "old");
    Diagnostics diags;
    {
        OutputFile fresh((dir / "new.pdf").string(), diags);
        OutputFile replacing((dir / "old.pdf").string(), diags);
        REQUIRE(fresh.write("x", 1));
        REQUIRE(replacing.write("y", 1));
        REQUIRE(replacing.park());  // a named temporary file, which must go too
        CHECK(names_in(dir).size() == 2);
    }
    CHECK(diags.empty());
    CHECK(names_in(dir) == std::vector<std::string>{"old.pdf"});
    CHECK(read_file((dir / "old.pdf").string()) == "old");
}

TEST_CASE("a parked output file keeps its bytes under a hidden name until commit") {
    const fs::path dir = scratch_folder("parked");
    // Near NAME_MAX: the hidden name must still fit.
    const std::string name = std::string(240, 'n') + ".pdf";
    Diagnostics diags;
    OutputFile file((dir / name).string(), diags);
    REQUIRE(file.write("abc", 3));
    REQUIRE(file.park());
    auto names = names_in(dir);
    REQUIRE(names.size() == 1);
    CHECK(names[0][0] == '.');
    CHECK_FALSE(file.write("more", 4));  // nothing is written once parked
    CHECK(diags.has_errors());
    Diagnostics more;
    OutputFile again((dir / name).string(), more);
    REQUIRE(again.write("abc", 3));
    REQUIRE(again.park());
    REQUIRE(again.commit());
    CHECK(names_in(dir) == std::vector<std::string>{name});
    CHECK(read_file((dir / name).string()) == "abc");
    CHECK(more.empty());
}

TEST_CASE("an output file in a missing folder: one error naming it, with a hint") {
    const fs::path dir = scratch_folder("missing");
    const std::string target = (dir / "no-such-folder" / "out.pdf").string();
    Diagnostics diags;
    OutputFile file(target, diags);
    CHECK_FALSE(file.ok());
    CHECK_FALSE(file.write("x", 1));
    CHECK_FALSE(file.commit());
    REQUIRE(diags.items().size() == 1);
    CHECK(broadside::core::format_diagnostic(diags.items()[0]) ==
          target +
              ": error: cannot write the output file: No such file or directory\n"
              "  hint: check that the folder exists and is writable");
    CHECK(names_in(dir).empty());
}

TEST_CASE("an output file whose name is a folder fails at commit and leaves the folder alone") {
    const fs::path dir = scratch_folder("folder");
    fs::create_directories(dir / "out.pdf" / "inside");
    Diagnostics diags;
    OutputFile file((dir / "out.pdf").string(), diags);
    REQUIRE(file.write("x", 1));
    CHECK_FALSE(file.commit());
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message == "cannot write the output file: Is a directory");
    CHECK(names_in(dir) == std::vector<std::string>{"out.pdf"});
    CHECK(fs::is_directory(dir / "out.pdf" / "inside"));
}

TEST_CASE("a staging folder is made on first use and removed with its files when done") {
    const fs::path dir = scratch_folder("staging-used");
    Diagnostics diags;
    {
        StagingFolder staging(dir.string());
        CHECK(names_in(dir).empty());  // nothing until a file needs a name
        OutputFile file((dir / "r1.pdf").string(), diags, &staging);
        REQUIRE(file.write("letter 1", 8));
        REQUIRE(file.park());
        const auto names = names_in(dir);
        REQUIRE(names.size() == 1);
        CHECK(names[0].rfind(".broadside-staging.", 0) == 0);
        CHECK(names_in(dir / names[0]).size() == 2);  // the lock and the parked letter
        REQUIRE(file.commit());
        staging.remove();
        CHECK(names_in(dir) == std::vector<std::string>{"r1.pdf"});
    }
    CHECK(diags.empty());
    CHECK(read_file((dir / "r1.pdf").string()) == "letter 1");
}

TEST_CASE("a staging folder left by a killed run goes, one a running program holds stays") {
    const fs::path dir = scratch_folder("staging-stale");
    const fs::path stale = stale_folder(dir, "dead01");
    fs::create_directories(dir / ".broadside-staging.nolock");  // killed before its lock
    std::ofstream(dir / "kept.pdf") << "an output";

    StagingFolder live(dir.string());
    CHECK(names_in(dir) == std::vector<std::string>{"kept.pdf"});
    REQUIRE_FALSE(live.path().empty());

    // A second job into the same folder while the first still stages there.
    const fs::path again = stale_folder(dir, "dead02");
    StagingFolder second(dir.string());
    CHECK_FALSE(fs::exists(again));
    CHECK(fs::is_directory(live.path()));
    CHECK(fs::exists(fs::path(live.path()) / "lock"));
    CHECK(read_file((dir / "kept.pdf").string()) == "an output");
}
