// The output side of the bad-input matrix, for each kind of output (a letter PDF, an ePub, a
// per-record merge, a combined merge): an unwritable folder, a full disk (`ulimit -f`) and an
// interrupted run. Whatever happens, the output folder ends as it began: no partial file, no
// temporary file, and an older output byte for byte the same. Each case runs with unnamed
// temporary files (O_TMPFILE, the default) and with named ones (BROADSIDE_NAMED_TEMP_FILES=1,
// what file systems without O_TMPFILE get), since they fail and clean up differently.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <thread>

#include "child_process.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"
#include "skip.hpp"

namespace fs = std::filesystem;
using namespace broadside::test;
using Catch::Matchers::Contains;

namespace {

const std::string program = BROADSIDE_BINARY;
const std::string source = BROADSIDE_SOURCE_DIR;
const std::string samples = source + "/samples";

enum class Kind { pdf, epub, per_record, combined };

/// One run of broadside and where it writes.
struct Job {
    std::vector<std::string> args;  ///< after the program's name
    std::string reported;           ///< the output the error message names
    std::string existing;           ///< an output from an earlier run, in the output folder
};

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

/// A fresh folder per test, open to every user, as the unwritable-folder tests may run the
/// program as 'nobody'.
fs::path scratch(const std::string& name) {
    const fs::path dir = scratch_folder(name);
    fs::permissions(dir, fs::perms(0755));
    return dir;
}

/// The small jobs of the samples, writing into `out`.
Job sample_job(Kind kind, const fs::path& out) {
    switch (kind) {
        case Kind::pdf:
            return {{samples + "/letter.md", "-o", (out / "letter.pdf").string()},
                    (out / "letter.pdf").string(),
                    "letter.pdf"};
        case Kind::epub:
            return {{samples + "/archive", "-o", (out / "archive.epub").string()},
                    (out / "archive.epub").string(),
                    "archive.epub"};
        case Kind::per_record:
            // Record 1 (nordavia-mfa) is the first one written.
            return {{samples + "/joint-letter.md", "--merge", samples + "/recipients.csv", "-o",
                     (out / "{{id}}.pdf").string()},
                    (out / "nordavia-mfa.pdf").string(),
                    "nordavia-mfa.pdf"};
        case Kind::combined:
            return {{samples + "/joint-letter.md", "--merge", samples + "/recipients.csv", "-o",
                     (out / "all.pdf").string()},
                    (out / "all.pdf").string(),
                    "all.pdf"};
    }
    return {};
}

/// `in`/recipients.csv with `count` records, ids r0, r1, …; `name` starts each person's name,
/// so two files make different letters.
std::string write_recipients(const fs::path& in, int count, const std::string& name = "Person") {
    std::string csv = "id,name,salutation,organisation,address,country\n";
    for (int i = 0; i < count; ++i)
        csv += "r" + std::to_string(i) + "," + name + " " + std::to_string(i) +
               ",Dear Person,Org,\"1 Main Street\n1000 Town\",Nordavia\n";
    write_text(in / "recipients.csv", csv);
    return (in / "recipients.csv").string();
}

/// Jobs that take a while once their output is open (about a second on an idle machine), made
/// in `in`, writing into `out`. One worker thread, so they do not finish early.
Job long_job(Kind kind, const fs::path& in, const fs::path& out) {
    fs::create_directories(in);
    std::string para;
    for (int i = 0; i < 8; ++i) para += "This sentence is here to make the job take a while. ";
    switch (kind) {
        case Kind::pdf: {
            std::string md = "---\ntitle: A long document\n---\n\n";
            for (int i = 0; i < 4000; ++i) md += para + "\n\n";
            write_text(in / "long.md", md);
            return {{(in / "long.md").string(), "-o", (out / "long.pdf").string(), "-j", "1"},
                    (out / "long.pdf").string(),
                    "long.pdf"};
        }
        case Kind::epub: {
            const fs::path book = in / "book";
            fs::create_directories(book);
            for (int i = 0; i < 2000; ++i) {
                const std::string day = (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
                std::string post = "---\ntitle: Post " + std::to_string(i) + "\ndate: 2024-01-" +
                                   day + "\n---\n\n";
                for (int j = 0; j < 20; ++j)
                    post += "Paragraph " + std::to_string(j) +
                            ", *with* a [link](https://example.org/" + std::to_string(j) + "). " +
                            para + "\n\n";
                write_text(book / ("2024-01-" + day + "-post-" + std::to_string(i) + ".md"), post);
            }
            return {{book.string(), "-o", (out / "book.epub").string(), "-j", "1"},
                    (out / "book.epub").string(),
                    "book.epub"};
        }
        case Kind::per_record:
            // Fewer letters than StagedFiles keeps unnamed (256), so even SIGKILL leaves none.
            return {{samples + "/joint-letter.md", "--merge", write_recipients(in, 250), "-o",
                     (out / "{{id}}.pdf").string(), "-j", "1"},
                    (out / "r0.pdf").string(),
                    "r0.pdf"};
        case Kind::combined:
            return {{samples + "/joint-letter.md", "--merge", write_recipients(in, 800), "-o",
                     (out / "all.pdf").string(), "-j", "1"},
                    (out / "all.pdf").string(),
                    "all.pdf"};
    }
    return {};
}

/// Every file in the folder with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(folder))
        files[entry.path().filename().string()] = read_file(entry.path().string());
    return files;
}

/// An output folder holding an older output.
fs::path output_folder(const fs::path& dir, const Job& job) {
    const fs::path out = dir / "out";
    fs::create_directories(out);
    write_text(out / job.existing, "an older output, which must survive\n");
    return out;
}

std::vector<std::string> temp_mode(bool named) {
    return {std::string("BROADSIDE_NAMED_TEMP_FILES=") + (named ? "1" : "0")};
}

std::vector<std::string> command(std::vector<std::string> prefix, const Job& job) {
    prefix.push_back(program);
    prefix.insert(prefix.end(), job.args.begin(), job.args.end());
    return prefix;
}

ChildEnd run(const std::vector<std::string>& argv, const ChildOptions& options) {
    const pid_t pid = start_child(argv, options);
    REQUIRE(pid > 0);
    return wait_child(pid);
}

/// The prefix that takes away root's right to write to a folder of mode 0555. Root may write
/// anywhere, so the program runs as 'nobody' when nobody can reach it and the samples; in a
/// tree nobody cannot enter, as root without CAP_DAC_OVERRIDE (for which a folder that is not
/// writable is not writable). Others need no prefix.
const std::vector<std::string>& unprivileged() {
    static const std::vector<std::string> prefix = []() -> std::vector<std::string> {
        if (::geteuid() != 0) return {};
        const std::vector<std::string> nobody = {"setpriv", "--reuid=65534", "--regid=65534",
                                                 "--clear-groups", "--"};
        std::vector<std::string> probe = nobody;
        for (const std::string& a :
             {std::string("sh"), std::string("-c"),
              std::string("test -r \"$1\" && test -r \"$2\" && test -r \"$3\" && test -r \"$4\" "
                          "&& exec \"$5\" --version"),
              std::string("sh"), samples + "/joint-letter.md", samples + "/recipients.csv",
              samples + "/archive/broadside.yaml", source + "/styles/default.yaml", program})
            probe.push_back(a);
        const ChildEnd end = run(probe, {});
        if (end.exited && end.status == 0) return nobody;
        return {"setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"};
    }();
    return prefix;
}

/// The run ended with exit 1 and the message naming the output, `reason` and `hint`.
void check_failed(const ChildEnd& end, const fs::path& dir, const Job& job,
                  const std::string& reason, const std::string& hint) {
    const std::string err = read_file((dir / "stderr").string());
    INFO("stderr: " << err);
    CHECK(end.exited);
    CHECK(end.status == 1);
    CHECK_THAT(err, Contains(job.reported + ": error: cannot write the output file: " + reason +
                             "\n  hint: " + hint));
}

void check_unwritable_folder(Kind kind) {
    const bool named = GENERATE(false, true);
    INFO((named ? "named" : "unnamed") << " temporary files");
    const fs::path dir = scratch("unwritable-" + std::to_string(static_cast<int>(kind)));
    const fs::path out = dir / "out";
    const Job job = sample_job(kind, out);
    output_folder(dir, job);
    fs::permissions(out, fs::perms(0555));
    const auto before = snapshot(out);
    INFO("run as: " << (unprivileged().empty() ? "this user" : unprivileged()[1]));

    const ChildEnd end =
        run(command(unprivileged(), job), {temp_mode(named), -1, (dir / "stderr").string()});
    fs::permissions(out, fs::perms(0755));
    check_failed(end, dir, job, "Permission denied",
                 "check that the folder exists and is writable");
    CHECK(snapshot(out) == before);
}

void check_full_disk(Kind kind) {
    const bool named = GENERATE(false, true);
    INFO((named ? "named" : "unnamed") << " temporary files");
    const fs::path dir = scratch("full-disk-" + std::to_string(static_cast<int>(kind)));
    const Job job = sample_job(kind, dir / "out");
    const fs::path out = output_folder(dir, job);
    const auto before = snapshot(out);

    // Every sample output is larger than this; SIGXFSZ would kill a program that did not
    // ignore it, and the write would stop midway.
    const ChildEnd end =
        run(command({}, job), {temp_mode(named), 20000, (dir / "stderr").string()});
    check_failed(end, dir, job, "File too large",
                 "the disk is full or a file size limit was hit; free space and run again");
    CHECK(snapshot(out) == before);
}

/// True once the process writes into `folder`: it holds a file there open (an unnamed one
/// shows as "/folder/#inode (deleted)"), or a file that was not there before has appeared.
bool writing_into(pid_t pid, const fs::path& folder,
                  const std::map<std::string, std::string>& before) {
    const std::string prefix = fs::canonical(folder).string() + "/";
    for (const auto& f : open_files(pid))
        if (f.compare(0, prefix.size(), prefix) == 0) return true;
    for (const auto& entry : fs::directory_iterator(folder))
        if (!before.count(entry.path().filename().string())) return true;
    return false;
}

void check_interrupted(Kind kind, int sig, bool named) {
    INFO((named ? "named" : "unnamed") << " temporary files, signal " << sig);
    const fs::path dir = scratch("interrupted-" + std::to_string(static_cast<int>(kind)) + "-" +
                                 std::to_string(sig));
    const Job job = long_job(kind, dir / "in", dir / "out");
    const fs::path out = output_folder(dir, job);
    const auto before = snapshot(out);

    const pid_t pid = start_child(command({}, job), {temp_mode(named), -1, {}});
    REQUIRE(pid > 0);
    // Poll, not sleep: a loaded machine may take its time, and a test must not hang.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    bool writing = false;
    while (!writing) {
        if (auto end = poll_child(pid)) {
            FAIL("broadside ended (exit " << end->status << ", signal " << end->signal
                                          << ") before it could be interrupted");
        }
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            wait_child(pid);
            FAIL("no output was being written after 120 s");
        }
        writing = writing_into(pid, out, before);
        if (!writing) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(::kill(pid, sig) == 0);
    const ChildEnd end = wait_child(pid);
    CHECK_FALSE(end.exited);
    CHECK(end.signal == sig);  // the handler ends the program by the signal it got
    CHECK(snapshot(out) == before);
    std::error_code ec;
    fs::remove_all(dir / "in", ec);
}

/// Whether this file system gives unnamed files; without them SIGKILL must leave a file.
bool unnamed_files_here() {
    const fs::path dir = scratch("o_tmpfile");
    const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY, 0600);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

/// Without unnamed files nothing can be removed after SIGKILL, so the test has nothing to
/// check: it is reported as skipped (the README lists the file systems).
void check_sigkill(Kind kind) {
    if (!unnamed_files_here()) {
        skip_test(
            "the temporary folder's file system refuses O_TMPFILE, and SIGKILL leaves a "
            "named temporary file there; set TMPDIR to a folder on ext4, XFS, Btrfs or "
            "tmpfs to run this test");
        return;
    }
    check_interrupted(kind, SIGKILL, false);
}

void check_sigterm(Kind kind) {
    const bool named = GENERATE(false, true);
    check_interrupted(kind, SIGTERM, named);
}

}  // namespace

