#!/usr/bin/env python3
"""What claiming a PDF standard costs: broadside with `--pdf-standard a-2u` (the default) against
`--pdf-standard none`, in one run, on the seed (one short document), the sample letter and a
combined merge of N letters (bench/merge/letter.md). Each is timed twice in alternating order
and keeps the smaller of its two medians, so a warming cache favours neither; prints bytes and
times, and the ratios (issue 13's bar: at most 15 % more bytes and 10 % more time).

    python3 bench/pdf/bench_standards.py build/cli/broadside [--letters 1000] [--runs 7]
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def records(path, n):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "salutation", "address", "country"])
        for i in range(1, n + 1):
            w.writerow([i, f"Person {i}", f"Dear Person {i}", f"{i} Main Street", "Austria"])


def timed(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("broadside")
    ap.add_argument("--letters", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-standards-"))
    data = work / "records.csv"
    records(data, args.letters)
    jobs = [
        ("seed", [str(ROOT / "tests/seed/000_76c02472bb265b5b.txt")], args.runs * 3),
        ("letter", [str(ROOT / "samples/letter.md")], args.runs * 3),
        (f"merge of {args.letters}", [str(ROOT / "bench/merge/letter.md"), "--merge", str(data)],
         args.runs),
    ]
    print(f"{'job':18s} {'standard':9s} {'bytes':>10s} {'median s':>9s}")
    for name, inputs, runs in jobs:
        result = {}
        for standard in ("none", "a-2u"):
            out = work / f"{name.split()[0]}-{standard}.pdf"
            cmd = [args.broadside, *inputs, "--pdf-standard", standard, "-o", str(out)]
            result[standard] = (timed(cmd, runs), out.stat().st_size)
        # Alternate once more so a warming cache does not favour the second.
        for standard in ("a-2u", "none"):
            out = work / f"{name.split()[0]}-{standard}.pdf"
            cmd = [args.broadside, *inputs, "--pdf-standard", standard, "-o", str(out)]
            t = timed(cmd, runs)
            result[standard] = (min(result[standard][0], t), result[standard][1])
        for standard in ("none", "a-2u"):
            t, size = result[standard]
            print(f"{name:18s} {standard:9s} {size:10d} {t:9.4f}")
        print(f"{name:18s} {'a-2u/none':9s} {result['a-2u'][1] / result['none'][1]:10.3f} "
              f"{result['a-2u'][0] / result['none'][0]:9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
