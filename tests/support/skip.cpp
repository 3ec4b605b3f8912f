#include "skip.hpp"

#include <atomic>
#include <iostream>

namespace broadside::test {
namespace {

std::atomic<bool> skipped{false};

}  // namespace

void skip_test(const std::string& why) {
    std::cout << "SKIPPED: " << why << std::endl;
    skipped = true;
}

bool test_skipped() {
    return skipped;
}

}  // namespace broadside::test