TEST_CASE("unwritable folder, letter PDF: exit 1, the message, the folder as it was") {
    check_unwritable_folder(Kind::pdf);
}
TEST_CASE("unwritable folder, ePub: exit 1, the message, the folder as it was") {
    check_unwritable_folder(Kind::epub);
}
TEST_CASE("unwritable folder, per-record merge: exit 1, the message, the folder as it was") {
    check_unwritable_folder(Kind::per_record);
}
TEST_CASE("unwritable folder, combined merge: exit 1, the message, the folder as it was") {
    check_unwritable_folder(Kind::combined);
}

TEST_CASE("full disk (ulimit -f), letter PDF: exit 1, the message, no partial file") {
    check_full_disk(Kind::pdf);
}
TEST_CASE("full disk (ulimit -f), ePub: exit 1, the message, no partial file") {
    check_full_disk(Kind::epub);
}
TEST_CASE("full disk (ulimit -f), per-record merge: exit 1, the message, no partial file") {
    check_full_disk(Kind::per_record);
}
TEST_CASE("full disk (ulimit -f), combined merge: exit 1, the message, no partial file") {
    check_full_disk(Kind::combined);
}

TEST_CASE("SIGTERM while writing a letter PDF leaves no file and the old output") {
    check_sigterm(Kind::pdf);
}
TEST_CASE("SIGTERM while writing an ePub leaves no file and the old output") {
    check_sigterm(Kind::epub);
}
TEST_CASE("SIGTERM during a per-record merge leaves no file and the old output") {
    check_sigterm(Kind::per_record);
}
TEST_CASE("SIGTERM during a combined merge leaves no file and the old output") {
    check_sigterm(Kind::combined);
}

