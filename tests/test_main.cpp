// Catch2's runner, built once and linked by every test program. Any failure is exit status 1,
// so a count of failed assertions can never read as skip_exit_code.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

#include "skip.hpp"

int main(int argc, char* argv[]) {
#ifdef BROADSIDE_LSAN_SUPPRESSIONS
    // The sanitizer build: the programs the tests run inherit the suppressions for the leaks
    // of system libraries (fontconfig's caches); a leak of ours is still a failure.
    setenv("LSAN_OPTIONS", "suppressions=" BROADSIDE_LSAN_SUPPRESSIONS, 0);
#endif
    if (Catch::Session().run(argc, argv) != 0) return 1;
    return broadside::test::test_skipped() ? broadside::test::skip_exit_code : 0;
}
