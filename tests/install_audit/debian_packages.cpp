#include "debian_packages.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <sstream>

#include "run_command.hpp"

namespace broadside::test {
namespace {

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, sep)) parts.push_back(part);
    return parts;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

/// The README's set-up command, split at its `&&`s.
std::vector<std::string> setup_steps(const std::string& readme) {
    for (const auto& line : split(readme, '\n')) {
        if (line.find("apt-get install") == std::string::npos) continue;
        std::vector<std::string> steps;
        std::size_t start = 0;
        for (std::size_t amp; (amp = line.find("&&", start)) != std::string::npos; start = amp + 2)
            steps.push_back(line.substr(start, amp - start));
        steps.push_back(line.substr(start));
        return steps;
    }
    return {};
}

/// A package name without its architecture (`libc6:amd64` → `libc6`).
std::string without_arch(const std::string& name) {
    return name.substr(0, name.find(':'));
}

/// The names of a Depends-style field, one list of alternatives per clause
/// (`a (>= 1) | b, c:any` → {{a, b}, {c}}).
std::vector<std::vector<std::string>> relations(const std::string& field) {
    std::vector<std::vector<std::string>> clauses;
    for (const auto& clause : split(field, ',')) {
        std::vector<std::string> alternatives;
        for (const auto& alternative : split(clause, '|')) {
            auto w = words(alternative);
            if (!w.empty()) alternatives.push_back(without_arch(w.front()));
        }
        if (!alternatives.empty()) clauses.push_back(std::move(alternatives));
    }
    return clauses;
}

/// `/lib/x` for `/usr/lib/x` and back: the /usr merge makes both reach one file while dpkg
/// knows only the one the package ships.
std::string merged_alias(const std::string& path) {
    for (std::string dir : {"/lib", "/bin", "/sbin"}) {
        if (path.starts_with("/usr" + dir + "/")) return path.substr(4);
        if (path.starts_with(dir + "/")) return "/usr" + path;
    }
    return {};
}

}  // namespace

std::vector<std::string> readme_packages(const std::string& readme) {
    std::vector<std::string> packages;
    for (const auto& step : setup_steps(readme)) {
        // A step may install only when a program is missing: `(command -v X || apt-get …)`.
        auto w = words(step);
        auto install = std::find(w.begin(), w.end(), "install");
        if (install == w.end() || install == w.begin() || *(install - 1) != "apt-get") continue;
        for (auto it = install + 1; it != w.end(); ++it) {
            std::string name = it->substr(0, it->find(')'));
            if (!name.empty() && !name.starts_with("-")) packages.push_back(name);
        }
    }
    return packages;
}

std::vector<std::vector<std::string>> readme_program_runs(const std::string& readme) {
    std::vector<std::vector<std::string>> runs;
    for (const auto& step : setup_steps(readme)) {
        auto w = words(step);
        if (!w.empty() && w.front() == "./build/cli/broadside") runs.push_back(w);
    }
    return runs;
}

std::map<std::string, std::string> owning_packages(const std::vector<std::string>& paths) {
    std::map<std::string, std::vector<std::string>> candidates;
    std::string args;
    for (const auto& path : paths) {
        std::error_code ec;
        std::string real = std::filesystem::canonical(path, ec).string();
        for (const auto& c : {path, merged_alias(path), real, merged_alias(real)}) {
            if (c.empty()) continue;
            candidates[path].push_back(c);
            args += " " + shell_quote(c);
        }
    }
    // One dpkg call for all paths: each takes a read of dpkg's whole file list.
    std::map<std::string, std::string> owner_of_candidate;
    for (const auto& line : split(run_command("dpkg-query -S" + args).out, '\n')) {
        std::size_t colon = line.find(": /");
        if (colon == std::string::npos || line.starts_with("diversion by")) continue;
        owner_of_candidate[line.substr(colon + 2)] =
            without_arch(split(line.substr(0, colon), ',').front());
    }
    std::map<std::string, std::string> owners;
    for (const auto& [path, tries] : candidates) {
        for (const auto& c : tries) {
            auto it = owner_of_candidate.find(c);
            if (it == owner_of_candidate.end()) continue;
            owners[path] = it->second;
            break;
        }
    }
    return owners;
}

std::set<std::string> installed_by(const std::vector<std::string>& named) {
    struct Installed {
        std::vector<std::vector<std::string>> depends;
    };
    std::map<std::string, Installed> installed;
    std::map<std::string, std::vector<std::string>> providers;  // virtual package → real ones
    std::deque<std::string> queue(named.begin(), named.end());
    auto status = run_command(
        "dpkg-query -W -f='${db:Status-Abbrev}\\t${Package}\\t${Essential}\\t${Priority}\\t"
        "${Provides}\\t${Pre-Depends}, ${Depends}\\n'");
    for (const auto& line : split(status.out, '\n')) {
        auto f = split(line, '\t');
        if (f.size() < 6 || !f[0].starts_with("ii")) continue;
        installed[f[1]].depends = relations(f[5]);
        for (const auto& p : relations(f[4])) providers[p.front()].push_back(f[1]);
        if (f[2] == "yes" || f[3] == "required") queue.push_back(f[1]);
    }
    std::set<std::string> result;
    while (!queue.empty()) {
        std::string package = queue.front();
        queue.pop_front();
        if (!result.insert(package).second) continue;
        auto it = installed.find(package);
        if (it == installed.end()) continue;  // named by the README but not installed here
        for (const auto& alternatives : it->second.depends) {
            // apt takes the first alternative it can; the one installed here stands for it.
            for (const auto& name : alternatives) {
                if (installed.contains(name)) {
                    queue.push_back(name);
                    break;
                }
                if (auto p = providers.find(name); p != providers.end()) {
                    queue.push_back(p->second.front());
                    break;
                }
            }
        }
    }
    return result;
}

}  // namespace broadside::test
