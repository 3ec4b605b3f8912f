#include <algorithm>
#include <filesystem>

#include "broadside/styles/style.hpp"
#include "commands.hpp"
#include "limit_options.hpp"
#include "option_table.hpp"

namespace broadside::cli {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> yaml_names(const fs::path& folder) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec))
        if (e.path().extension() == ".yaml") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

std::string bash_completion() {
    std::string names, files, folders, styles_opts, formats, services;
    for (const auto& s : table()) {
        for (std::size_t start = 0; start < s.names.size();) {
            const std::size_t end = std::min(s.names.find(", ", start), s.names.size());
            const std::string name = s.names.substr(start, end - start);
            names += (names.empty() ? "" : " ") + name;
            std::string* list = s.kind == Kind::file      ? &files
                                : s.kind == Kind::folder  ? &folders
                                : s.kind == Kind::style   ? &styles_opts
                                : s.kind == Kind::format  ? &formats
                                : s.kind == Kind::service ? &services
                                                          : nullptr;
            if (list) *list += (list->empty() ? "" : "|") + name;
            start = end + 2;
        }
    }
    for (const auto limit : limit_option_names()) names += " " + std::string(limit);
    std::string format_names;
    for (const auto& f : output_formats())
        format_names += (format_names.empty() ? "" : " ") + std::string(f.name);
    const fs::path presets = styles::styles_folder();
    return "# bash completion for broadside: eval \"$(broadside --completion bash)\"\n"
           "_broadside() {\n"
           "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
           "    case \"$prev\" in\n"
           "        " +
           files +
           ") COMPREPLY=($(compgen -f -- \"$cur\")); return;;\n"
           "        " +
           folders +
           ") COMPREPLY=($(compgen -d -- \"$cur\")); return;;\n"
           "        " +
           styles_opts + ") COMPREPLY=($(compgen -W \"" + joined(yaml_names(presets)) +
           "\" -f -- \"$cur\")); return;;\n"
           "        " +
           formats + ") COMPREPLY=($(compgen -W \"" + format_names +
           "\" -- \"$cur\")); return;;\n"
           "        " +
           services + ") COMPREPLY=($(compgen -W \"" + joined(yaml_names(presets / "services")) +
           "\" -- \"$cur\")); return;;\n"
           "    esac\n"
           "    if [[ \"$cur\" == -* ]]; then\n"
           "        COMPREPLY=($(compgen -W \"" +
           names +
           " --help --version --completion\" -- \"$cur\"))\n"
           "    else\n"
           "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
           "    fi\n"
           "}\n"
           "complete -o filenames -F _broadside broadside\n";
}

}  // namespace broadside::cli