TEST_CASE("SIGKILL while writing a letter PDF leaves no file and the old output") {
    check_sigkill(Kind::pdf);
}
TEST_CASE("SIGKILL while writing an ePub leaves no file and the old output") {
    check_sigkill(Kind::epub);
}
TEST_CASE("SIGKILL during a per-record merge leaves no file and the old output") {
    check_sigkill(Kind::per_record);
}
TEST_CASE("SIGKILL during a combined merge leaves no file and the old output") {
    check_sigkill(Kind::combined);
}

namespace {

constexpr char staging_prefix[] = ".broadside-staging.";

/// A short note to each recipient, quicker to make than the sample letter.
std::string write_note(const fs::path& in) {
    write_text(in / "note.md", "---\ntitle: A note\n---\n\nDear {{name}},\n\nA short note.\n");
    return (in / "note.md").string();
}

/// A per-record merge of `letter` for `count` recipients in `in` into `out`/PREFIX{{id}}.pdf,
/// on one thread so that it takes a while.
Job merge_job(const fs::path& in, const fs::path& out, const std::string& letter, int count,
              const std::string& name, const std::string& prefix = "") {
    fs::create_directories(in);
    return {{letter, "--merge", write_recipients(in, count, name), "-o",
             (out / (prefix + "{{id}}.pdf")).string(), "-j", "1"},
            (out / (prefix + "r0.pdf")).string(),
            prefix + "r0.pdf"};
}

/// The staging folders in `out`.
std::vector<fs::path> staging_folders(const fs::path& out) {
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(out))
        if (e.path().filename().string().rfind(staging_prefix, 0) == 0) found.push_back(e.path());
    return found;
}

