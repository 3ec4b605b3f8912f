#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace broadside::test {

/// The packages the README's set-up command (its first line with `apt-get install`) names in
/// its `apt-get install` steps, their options left out.
std::vector<std::string> readme_packages(const std::string& readme);

/// The runs of the program in the README's set-up command (`./build/cli/broadside …`), each
/// split into words.
std::vector<std::vector<std::string>> readme_program_runs(const std::string& readme);

/// The installed package that ships each path, tried as given, through the /usr merge's
/// aliases (/lib and /usr/lib) and with symbolic links resolved. Paths no package ships are
/// left out.
std::map<std::string, std::string> owning_packages(const std::vector<std::string>& paths);

/// Every package a fresh Debian machine has after `apt-get install --no-install-recommends
/// named…`: the base system (Essential and required packages), `named`, and what they depend
/// on (Depends and Pre-Depends, through the packages installed here).
std::set<std::string> installed_by(const std::vector<std::string>& named);

}  // namespace broadside::test
