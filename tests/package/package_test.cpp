// The installed broadside: `cmake --install build --prefix P` and then P/bin/broadside, run
// from another folder, reading the styles installed under P (checked with strace).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

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
    // A letter without SVG or GIF pictures does not pay for loading librsvg and its libraries.
    CHECK(trace.find("libbroadside-pictures.so") == std::string::npos);
    CHECK(trace.find("librsvg") == std::string::npos);

    // One with an SVG loads the picture module installed beside the program.
    CHECK(fs::is_regular_file(prefix / "lib/broadside/libbroadside-pictures.so"));
    fs::copy_file(source + "/tests/pdf/inputs/chart.svg", work / "chart.svg");
    std::ofstream(work / "figure.md") << "# Chart\n\n![A bar chart](chart.svg)\n";
    r = run_command("cd " + shell_quote(work.string()) + " && strace -f -e trace=openat -o " +
                    shell_quote((work / "trace-svg").string()) + " " +
                    shell_quote((prefix / "bin/broadside").string()) + " figure.md -o figure.pdf");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("warning") == std::string::npos);
    const std::string svg_trace = broadside::test::read_file((work / "trace-svg").string());
    CHECK(svg_trace.find(prefix.string() + "/lib/broadside/libbroadside-pictures.so") !=
          std::string::npos);
    CHECK(run_command("pdfimages -list " + shell_quote((work / "figure.pdf").string()) +
                      " | grep -c image")
              .out == "1\n");
}

namespace {

// Runs the example program built against the installed package and checks what it wrote.
void check_example_run(const fs::path& program, const fs::path& out) {
    fs::create_directories(out);
    auto r = run_command(shell_quote(program.string()) + " " +
                         shell_quote(source + "/samples/letter.md") + " " +
                         shell_quote(source + "/samples/archive") + " " +
                         shell_quote(out.string()));
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("broadside 0.") != std::string::npos);
    CHECK(run_command("qpdf --check " + shell_quote((out / "letter.pdf").string())).status == 0);
    auto text = run_command("pdftotext " + shell_quote((out / "letter.pdf").string()) + " -");
    CHECK(text.out.find("Respectfully yours,") != std::string::npos);
    auto book = run_command("unzip -p " + shell_quote((out / "posts.epub").string()) + " mimetype");
    CHECK(book.out == "application/epub+zip");
}

}  // namespace

TEST_CASE("a program builds against the installed package, with CMake and with pkg-config",
          "[package]") {
    const fs::path prefix = installed("install-library");
    const fs::path work = prefix.parent_path();
    CHECK(fs::is_regular_file(prefix / "include/broadside/broadside.hpp"));
    CHECK(fs::is_regular_file(prefix / "lib/cmake/broadside/broadsideConfig.cmake"));

    // find_package(broadside CONFIG) with the prefix on CMAKE_PREFIX_PATH.
    const fs::path build = work / "example-build";
    auto configure = run_command(
        shell_quote(BROADSIDE_CMAKE) + " -S " + shell_quote(source + "/examples/letter-service") +
        " -B " + shell_quote(build.string()) + " -DCMAKE_PREFIX_PATH=" +
        shell_quote(prefix.string()));
    INFO(configure.out + configure.err);
    REQUIRE(configure.status == 0);
    auto compile = run_command(shell_quote(BROADSIDE_CMAKE) + " --build " +
                               shell_quote(build.string()) + " -j2");
    INFO(compile.out + compile.err);
    REQUIRE(compile.status == 0);
    check_example_run(build / "letter-service", work / "out-cmake");

    // pkg-config --cflags --libs broadside, with the prefix's pkgconfig folder on the path.
    const std::string pc = "PKG_CONFIG_PATH=" + shell_quote((prefix / "lib/pkgconfig").string());
    auto direct = run_command("c++ " + shell_quote(source + "/examples/letter-service/main.cpp") +
                              " -o " + shell_quote((work / "letter-service-pc").string()) +
                              " $(" + pc + " pkg-config --cflags --libs broadside)");
    INFO(direct.out + direct.err);
    REQUIRE(direct.status == 0);
    check_example_run(work / "letter-service-pc", work / "out-pkg-config");
}

TEST_CASE("cpack makes a Debian package that holds the program, its styles and the library, "
          "and names what it needs",
          "[package]") {
    const fs::path dir = broadside::test::scratch_folder("debian-package");
    auto pack = run_command("cd " + shell_quote(BROADSIDE_BUILD_DIR) + " && " +
                            shell_quote(BROADSIDE_CPACK) + " -G DEB -B " +
                            shell_quote(dir.string()));
    INFO(pack.out + pack.err);
    REQUIRE(pack.status == 0);
    fs::path deb;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".deb") deb = e.path();
    REQUIRE_FALSE(deb.empty());
    CHECK(deb.filename().string().rfind("broadside_0.", 0) == 0);

    const std::string contents = run_command("dpkg-deb -c " + shell_quote(deb.string())).out;
    for (const char* file : {"./usr/bin/broadside", "./usr/share/broadside/styles/default.yaml",
                             "./usr/include/broadside/broadside.hpp", "/broadside.pc",
                             "/cmake/broadside/broadsideConfig.cmake", "/libbroadside_core.a",
                             "/broadside/libbroadside-pictures.so"})
        CHECK(contents.find(file) != std::string::npos);
    const std::string depends =
        run_command("dpkg-deb -f " + shell_quote(deb.string()) + " Depends").out;
    for (const char* package : {"fonts-noto-core", "fonts-noto-cjk", "hyphen-en-us", "libhpdf",
                                "libharfbuzz-subset0", "librsvg2-2", "icc-profiles-free"})
        CHECK(depends.find(package) != std::string::npos);

    // Unpacked anywhere, the program finds the styles beside it, from any folder.
    const fs::path root = dir / "root";
    REQUIRE(run_command("dpkg-deb -x " + shell_quote(deb.string()) + " " +
                        shell_quote(root.string()))
                .status == 0);
    const fs::path work = dir / "work";
    fs::create_directories(work);
    auto r = run_command("cd " + shell_quote(work.string()) + " && env -u BROADSIDE_STYLES " +
                         shell_quote((root / "usr/bin/broadside").string()) + " " +
                         shell_quote(source + "/samples/letter.md") + " -o x.pdf");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(run_command("qpdf --check " + shell_quote((work / "x.pdf").string())).status == 0);
}
