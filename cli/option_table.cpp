#include "option_table.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "broadside/core/diagnostics.hpp"
#include "limit_options.hpp"

namespace broadside::cli {
namespace {

std::string set_string(std::string& into, const std::string& v) {
    into = v;
    return {};
}

// A flag's action: sets `field` to `value`.
template <class Field, class Value>
std::function<std::string(Options&, const std::string&)> flag(Field Options::*field, Value value) {
    return [field, value](Options& o, const std::string&) {
        o.*field = value;
        return std::string();
    };
}

std::string set_jobs(Options& o, const std::string& v) {
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 1 || n > 1024) return "needs a number >= 1";
    o.job.jobs = static_cast<int>(n);
    return {};
}

// `2/4`: the second of four parts.
std::string set_shard(Options& o, const std::string& v) {
    unsigned long i = 0, n = 0;
    char slash = 0, rest = 0;
    if (std::sscanf(v.c_str(), "%lu%c%lu%c", &i, &slash, &n, &rest) != 3 || slash != '/' || i < 1 ||
        n < 1 || i > n || n > 100000)
        return "needs I/N, 1 <= I <= N";
    o.shard = {i, n};
    return {};
}

// `ua-1,a-2u` (the default), either one, or `none`.
std::string set_pdf_standard(Options& o, const std::string& v) {
    o.job.pdf_a = o.job.pdf_ua = false;
    if (v == "none") return {};
    for (std::size_t start = 0; start <= v.size();) {
        const std::size_t comma = std::min(v.find(',', start), v.size());
        const std::string name = v.substr(start, comma - start);
        if (name == "a-2u")
            o.job.pdf_a = true;
        else if (name == "ua-1")
            o.job.pdf_ua = true;
        else
            return "needs ua-1,a-2u (tagged PDF/UA-1 and PDF/A-2u, the default), one of them, "
                   "or none";
        start = comma + 1;
    }
    return {};
}

std::string add_services(Options& o, const std::string& v) {
    for (std::size_t start = 0; start <= v.size();) {
        const std::size_t comma = std::min(v.find(',', start), v.size());
        if (comma > start) o.check_for.push_back(v.substr(start, comma - start));
        start = comma + 1;
    }
    return {};
}

// Whether `arg` is one of the spec's names ("-o" or "--output").
bool named(const OptionSpec& spec, const std::string& arg) {
    for (std::size_t start = 0; start < spec.names.size();) {
        std::size_t end = std::min(spec.names.find(", ", start), spec.names.size());
        if (spec.names.compare(start, end - start, arg) == 0) return true;
        start = end + 2;
    }
    return false;
}

}  // namespace