/// True once a letter waits in a staging folder in `out`: the merge is past 256 letters.
bool letters_staged(const fs::path& out) {
    for (const auto& folder : staging_folders(out)) {
        std::error_code ec;
        for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::end(it);
             it.increment(ec))
            if (it->path().filename() != "lock") return true;
    }
    return false;
}

/// Starts `job` and waits until it stages letters under a name; the child's pid.
pid_t start_until_staged(const Job& job, const fs::path& out, bool named) {
    const pid_t pid = start_child(command({}, job), {temp_mode(named), -1, {}});
    REQUIRE(pid > 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!letters_staged(out)) {
        if (auto end = poll_child(pid))
            FAIL("broadside ended (exit " << end->status << ") before it staged letters");
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            wait_child(pid);
            FAIL("no letter was staged after 120 s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return pid;
}

/// The names in `folder` that start with a dot.
std::vector<std::string> hidden_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.path().filename().string()[0] == '.') names.push_back(e.path().filename());
    return names;
}

}  // namespace

TEST_CASE("a merge killed past 256 letters leaves one staging folder, the next run removes it") {
    const bool named = GENERATE(false, true);
    INFO((named ? "named" : "unnamed") << " temporary files");
    const fs::path dir = scratch("killed-merge");
    const fs::path out = dir / "out";
    fs::create_directories(out);
    fs::create_directories(dir / "in");
    const std::string note = write_note(dir / "in");
    // A completed run's letters, which the killed run must leave as they are.
    const Job first = merge_job(dir / "first", out, note, 10, "First");
    REQUIRE(run(command({}, first), {temp_mode(named), -1, {}}).status == 0);
    const auto completed = snapshot(out);
    REQUIRE(completed.size() == 10);

    const Job second = merge_job(dir / "second", out, note, 270, "Second");
    const pid_t pid = start_until_staged(second, out, named);
    REQUIRE(::kill(pid, SIGKILL) == 0);
    CHECK(wait_child(pid).signal == SIGKILL);
    // No hidden file beside the letters: only the staging folder, and the letters as they were.
    const auto left = staging_folders(out);
    REQUIRE(left.size() == 1);
    CHECK(hidden_in(out) == std::vector<std::string>{left[0].filename().string()});
    auto after = snapshot(out);
    after.erase(left[0].filename().string());
    CHECK(after == completed);

    // The next run removes it, and writes what a run that was never interrupted writes.
    REQUIRE(run(command({}, second), {temp_mode(named), -1, {}}).status == 0);
    CHECK(hidden_in(out).empty());
    const fs::path clean = dir / "clean";
    fs::create_directories(clean);
    REQUIRE(run(command({}, merge_job(dir / "clean-in", clean, note, 270, "Second")),
                {temp_mode(named), -1, {}})
                .status == 0);
    const auto rerun = snapshot(out);
    CHECK(rerun.size() == 270);
    CHECK(rerun == snapshot(clean));
    CHECK(rerun.at("r0.pdf") != completed.at("r0.pdf"));
}

TEST_CASE("a merge into a folder where another merge is staging leaves that merge's folder") {
    const fs::path dir = scratch("two-merges");
    const fs::path out = dir / "out";
    fs::create_directories(out);
    const Job longer =
        merge_job(dir / "long", out, samples + "/joint-letter.md", 500, "Long", "long-");
    const pid_t pid = start_until_staged(longer, out, false);
    const auto staging = staging_folders(out);

    // A short merge into the same folder meanwhile: it removes only folders no program holds.
    fs::create_directories(dir / "short");
    const Job shorter =
        merge_job(dir / "short", out, write_note(dir / "short"), 3, "Short", "short-");
    CHECK(run(command({}, shorter), {temp_mode(false), -1, {}}).status == 0);
    const std::optional<ChildEnd> ended = poll_child(pid);
    // Had it ended already, the check below would prove nothing; 500 letters take seconds.
    CHECK_FALSE(ended);
    if (!ended) CHECK(staging_folders(out) == staging);

    const ChildEnd end = ended ? *ended : wait_child(pid);
    CHECK(end.exited);
    CHECK(end.status == 0);
    CHECK(hidden_in(out).empty());
    CHECK(snapshot(out).size() == 503);
}
