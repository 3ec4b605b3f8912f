// Golden model dumps: every construct input and every sample is read and dumped, and the dump
// must equal the reviewed file in golden/. Set BROADSIDE_UPDATE_GOLDEN=1 to rewrite them, then
// review the diff before committing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "broadside/core/model_dump.hpp"
#include "broadside/core/reader.hpp"
#include "run_command.hpp"

namespace fs = std::filesystem;
using namespace broadside;

namespace {

const fs::path source_dir = BROADSIDE_SOURCE_DIR;

// Inputs relative to the source tree; bad/ inputs have their own tests.
std::vector<std::string> golden_inputs() {
    std::vector<std::string> out;
    for (const char* root : {"tests/core/inputs", "samples"})
        for (const auto& e : fs::recursive_directory_iterator(source_dir / root)) {
            auto rel = fs::relative(e.path(), source_dir).generic_string();
            if (e.path().extension() == ".md" && rel.find("/bad/") == std::string::npos)
                out.push_back(rel);
        }
    std::sort(out.begin(), out.end());
    return out;
}

fs::path golden_path(std::string rel) {
    std::replace(rel.begin(), rel.end(), '/', '_');
    return source_dir / "tests/core/golden" / (rel + ".dump");
}

}  // namespace

TEST_CASE("model dumps match the reviewed golden files") {
    auto inputs = golden_inputs();
    REQUIRE(inputs.size() >= 25);  // every construct file and every sample
    const bool update = std::getenv("BROADSIDE_UPDATE_GOLDEN") != nullptr;
    for (const auto& rel : inputs) {
        INFO(rel);
        core::Diagnostics diags;
        auto doc = core::read_document_file((source_dir / rel).string(), diags);
        REQUIRE(doc);
        CHECK_FALSE(diags.has_errors());
        doc->source_path = rel;  // stable across checkouts
        std::string dump = core::dump_document(*doc);
        if (update) {
            fs::create_directories(golden_path(rel).parent_path());
            std::ofstream(golden_path(rel), std::ios::binary) << dump;
            continue;
        }
        CHECK(dump == test::read_file(golden_path(rel).string()));
    }
}
