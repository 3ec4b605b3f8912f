#!/usr/bin/env python3
"""What tagging and claiming PDF standards cost: broadside with `--pdf-standard none` (plain),
`a-2u` (untagged PDF/A-2u) and `ua-1,a-2u` (the default: tagged, PDF/UA-1 and PDF/A-2u), in one
run, on the seed (one short document), the sample letter and a combined merge of N letters
(bench/merge/letter.md). Each is timed twice, in one order and then the reverse, and keeps the
smaller of its two medians, so a warming cache favours none; prints bytes and times, and the
ratios tagged/untagged (ua-1,a-2u against a-2u: issue 13's bar is at most 15 % more bytes and
10 % more time) and default/plain.

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
        standards = ("none", "a-2u", "ua-1,a-2u")
        for order in (standards, tuple(reversed(standards))):
            for standard in order:
                out = work / f"{name.split()[0]}-{standard.replace(',', '+')}.pdf"
                cmd = [args.broadside, *inputs, "--pdf-standard", standard, "-o", str(out)]
                t = timed(cmd, runs)
                best = min(t, result[standard][0]) if standard in result else t
                result[standard] = (best, out.stat().st_size)
        for standard in standards:
            t, size = result[standard]
            print(f"{name:18s} {standard:9s} {size:10d} {t:9.4f}")
        for label, a, b in (("tagged/untagged", "ua-1,a-2u", "a-2u"),
                            ("default/none", "ua-1,a-2u", "none")):
            print(f"{name:18s} {label:9s} {result[a][1] / result[b][1]:10.3f} "
                  f"{result[a][0] / result[b][0]:9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
