#!/usr/bin/env bash
# The whole test suite, twice: in the plain build (which also runs valgrind's memcheck on the
# samples and the fuzz seed corpora, and Ace by DAISY on the books) and in an AddressSanitizer
# + UndefinedBehaviorSanitizer build, where the libraries and the real program run
# instrumented. This is the README's second command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

tests/ace/install_ace.sh build  # Ace by DAISY for the accessibility tests (npm, once)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2

# The plain suite starts as soon as its build is done and runs while the sanitizer build
# compiles: Ace's 500-chapter book keeps one test slot busy for about eleven minutes while
# using about half a core (43 % of one, measured on a 20-chapter book), so waiting for it
# before compiling, or compiling before starting it, left a core idle for most of CI's time.
# Each suite's output is printed whole at the end.
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
ctest --test-dir build --output-on-failure -j2 >"$logs/plain.log" 2>&1 &
plain=$!
status=0
if cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBROADSIDE_SANITIZE=ON \
  >"$logs/asan.log" 2>&1 && cmake --build build-asan -j2 >>"$logs/asan.log" 2>&1; then
  ctest --test-dir build-asan --output-on-failure -j2 >>"$logs/asan.log" 2>&1 || status=1
else
  status=1
fi
wait "$plain" || status=1
echo "== plain build (build/)"
cat "$logs/plain.log"
echo "== sanitizer build (build-asan/)"
cat "$logs/asan.log"
exit "$status"
