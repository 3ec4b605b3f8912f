// The `broadside` program: parses the command line and hands the work to a command.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/output_file.hpp"
#include "commands.hpp"
#include "limit_options.hpp"
#include "options.hpp"

namespace broadside::cli {
namespace {

constexpr const char* usage_text = R"(usage: broadside [OPTIONS] INPUT... -o OUTPUT
       broadside dump FILE.md
       broadside --help | --version

Turns Markdown with YAML front matter into print-ready PDF letters and ePub books.
The output format comes from the extension of OUTPUT, or from --to.

Commands:
  dump FILE.md            print the document model as an indented tree

Options:
  -o, --output FILE       where to write the result (written atomically)
  --to FORMAT             force the output format)";

constexpr const char* options_text = R"(
  --style NAME|FILE       a style preset or a style file
  --collection FILE       a book's collection file (default: broadside.yaml in the folder)
  --resource-path DIR     allow images and data files from DIR (may repeat)
  --site-root DIR         the Jekyll, Hugo, Zola or Astro site the posts belong to: its
                          /… paths, its address and its settings (default: found around
                          the input when its layout is unambiguous)
  --dump-layout           print the page layout tree (PDF)
  --report FILE.json      also write every message as JSON (file, line, column, severity,
                          code, message, hint), for CI
  --merge FILE            mail merge: one letter per record of FILE (.csv, .yaml); with
                          {{field}} in -o one PDF per record, else one combined PDF
  --shard I/N             write only part I of N of a merge's records (a contiguous block;
                          each letter as the whole job writes it), for N machines
  --duplex                for two-sided printing: in a combined merge, a blank page after
                          each odd-length letter; in a book of posts, each chapter on a
                          right-hand page
  --check-for SERVICE     measure each letter against a print-and-mail service's rules
                          (pingen, epost, lob, clicksend; comma-separated or repeated);
                          a breach is an error and nothing is written
  --strict                stop at the first broken post instead of skipping it (books)
  --drafts                include posts with `draft: true` (books)
  --oldest-first          order posts oldest first (books; default newest first)
  --embed-fonts           embed subset fonts (ePub; default when the text needs them)
  --no-embed-fonts        never embed fonts (ePub)
  -j, --jobs N            worker threads (default: all cores)
  -h, --help              show this help
  --version               show the version
)";

constexpr const char* exit_text = R"(
Exit status: 0 success, 1 bad input, 2 bad usage.
)";

void print_usage(std::ostream& out) {
    out << usage_text << " (";
    bool first = true;
    for (const auto& f : output_formats()) {
        out << (first ? "" : ", ") << f.name;
        first = false;
    }
    if (first) out << "none in this build";
    out << ")" << options_text << limit_options_help() << exit_text;
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

// `--shard 2/4`: the second of four parts.
bool parse_shard(const std::string& text, Options& opt) {
    unsigned long i = 0, n = 0;
    char slash = 0, rest = 0;
    if (std::sscanf(text.c_str(), "%lu%c%lu%c", &i, &slash, &n, &rest) != 3 || slash != '/')
        return false;
    if (i < 1 || n < 1 || i > n || n > 100000) return false;
    opt.shard = i;
    opt.shards = n;
    return true;
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

    Options opt;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) -> bool {
            if (i + 1 >= args.size()) return false;
            into = args[++i];
            return true;
        };
        std::string v;
        if (a == "-h" || a == "--help") {
            print_usage(std::cout);
            return exit_ok;
        } else if (a == "--version") {
            std::cout << "broadside " << BROADSIDE_VERSION << '\n';
            return exit_ok;
        } else if (a == "-o" || a == "--output") {
            if (!value(opt.output)) return usage_error(a + " needs a file name");
        } else if (a == "--to") {
            if (!value(opt.to)) return usage_error("--to needs a format");
        } else if (a == "--style") {
            if (!value(opt.style)) return usage_error("--style needs a name or file");
        } else if (a == "--collection") {
            if (!value(opt.collection)) return usage_error("--collection needs a file");
        } else if (a == "--resource-path") {
            if (!value(v)) return usage_error("--resource-path needs a folder");
            opt.resource_paths.push_back(v);
        } else if (a == "--site-root") {
            if (!value(opt.site_root)) return usage_error("--site-root needs a folder");
        } else if (a == "--dump-layout") {
            opt.dump_layout = true;
        } else if (a == "--report") {
            if (!value(opt.report)) return usage_error("--report needs a file name");
        } else if (a == "--merge") {
            if (!value(opt.merge)) return usage_error("--merge needs a data file");
        } else if (a == "--shard") {
            if (!value(v) || !parse_shard(v, opt))
                return usage_error("--shard needs I/N, 1 <= I <= N");
        } else if (a == "--duplex") {
            opt.duplex = true;
        } else if (a == "--check-for") {
            if (!value(v)) return usage_error("--check-for needs a service");
            for (std::size_t start = 0; start <= v.size();) {
                std::size_t comma = std::min(v.find(',', start), v.size());
                if (comma > start) opt.check_for.push_back(v.substr(start, comma - start));
                start = comma + 1;
            }
        } else if (a == "--strict") {
            opt.strict = true;
        } else if (a == "--drafts") {
            opt.include_drafts = true;
        } else if (a == "--oldest-first") {
            opt.oldest_first = true;
        } else if (a == "--embed-fonts") {
            opt.embed_fonts = true;
        } else if (a == "--no-embed-fonts") {
            opt.embed_fonts = false;
        } else if (a == "-j" || a == "--jobs") {
            if (!value(v)) return usage_error(a + " needs a number");
            char* end = nullptr;
            long n = std::strtol(v.c_str(), &end, 10);
            if (*end != '\0' || n < 1 || n > 1024) return usage_error(a + " needs a number >= 1");
            opt.jobs = static_cast<int>(n);
        } else if (is_limit_option(a)) {
            if (!value(v)) return usage_error(a + " needs a number");
            if (auto problem = set_limit(a, v, opt.limits); !problem.empty())
                return usage_error(problem);
        } else if (a.size() > 1 && a[0] == '-') {
            return usage_error("unknown option " + core::quote_value(a));
        } else {
            opt.inputs.push_back(a);
        }
    }

    if (opt.inputs.empty()) return usage_error("no input given");
    if (opt.shards > 1 && opt.merge.empty())
        return usage_error("--shard splits the records of a mail merge; give --merge FILE");
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
    if (!opt.merge.empty() && format->name != "pdf")
        return usage_error("--merge writes PDF letters; use a .pdf output");
    if (opt.duplex && format->name != "pdf")
        return usage_error("--duplex lays out PDF pages; use a .pdf output");
    if (!opt.check_for.empty() && format->name != "pdf")
        return usage_error("--check-for measures PDF letters; use a .pdf output");
    if (!opt.output.empty())
        if (auto input = input_replaced_by_output(opt); !input.empty())
            return usage_error("the output " + core::quote_value(opt.output) +
                               " would replace the input " + core::quote_value(input) +
                               "; give another file to -o");
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
