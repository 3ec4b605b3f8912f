// The install audit: everything the program and the tests use on this machine must come from a
// Debian package that the README's set-up command installs, so that a fresh machine set up
// with that one command passes the suite. A package installed here by hand hides a missing
// install step from every other test; this one names it.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "broadside/core/diagnostics.hpp"
#include "broadside/fonts/catalog.hpp"
#include "broadside/fonts/face.hpp"
#include "broadside/styles/style.hpp"
#include "debian_packages.hpp"
#include "run_command.hpp"

using namespace broadside::test;
namespace fs = std::filesystem;

namespace {

const std::string source_dir = BROADSIDE_SOURCE_DIR;

/// What needs each package: "X (needed by Y)" lines, in the order they were found.
using Needs = std::map<std::string, std::vector<std::string>>;

void add_need(Needs& needs, const std::string& package, const std::string& what) {
    auto& list = needs[package];
    if (std::find(list.begin(), list.end(), what) == list.end()) list.push_back(what);
}

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    return s;
}

std::string joined(const std::vector<std::string>& items, std::size_t at_most) {
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < at_most; ++i)
        text += (i == 0 ? "" : "; ") + items[i];
    if (items.size() > at_most) text += "; and " + std::to_string(items.size() - at_most) + " more";
    return text;
}

/// Prints every needed package, and fails once for each one the README's set-up command does
/// not install (neither names nor pulls in through a dependency).
void check_readme_installs(const Needs& needs, const std::string& title) {
    const auto named = readme_packages(read_file(source_dir + "/README.md"));
    REQUIRE_FALSE(named.empty());
    const auto installed = installed_by(named);
    std::cout << title << ":\n";
    for (const auto& [package, needed_for] : needs) {
        const bool is_named = std::find(named.begin(), named.end(), package) != named.end();
        const bool is_installed = installed.contains(package);
        std::cout << "  " << package
                  << (is_named       ? ""
                      : is_installed ? " (through a dependency or the base system)"
                                     : " (NOT INSTALLED BY THE README)")
                  << ": " << joined(needed_for, 2) << "\n";
        if (!is_installed)
            FAIL_CHECK(package + ": provides " + joined(needed_for, 3) +
                       " but the README's set-up command does not install it");
    }
}

/// A folder of its own under /tmp, so that two runs of the suite never share one.
struct TempDir {
    std::string path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "broadside-audit-XXXXXX").string();
        path = mkdtemp(pattern.data()) ? pattern : "";
        REQUIRE_FALSE(path.empty());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

/// One run of the program: its command line as the README writes it, and its arguments.
struct Run {
    std::string label;
    std::vector<std::string> args;
};

/// The program runs the audit traces: the README's set-up command's (the samples), then the
/// suite's fixtures in every script and both formats. Outputs (`out/…`) go to `out_dir`.
std::vector<Run> audited_runs(const std::string& out_dir) {
    auto commands = readme_program_runs(read_file(source_dir + "/README.md"));
    REQUIRE(commands.size() >= 3);
    // The suite's fixtures: text in every script, the seed post, a book of test posts, and a
    // post with every element (code in a monospace font, tables, images) as a PDF.
    const std::pair<const char*, const char*> fixtures[] = {
        {"tests/pdf/scripts.md", "scripts.pdf"},
        {"tests/pdf/scripts.md", "scripts.epub"},
        {"tests/seed/000_76c02472bb265b5b.txt", "seed.pdf"},
        {"tests/seed/000_76c02472bb265b5b.txt", "seed.epub"},
        {"tests/epub/data/archive", "archive.epub"},
        {"tests/epub/data/archive/2024-02-20-every-element.md", "every-element.pdf"},
    };
    for (const auto& [input, output] : fixtures)
        commands.push_back({"./build/cli/broadside", input, "-o", std::string("out/") + output});
    std::vector<Run> runs;
    for (auto& words : commands) {
        Run run;
        for (const auto& word : words) run.label += (run.label.empty() ? "" : " ") + word;
        words.front() = BROADSIDE_BINARY;
        for (auto& word : words)
            if (word.starts_with("out/")) word = out_dir + word.substr(3);
        run.args = std::move(words);
        runs.push_back(std::move(run));
    }
    return runs;
}

