// The `broadside` program: parses the command line and hands the work to a command.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/output_file.hpp"
#include "commands.hpp"
#include "limit_options.hpp"
#include "option_table.hpp"
#include "options.hpp"

namespace broadside::cli {
namespace {

constexpr const char* usage_text = R"(usage: broadside [OPTIONS] INPUT... -o OUTPUT
       broadside dump FILE.md
       broadside --help | --version | --completion bash

Turns Markdown with YAML front matter into print-ready PDF letters and ePub books.
The output format comes from the extension of OUTPUT, or from --to (formats in this build:)";

constexpr const char* commands_text = R"().

Commands:
  dump FILE.md            print the document model as an indented tree

Options (--name VALUE or --name=VALUE; after -- every argument is an input):
)";

constexpr const char* general_text = R"usage(  -h, --help              show this help
  --version               show the version
  --completion bash       print a bash completion script: eval "$(broadside --completion bash)"
)usage";

constexpr const char* exit_text = R"(
Exit status: 0 success, 1 bad input, 2 bad usage.
)";

void print_usage(std::ostream& out) {
    out << usage_text;
    bool first = true;
    for (const auto& f : output_formats()) {
        out << (first ? " " : ", ") << f.name;
        first = false;
    }
    if (first) out << " none";
    out << commands_text << options_help() << general_text << limit_options_help() << exit_text;
}

int usage_error(const std::string& message) {
    std::cerr << "broadside: " << message << "\nTry 'broadside --help'.\n";
    return exit_usage_error;
}

const OutputFormat* format_named(std::string_view name) {
    for (const auto& f : output_formats())
        if (f.name == name) return &f;
    return nullptr;
}

const OutputFormat* format_for_output(const std::string& output) {
    std::string ext = std::filesystem::path(output).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& f : output_formats())
        if (f.extension == ext) return &f;
    return nullptr;
}

// The file among the job's own inputs that `output` would replace, if any: writing a PDF over
// the Markdown it came from destroys the only copy of the user's text.
std::string input_replaced_by_output(const Options& opt) {
    std::vector<std::string> read = opt.inputs;
    for (const auto* extra : {&opt.merge, &opt.collection, &opt.style})
        if (!extra->empty()) read.push_back(*extra);
    for (const auto& input : read) {
        std::error_code ec;  // a missing file (or a glob) cannot be replaced
        if (std::filesystem::equivalent(input, opt.output, ec)) return input;
    }
    return {};
}

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_usage(std::cerr);
        return exit_usage_error;
    }
    if (args[0] == "dump") {
        if (args.size() != 2) return usage_error("dump takes exactly one FILE.md");
        return run_dump(args[1]);
    }

    // Help, version and completion answer at once, wherever they stand before `--`.
    for (std::size_t i = 0; i < args.size() && args[i] != "--"; ++i) {
        if (args[i] == "-h" || args[i] == "--help") {
            print_usage(std::cout);
            return exit_ok;
        }
        if (args[i] == "--version") {
            std::cout << "broadside " << BROADSIDE_VERSION << '\n';
            return exit_ok;
        }
        if (args[i] == "--completion") {
            if (i + 1 >= args.size() || args[i + 1] != "bash")
                return usage_error("--completion needs a shell: bash");
            std::cout << bash_completion();
            return exit_ok;
        }
    }
    // The job's settings start from the environment (SOURCE_DATE_EPOCH), read here once for
    // every command; the arguments fill in the rest.
    core::Diagnostics environment;
    Options opt;
    opt.job = core::job_settings_from_environment(environment);
    if (auto problem = parse_arguments(args, opt); !problem.empty()) return usage_error(problem);

    if (opt.inputs.empty()) return usage_error("no input given");
    if (opt.output.empty() && !opt.dump_layout) return usage_error("no output given (-o FILE)");
    const OutputFormat* format = nullptr;
    if (!opt.to.empty()) {
        format = format_named(opt.to);
        if (!format) return usage_error("unknown format " + core::quote_value(opt.to));
    } else if (opt.dump_layout) {
        format = format_named("pdf");
        if (!format) return usage_error("--dump-layout needs the PDF exporter");
    } else {
        format = format_for_output(opt.output);
        if (!format)
            return usage_error("cannot tell the format of '" + opt.output +
                               "' from its extension; use --to");
    }
    if (opt.attach_record && opt.merge.empty())
        return usage_error("--attach-record attaches mail-merge records; give --merge FILE");
    if (!opt.merge.empty() && format->name != "pdf")
        return usage_error("--merge writes PDF letters; use a .pdf output");
    if (!opt.shard.whole() && format->name != "pdf")
        return usage_error(
            "--shard splits a merge's letters or a PDF book's posts; use a .pdf "
            "output");
    if (opt.duplex && format->name != "pdf")
        return usage_error("--duplex lays out PDF pages; use a .pdf output");
    if (!opt.check_for.empty() && format->name != "pdf")
        return usage_error("--check-for measures PDF letters; use a .pdf output");
    if (!opt.output.empty())
        if (auto input = input_replaced_by_output(opt); !input.empty())
            return usage_error("the output " + core::quote_value(opt.output) +
                               " would replace the input " + core::quote_value(input) +
                               "; give another file to -o");
    report(environment);
    const int status = format->run(opt);
    return opt.report.empty() ? status : write_report(opt.report, status);
}

}  // namespace
}  // namespace broadside::cli

int main(int argc, char** argv) {
    broadside::core::install_output_cleanup();  // interrupted and size-limited runs leave no temp
    try {
        return broadside::cli::run(argc, argv);
    } catch (const std::exception& e) {
        // Library code reports through diagnostics; reaching here is a bug, but never a crash.
        std::cerr << "broadside: internal error: " << e.what() << '\n';
        return broadside::cli::exit_input_error;
    }
}
