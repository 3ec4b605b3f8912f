#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 600), FUZZ_JOBS at a time (default 2: the
# targets are single-threaded, and more jobs than cores only slows each one down).
#
#   tests/fuzz/run_fuzzers.sh [SECONDS] [TARGET...]
#
# Builds build-fuzz (clang, -DBROADSIDE_FUZZ=ON) first if needed, two compile jobs at a time.
# New corpus entries and crash files go to a scratch folder (FUZZ_WORK, default
# /tmp/broadside-fuzz), never into the repository: copy an interesting input to
# tests/fuzz/corpus/<target>/ by hand. Prints libFuzzer's final stats lines per target; logs
# are in $FUZZ_WORK/<target>.log.
#
# Inputs may be as long as FUZZ_MAX_LEN bytes (default 1 MiB, from the first execution on:
# -len_control=0), because the crashes that matter hide in long values (a 60,000-digit title
# overflowed std::regex's stack). broadside.dict gives the mutations whole YAML, Markdown,
# HTML and SVG tokens; the YAML targets also mutate with yaml_mutator.cpp.
set -euo pipefail

seconds=${1:-600}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] ||
    targets=(fuzz_reader fuzz_records fuzz_style fuzz_pdf fuzz_epub fuzz_raw_html fuzz_svg)
jobs=${FUZZ_JOBS:-2}
max_len=${FUZZ_MAX_LEN:-1048576}

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
work=${FUZZ_WORK:-/tmp/broadside-fuzz}

if [[ ! -f $build/CMakeCache.txt ]]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DBROADSIDE_FUZZ=ON
fi
cmake --build "$build" -j2 --target "${targets[@]}"

run_one() {
    local target=$1
    local corpus=$work/$target/corpus artifacts=$work/$target/crashes/
    mkdir -p "$corpus" "$artifacts"
    local started=$work/$target.started
    touch "$started"  # artifacts newer than this are this run's findings
    # The scratch corpus comes first, so libFuzzer writes new entries there; the seed corpus
    # in the repository is only read. A 1 MiB input may take seconds under ASan on a busy
    # machine, hence the generous -timeout.
    "$build/tests/fuzz/$target" "$corpus" "$root/tests/fuzz/corpus/$target" \
        -max_total_time="$seconds" -max_len="$max_len" -len_control=0 \
        -dict="$root/tests/fuzz/broadside.dict" -rss_limit_mb=2048 -timeout=30 \
        -artifact_prefix="$artifacts" -print_final_stats=1 >"$work/$target.log" 2>&1 &&
        status=ok || status="FAILED (exit $?)"
    echo "== $target: $status"
    # The last status line (#N DONE/pulse ... cov: ft: corp: exec/s:) and the final stats.
    grep -E '^#[0-9]+' "$work/$target.log" | tail -1
    grep -E '^stat::' "$work/$target.log" || true
    find "$artifacts" -type f -newer "$started" | sed 's/^/   new artifact: /'
}

mkdir -p "$work"
# fontconfig's process-lifetime cache would otherwise be reported as a leak by the first input.
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export -f run_one
export build root work seconds max_len
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}'