/// The file named by one line of strace's output (`openat(AT_FDCWD, "/usr/…", …) = 3`).
std::string traced_path(const std::string& line) {
    std::size_t open = line.find('"');
    std::size_t close = open == std::string::npos ? open : line.find('"', open + 1);
    return close == std::string::npos ? "" : line.substr(open + 1, close - open - 1);
}

/// Whether a file the program opened is system data that a package must provide: not its
/// inputs, outputs or build, not the kernel's files, not a cache.
bool is_system_file(const std::string& path, const std::string& temp_dir) {
    if (!path.starts_with("/") || path.starts_with(source_dir + "/") ||
        path.starts_with(temp_dir + "/") || path == BROADSIDE_BINARY)
        return false;
    // fontconfig reads every configuration file the installed font packages put in its
    // folders, needed or not; the font files it leads to are traced on their own.
    for (const char* skipped : {"/proc/", "/sys/", "/dev/", "/var/cache/fontconfig/", "/etc/fonts/",
                                "/usr/share/fontconfig/"})
        if (path.starts_with(skipped)) return false;
    if (const char* home = std::getenv("HOME"); home && path.starts_with(std::string(home) + "/"))
        return false;  // fontconfig's cache in ~/.cache
    std::error_code ec;
    return !fs::is_directory(path, ec);
}

/// The programs the tests run, each with the file that runs it: the first word of each shell
/// command in the tests' sources (`run_command("pdftotext …")`), what their CMake files look
/// for (`find_program(VAR name …)`), and the build tools CMake found.
std::map<std::string, std::string> test_programs() {
    std::map<std::string, std::string> programs;
    std::istringstream tools(BROADSIDE_BUILD_TOOLS);  // '|'-separated paths
    for (std::string tool; std::getline(tools, tool, '|');)
        if (!tool.empty()) programs.emplace(tool, "the build (CMake)");
    for (const auto& entry : fs::recursive_directory_iterator(source_dir + "/tests")) {
        const std::string ext = entry.path().extension().string();
        const std::string name = entry.path().filename().string();
        const std::string where = fs::relative(entry.path(), source_dir).string();
        const std::string text = read_file(entry.path().string());
        if (ext == ".cpp" || ext == ".hpp") {
            for (std::size_t at = 0; (at = text.find("run_command(", at)) != std::string::npos;) {
                at += 12;
                if (text.compare(at, 12, "std::string(") == 0) at += 12;
                if (text[at] != '"') continue;
                std::size_t end = text.find_first_of(" \"", at + 1);
                std::string word = text.substr(at + 1, end - at - 1);
                // A program's name; NAME=value sets a variable and runs none.
                if (!word.empty() &&
                    word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789._+-/") == std::string::npos)
                    programs.emplace(word, where);
            }
        } else if (name == "CMakeLists.txt") {
            for (std::size_t at = 0; (at = text.find("find_program(", at)) != std::string::npos;) {
                at += 13;
                std::istringstream args(text.substr(at, text.find(')', at) - at));
                std::string variable, program;
                if (args >> variable >> program) programs.emplace(program, where);
            }
        }
    }
    return programs;
}

/// Data files the tests name themselves (`/usr/share/java/epubcheck.jar`), with the file that
/// names each.
std::map<std::string, std::string> test_data_files() {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(source_dir + "/tests")) {
        const std::string ext = entry.path().extension().string();
        if (ext != ".cpp" && ext != ".hpp") continue;
        const std::string text = read_file(entry.path().string());
        for (std::size_t at = 0; (at = text.find("\"/usr/share/", at)) != std::string::npos;) {
            std::size_t end = text.find('"', at + 1);
            std::string file = text.substr(at + 1, end - at - 1);
            if (!file.ends_with("/"))  // a folder, as this file's own filters name them
                files.emplace(file, fs::relative(entry.path(), source_dir).string());
            at = end;
        }
    }
    return files;
}

