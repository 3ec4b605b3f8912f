// The installed broadside: `cmake --install build --prefix P` and then P/bin/broadside, run
// from another folder, reading the styles installed under P (checked with strace).
#include <catch2/catch.hpp>

#include <filesystem>

#include "run_command.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using broadside::test::run_command;
using broadside::test::shell_quote;

namespace {

const std::string source = BROADSIDE_SOURCE_DIR;

// A fresh prefix holding what `cmake --install` puts there.
fs::path installed(const std::string& name) {
    const fs::path prefix = broadside::test::scratch_folder(name) / "prefix";
    auto r = run_command(shell_quote(BROADSIDE_CMAKE) + " --install " +
                         shell_quote(BROADSIDE_BUILD_DIR) + " --prefix " +
                         shell_quote(prefix.string()));
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    return prefix;
}

}  // namespace

TEST_CASE("the installed program works from any folder with the styles installed beside it",
          "[package]") {
    const fs::path prefix = installed("install-program");
    CHECK(fs::is_regular_file(prefix / "bin/broadside"));
    CHECK(fs::is_regular_file(prefix / "share/broadside/styles/default.yaml"));
    CHECK(fs::is_regular_file(prefix / "share/broadside/styles/words/de.yaml"));
    CHECK(fs::is_regular_file(prefix / "share/broadside/styles/services/lob.yaml"));
    CHECK_FALSE(fs::exists(prefix / "share/broadside/styles/src"));

    const fs::path work = prefix.parent_path() / "work";
    fs::create_directories(work);
    fs::copy_file(source + "/samples/letter.md", work / "letter.md");
    auto r = run_command("cd " + shell_quote(work.string()) + " && strace -f -e trace=openat -o " +
                         shell_quote((work / "trace").string()) + " env -u BROADSIDE_STYLES " +
                         shell_quote((prefix / "bin/broadside").string()) +
                         " letter.md -o letter.pdf");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(run_command("qpdf --check " + shell_quote((work / "letter.pdf").string())).status == 0);
    const std::string trace = broadside::test::read_file((work / "trace").string());
    CHECK(trace.find(prefix.string() + "/share/broadside/styles/default.yaml") !=
          std::string::npos);
    CHECK(trace.find(source + "/styles/") == std::string::npos);
}