const std::vector<OptionSpec>& table() {
    static const std::vector<OptionSpec> specs = {
        {"-o, --output", "FILE", Kind::file, "where to write the result (written atomically)",
         [](Options& o, const std::string& v) { return set_string(o.output, v); }},
        {"--to", "FORMAT", Kind::format, "force the output format (pdf, epub)",
         [](Options& o, const std::string& v) { return set_string(o.to, v); }},
        {"--style", "NAME|FILE", Kind::style, "a style preset or a style file",
         [](Options& o, const std::string& v) { return set_string(o.style, v); }},
        {"--collection", "FILE", Kind::file,
         "a book's collection file (default: broadside.yaml in the folder)",
         [](Options& o, const std::string& v) { return set_string(o.collection, v); }},
        {"--resource-path", "DIR", Kind::folder,
         "allow images and data files from DIR (may repeat)",
         [](Options& o, const std::string& v) {
             o.job.resource_paths.push_back(v);
             return std::string();
         }},
        {"--site-root", "DIR", Kind::folder,
         "the Jekyll, Hugo, Zola or Astro site the posts belong to: its\n/… paths, its address "
         "and its settings (default: found around\nthe input when its layout is unambiguous)",
         [](Options& o, const std::string& v) { return set_string(o.job.site_root, v); }},
        {"--dump-layout", "", Kind::none, "print the page layout tree (PDF)",
         flag(&Options::dump_layout, true)},
        {"--report", "FILE.json", Kind::file,
         "also write every message as JSON (file, line, column, severity,\ncode, message, "
         "hint), for CI",
         [](Options& o, const std::string& v) { return set_string(o.report, v); }},
        {"--merge", "FILE", Kind::file,
         "mail merge: one letter per record of FILE (.csv, .yaml); with\n{{field}} in -o one "
         "PDF per record, else one combined PDF",
         [](Options& o, const std::string& v) { return set_string(o.merge, v); }},
        {"--shard", "I/N", Kind::other,
         "write only part I of N of a merge's records or a PDF book's posts\n(a contiguous "
         "block; each letter or chapter as the whole job\nwrites it), for N machines",
         set_shard},
        {"--duplex", "", Kind::none,
         "for two-sided printing: in a combined merge, a blank page after\neach odd-length "
         "letter; in a book of posts, each chapter on a\nright-hand page",
         flag(&Options::duplex, true)},
        {"--attach-record", "", Kind::none,
         "a merged letter's PDF carries its record as record.csv (PDF/A-3u),\nso what was sent "
         "to whom can be shown later",
         flag(&Options::attach_record, true)},
        {"--check-for", "SERVICE", Kind::service,
         "measure each letter against a print-and-mail service's rules\n(pingen, epost, lob, "
         "clicksend; comma-separated or repeated);\na breach is an error and nothing is written",
         add_services},
        {"--pdf-standard", "ua-1,a-2u|none", Kind::other,
         "tag the PDF and claim PDF/UA-1 (ua-1), claim PDF/A-2u (a-2u:\nmetadata, colour "
         "profile, identifier); both by default, or none",
         set_pdf_standard},
        {"--strict", "", Kind::none, "stop at the first broken post instead of skipping it (books)",
         flag(&Options::strict, true)},
        {"--drafts", "", Kind::none, "include posts with `draft: true` (books)",
         flag(&Options::include_drafts, true)},
        {"--oldest-first", "", Kind::none, "order posts oldest first (books; default newest first)",
         flag(&Options::oldest_first, true)},
        {"--embed-fonts", "", Kind::none,
         "embed subset fonts (ePub; default when the text needs them)",
         flag(&Options::embed_fonts, true)},
        {"--no-embed-fonts", "", Kind::none, "never embed fonts (ePub)",
         flag(&Options::embed_fonts, false)},
        {"-j, --jobs", "N", Kind::other, "worker threads (default: all cores)", set_jobs},
    };
    return specs;
}

std::string parse_arguments(const std::vector<std::string>& args, Options& opt) {
    bool only_inputs = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        if (only_inputs || arg == "-" || arg.size() < 2 || arg[0] != '-') {
            opt.inputs.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_inputs = true;
            continue;
        }
        std::optional<std::string> value;
        if (const std::size_t eq = arg.find('=');
            arg.starts_with("--") && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
        }
        const OptionSpec* spec = nullptr;
        for (const auto& s : table())
            if (named(s, arg)) spec = &s;
        if (!spec && !is_limit_option(arg)) return "unknown option " + core::quote_value(arg);
        const bool takes_value = !spec || !spec->value.empty();
        if (!takes_value && value) return arg + " takes no value";
        if (takes_value && !value) {
            if (i + 1 >= args.size())
                return arg + " needs " + (spec ? spec->value : std::string("a number"));
            value = args[++i];
        }
        const std::string problem =
            spec ? spec->apply(opt, value.value_or("")) : set_limit(arg, *value, opt.job.limits);
        if (!problem.empty()) return spec ? arg + " " + problem : problem;
    }
    return {};
}

std::string options_help() {
    std::string out;
    constexpr std::size_t column = 26;
    for (const auto& s : table()) {
        std::string head = "  " + s.names + (s.value.empty() ? "" : " " + s.value);
        head.resize(std::max(column, head.size() + 1), ' ');
        std::string help = s.help;
        for (std::size_t nl = help.find('\n'); nl != std::string::npos;
             nl = help.find('\n', nl + 1 + column))
            help.replace(nl, 1, "\n" + std::string(column, ' '));
        out += head + help + "\n";
    }
    return out;
}

}  // namespace broadside::cli
