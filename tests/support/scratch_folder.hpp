#pragma once

#include <filesystem>
#include <string>

namespace broadside::test {

/// This test program's own folder, `broadside-test-XXXXXX` (mkdtemp) in the system's temporary
/// folder ($TMPDIR, else /tmp), made on first use and removed with everything in it when the
/// program exits. No fixed path: two test runs on one machine, or two tests of one run (ctest
/// starts a program per test), never write to the same place. Mode 0755, as some tests run the
/// program as 'nobody'. Aborts the test program when the folder cannot be made.
const std::filesystem::path& scratch_root();

/// A new, empty folder `name` (a relative path) inside scratch_root(); an earlier one of that
/// name is removed first, read-only folders in it included.
std::filesystem::path scratch_folder(const std::string& name);

}  // namespace broadside::test