/// What `command -v` says of `program` on PATH (or on Debian's own PATH): its path, its own
/// name for a shell builtin (`cd`), nothing when it is not there.
std::string program_path(const std::string& program, bool debian_path) {
    return trimmed(
        run_command(std::string(debian_path ? "PATH=/usr/sbin:/usr/bin:/sbin:/bin " : "") +
                    "command -v " + shell_quote(program))
            .out);
}

}  // namespace

TEST_CASE("every system file the program reads comes from a package the README installs",
          "[install_audit]") {
    TempDir temp;
    const std::string trace_dir = temp.path + "/trace";
    fs::create_directories(trace_dir);
    fs::create_directories(temp.path + "/out");
    std::map<std::string, std::string> opened_by;  // system file → the run that opened it first
    int run_number = 0;
    for (const auto& run : audited_runs(temp.path + "/out")) {
        std::string command;
        for (const auto& arg : run.args) command += " " + shell_quote(arg);
        // -ff: one file per process and thread, so no line is split by another thread's.
        const std::string prefix = std::to_string(++run_number);
        auto r = run_command("cd " + shell_quote(source_dir) +
                             " && strace -f -ff -qq -z -e trace=openat,open,execve -o " +
                             shell_quote(trace_dir + "/" + prefix) + command);
        INFO(run.label << "\n" << r.err);
        REQUIRE(r.status == 0);
        for (const auto& entry : fs::directory_iterator(trace_dir)) {
            if (!entry.path().filename().string().starts_with(prefix + ".")) continue;
            std::istringstream lines(read_file(entry.path().string()));
            for (std::string line; std::getline(lines, line);) {
                std::string path = traced_path(line);
                if (is_system_file(path, temp.path)) opened_by.emplace(path, run.label);
            }
        }
    }
    REQUIRE_FALSE(opened_by.empty());

    std::vector<std::string> paths;
    for (const auto& [path, run] : opened_by) paths.push_back(path);
    const auto owners = owning_packages(paths);
    Needs needs;
    for (const auto& [path, run] : opened_by) {
        auto owner = owners.find(path);
        if (owner != owners.end()) {
            add_need(needs, owner->second, path + " (opened by " + run + ")");
        } else if (path.starts_with("/etc/")) {
            std::cout << "machine configuration, from no package: " << path << "\n";
        } else {
            FAIL_CHECK(path + " (opened by " + run +
                       ") comes from no Debian package; a fresh machine does not have it");
        }
    }
    check_readme_installs(needs, "packages whose files the program opens");
}

TEST_CASE("every program and data file the tests use comes from a package the README installs",
          "[install_audit]") {
    struct Used {
        std::string what;     ///< what uses the file, for the messages
        std::string program;  ///< the name it is run by; empty for a data file
    };
    std::map<std::string, Used> used;  // file → who uses it
    for (const auto& [program, where] : test_programs()) {
        std::string path = program_path(program, false);
        if (!path.empty() && !path.starts_with("/")) continue;  // a shell builtin
        used[path.empty() ? program : path] = {"`" + program + "`, run by " + where, program};
    }
    for (const auto& [file, where] : test_data_files()) used[file] = {"named in " + where, ""};

    std::vector<std::string> paths;
    for (const auto& [path, use] : used) paths.push_back(path);
    const auto owners = owning_packages(paths);
    Needs needs;
    for (const auto& [path, use] : used) {
        if (auto owner = owners.find(path); owner != owners.end()) {
            add_need(needs, owner->second, path + " (" + use.what + ")");
            continue;
        }
        // A program put first on PATH by hand (a pyenv shim): a fresh machine runs Debian's,
        // so Debian's must be installed.
        const std::string debian = use.program.empty() ? "" : program_path(use.program, true);
        const auto debian_owner = debian.starts_with("/") ? owning_packages({debian})
                                                          : std::map<std::string, std::string>{};
        if (debian_owner.contains(debian)) {
            std::cout << "note: " << use.program << " runs " << path
                      << " here, which no package ships; a fresh machine runs " << debian << "\n";
            add_need(needs, debian_owner.at(debian), debian + " (" + use.what + ")");
        } else {
            FAIL_CHECK(path + " (" + use.what +
                       ") is not installed or comes from no Debian package; add its package "
                       "to the README's set-up command");
        }
    }
    check_readme_installs(needs, "packages of the programs and files the tests use");
}

