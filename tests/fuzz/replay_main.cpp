// Replays the fuzz corpora as an ordinary test: every file of `corpus/<target>/` goes through
// that target's LLVMFuzzerTestOneInput (compiled in under a per-target name, see
// CMakeLists.txt). A crash or sanitizer report fails the test; so does an empty corpus, which
// would otherwise pass without testing anything.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#define BROADSIDE_FUZZ_TARGET(name) \
    extern "C" int name##_one_input(const std::uint8_t* data, std::size_t size);
BROADSIDE_FUZZ_TARGET(fuzz_reader)
BROADSIDE_FUZZ_TARGET(fuzz_pdf)
BROADSIDE_FUZZ_TARGET(fuzz_epub)
BROADSIDE_FUZZ_TARGET(fuzz_records)
BROADSIDE_FUZZ_TARGET(fuzz_style)
BROADSIDE_FUZZ_TARGET(fuzz_raw_html)
BROADSIDE_FUZZ_TARGET(fuzz_svg)
#undef BROADSIDE_FUZZ_TARGET

namespace {

using Target = int (*)(const std::uint8_t*, std::size_t);

// The same cap as run_fuzzers.sh's -max_len, so a replay sees what the fuzzer saw.
constexpr std::size_t max_len = 1024 * 1024;

}  // namespace

int main(int argc, char** argv) {
    const std::map<std::string, Target> targets = {
        {"fuzz_reader", fuzz_reader_one_input}, {"fuzz_pdf", fuzz_pdf_one_input},
        {"fuzz_epub", fuzz_epub_one_input},     {"fuzz_records", fuzz_records_one_input},
        {"fuzz_style", fuzz_style_one_input},   {"fuzz_raw_html", fuzz_raw_html_one_input},
        {"fuzz_svg", fuzz_svg_one_input},
    };
    if (argc != 3 || !targets.contains(argv[1])) {
        std::cerr << "usage: fuzz_corpus_replay TARGET CORPUS_FOLDER\n";
        return 2;
    }
    Target target = targets.at(argv[1]);
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[2]))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // a stable order makes a failure reproducible
    if (files.empty()) {
        std::cerr << "no corpus files in " << argv[2] << "\n";
        return 1;
    }
    auto start = std::chrono::steady_clock::now();
    for (const auto& file : files) {
        std::cout << file.filename().string() << std::endl;  // names the culprit of a crash
        std::ifstream in(file, std::ios::binary);
        std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
        bytes.resize(std::min(bytes.size(), max_len));
        target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    std::cout << argv[1] << ": " << files.size() << " inputs replayed in " << ms << " ms\n";
    return 0;
}
