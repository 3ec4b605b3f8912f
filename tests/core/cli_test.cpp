// The program's contract: messages name file:line:column, exit statuses are 0/1/2.
#include <catch2/catch.hpp>

#include "run_command.hpp"

using namespace broadside::test;

namespace {

const std::string program = BROADSIDE_BINARY;
const std::string inputs = std::string(BROADSIDE_SOURCE_DIR) + "/tests/core/inputs/";

CommandResult dump(const std::string& path) {
    return run_command(shell_quote(program) + " dump " + shell_quote(path));
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("dump of the seed shows title, typed date, excerpt, headings and paragraphs") {
    auto r = dump(std::string(BROADSIDE_SOURCE_DIR) + "/tests/seed/000_76c02472bb265b5b.txt");
    CHECK(r.status == 0);
    CHECK(r.err.empty());  // the missing image is not the reader's business
    CHECK(
        contains(r.out, "title: \"Joint Letter to US Secretary of State on His Visit to China\""));
    CHECK(contains(r.out, "date: 2021-07-12 (date) @6:7"));
    CHECK(contains(r.out, "excerpt: \"Dear Secretary Blinken, We write on behalf of 42"));
    CHECK(contains(r.out, "heading level=2 id=\"dear-secretary-blinken\" @10:1"));
    CHECK(contains(r.out, "paragraph @12:1"));
}

TEST_CASE("malformed YAML: error at line and column, exit 1") {
    auto r = dump(inputs + "bad/malformed_yaml.md");
    CHECK(r.status == 1);
    CHECK(contains(r.err, "bad/malformed_yaml.md:4:13: error: malformed YAML front matter"));
    CHECK(r.out.empty());
}

TEST_CASE("invalid UTF-8: warning naming the line, output still comes, exit 0") {
    auto r = dump(inputs + "bad/invalid_utf8.md");
    CHECK(r.status == 0);
    CHECK(
        contains(r.err, "bad/invalid_utf8.md:6:19: warning: invalid UTF-8; replaced with U+FFFD"));
    CHECK(contains(r.out, "\xEF\xBF\xBD"));
}

TEST_CASE("TOML front matter (Hugo, Zola) is read, and a malformed one is an error at its line") {
    auto read = dump(inputs + "toml_front_matter.md");
    CHECK(read.status == 0);
    CHECK(read.err.empty());
    CHECK(contains(read.out, "Announcing Rust 1.42.0"));

    auto malformed = dump(inputs + "bad/malformed_toml.md");
    CHECK(malformed.status == 1);
    CHECK(contains(malformed.err, "bad/malformed_toml.md:2:"));
    CHECK(contains(malformed.err, "error: malformed TOML front matter: "));

    auto unclosed = dump(inputs + "bad/unclosed_toml.md");
    CHECK(unclosed.status == 1);
    CHECK(contains(unclosed.err,
                   "unclosed_toml.md:1:1: error: front matter starts with '+++' but never ends"));
}

TEST_CASE("unclosed front matter: error at line 1, exit 1") {
    auto r = dump(inputs + "bad/unclosed_front_matter.md");
    CHECK(r.status == 1);
    CHECK(contains(
        r.err,
        "unclosed_front_matter.md:1:1: error: front matter starts with '---' but never ends"));
}

TEST_CASE("missing file, folder and empty file: clear errors, exit 1") {
    auto missing = dump(inputs + "no-such-file.md");
    CHECK(missing.status == 1);
    CHECK(contains(missing.err, "no-such-file.md: error: no such Markdown file"));
    auto folder = dump(inputs + "bad");
    CHECK(folder.status == 1);
    CHECK(contains(folder.err, "error: is a folder, not a Markdown file"));
    auto empty = dump(inputs + "bad/empty.md");
    CHECK(empty.status == 1);
    CHECK(contains(empty.err, "bad/empty.md: error: the file is empty"));
}

TEST_CASE("usage errors exit 2, help and version exit 0") {
    CHECK(run_command(shell_quote(program)).status == 2);
    CHECK(run_command(shell_quote(program) + " --bogus x.md -o y.pdf").status == 2);
    CHECK(run_command(shell_quote(program) + " dump").status == 2);
    CHECK(run_command(shell_quote(program) + " x.md").status == 2);
    auto help = run_command(shell_quote(program) + " --help");
    CHECK(help.status == 0);
    CHECK(contains(help.out, "broadside dump FILE.md"));
    auto version = run_command(shell_quote(program) + " --version");
    CHECK(version.status == 0);
    CHECK(contains(version.out, "broadside 0."));
}

TEST_CASE("options take --name=value, -- ends them, and help and completion come from one table") {
    auto tmp = run_command("mktemp -d").out;
    tmp.erase(tmp.find_last_not_of('\n') + 1);
    // `--style=…` and `--jobs=…` as `--style …`; after `--`, `-dash.md` is a file.
    run_command("printf -- '---\\ntitle: Dash\\n---\\n\\nText.\\n' > " +
                shell_quote(tmp + "/-dash.md"));
    auto equals = run_command("cd " + shell_quote(tmp) + " && " + shell_quote(program) +
                              " --style=a4-plain --jobs=2 -o out.pdf -- -dash.md");
    INFO(equals.err);
    CHECK(equals.status == 0);
    CHECK(run_command("test -s " + shell_quote(tmp + "/out.pdf")).status == 0);
    auto flag_value = run_command(shell_quote(program) + " --duplex=yes x.md -o y.pdf");
    CHECK(flag_value.status == 2);
    CHECK(contains(flag_value.err, "--duplex takes no value"));
    CHECK(run_command(shell_quote(program) + " --jobs=zero x.md -o y.pdf").status == 2);

    // Every option the completion offers is in the help, and bash completes from it.
    auto script = run_command(shell_quote(program) + " --completion bash");
    REQUIRE(script.status == 0);
    auto help = run_command(shell_quote(program) + " --help").out;
    const auto words = script.out.find("compgen -W \"-o ");
    REQUIRE(words != std::string::npos);
    const std::string list =
        script.out.substr(words + 12, script.out.find('"', words + 12) - words - 12);
    std::size_t options = 0;
    for (std::size_t at = 0; at < list.size();) {
        const std::size_t end = std::min(list.find(' ', at), list.size());
        const std::string name = list.substr(at, end - at);
        INFO(name);
        CHECK(contains(help, name));
        ++options;
        at = end + 1;
    }
    CHECK(options > 25);
    const std::string session = "eval \"$(" + shell_quote(program) + " --completion bash)\"; " +
                                "COMP_WORDS=(broadside --sty); COMP_CWORD=1; _broadside; "
                                "echo \"${COMPREPLY[*]}\"; "
                                "COMP_WORDS=(broadside --check-for pi); COMP_CWORD=2; _broadside; "
                                "echo \"${COMPREPLY[*]}\"";
    auto completed = run_command("bash -c " + shell_quote(session));
    CHECK(completed.out == "--style\npingen\n");
    run_command("rm -rf " + shell_quote(tmp));
}
