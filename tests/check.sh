#!/usr/bin/env bash
# The whole test suite, twice: in the plain build (which also runs valgrind's memcheck on the
# samples and the fuzz seed corpora) and in an AddressSanitizer + UndefinedBehaviorSanitizer
# build, where every test, the real program included, runs instrumented. This is the README's
# second command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

tests/ace/install_ace.sh build  # Ace by DAISY for the accessibility tests (npm, once)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBROADSIDE_SANITIZE=ON
cmake --build build-asan -j2
ctest --test-dir build-asan --output-on-failure -j2