TEST_CASE("every font family the catalog and the styles name is installed as that family",
          "[install_audit]") {
    using namespace broadside;
    // Who names each family: the built-in chains, then the preset styles' `fonts:` sections.
    std::map<std::string, std::vector<std::string>> named_by;
    for (const auto& [family, chains] : fonts::Catalog::chain_families()) {
        std::string text;
        for (const auto& chain : chains) text += (text.empty() ? "the chains " : ", ") + chain;
        named_by[family].push_back(text);
    }
    std::set<std::string> table;
    for (const auto& face : fonts::Catalog::builtin_faces()) table.insert(face.family);
    for (const auto& entry : fs::directory_iterator(styles::styles_folder())) {
        if (entry.path().extension() != ".yaml") continue;
        core::Diagnostics diags;
        auto style = styles::load_style(entry.path().stem().string(), diags);
        REQUIRE(style);
        for (const auto& [script, families] : style->fonts) {
            for (const auto& family : families) {
                named_by[family].push_back("the style " + style->name + " (fonts: " + script + ")");
                if (!table.contains(family))
                    FAIL_CHECK("the style " + style->name + " names the family " + family +
                               ", which the catalog's table (fonts/src/catalog.cpp) does not "
                               "list with its files and Debian package");
            }
        }
    }

    fonts::Catalog catalog;
    Needs needs;
    std::map<std::string, fonts::BuiltinFace> located;  // installed file → the face it should be
    for (const auto& face : fonts::Catalog::builtin_faces()) {
        const auto& names = named_by[face.family];
        add_need(needs, face.package,
                 face.family + (face.italic ? " italics" : "") + " (needed by " +
                     (names.empty() ? "the catalog's table" : joined(names, 3)) + ")");
        const std::string style = face.bold ? (face.italic ? "bold italic" : "bold")
                                            : (face.italic ? "italic" : "regular");
        auto path = catalog.locate(face.file);
        if (!path) {
            FAIL_CHECK(face.family + " " + style + " is not installed (" + face.file +
                       " is in none of the font folders): apt-get install " + face.package);
            continue;
        }
        auto opened = fonts::Face::open({*path, face.index});
        if (!opened || opened->family_name() != face.family)
            FAIL_CHECK(*path + " face " + std::to_string(face.index) + " is not " + face.family +
                       " but " + (opened ? opened->family_name() : "no font"));
        located.emplace(*path, face);
    }
    // The table's package for each family must be the one that really ships its files.
    std::vector<std::string> paths;
    for (const auto& [path, face] : located) paths.push_back(path);
    const auto owners = owning_packages(paths);
    for (const auto& [path, face] : located) {
        auto owner = owners.find(path);
        if (owner == owners.end() || owner->second != face.package)
            FAIL_CHECK(path + " (" + face.family + ") comes from " +
                       (owner == owners.end() ? "no package" : owner->second) +
                       ", not from the package the catalog's table names: " + face.package);
    }
    check_readme_installs(needs, "font packages");
}
