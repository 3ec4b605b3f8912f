#pragma once

#include <string>

namespace broadside::test {

/// The exit status of a test program whose test could not run here; CTest reports such a test
/// as skipped where its SKIP_RETURN_CODE property says so (Catch2 v2 has no skip of its own).
constexpr int skip_exit_code = 77;

/// Says why the running test cannot run on this machine (on stdout, which ctest shows), and
/// makes the program end with skip_exit_code unless a test failed. The caller returns then.
void skip_test(const std::string& why);

/// Whether skip_test() was called.
bool test_skipped();

}  // namespace broadside::test
