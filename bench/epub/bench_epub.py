#!/usr/bin/env python3
"""ePub benchmark: broadside against pandoc on generated posts, in one run.

Usage: bench_epub.py BROADSIDE [--sizes 100,500,2000] [--workdir DIR] [--no-pandoc]

For each size it generates posts with gen_corpus.py (same seed as the tests), then runs
  broadside posts/ -o broadside.epub
  pandoc -o pandoc.epub posts/*.md --toc
under /usr/bin/time -v and prints wall time, peak memory (max RSS) and the ratios as a
Markdown table. Both books are written to the work dir so they can be inspected afterwards.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, cwd):
    """Runs cmd under /usr/bin/time -v; returns (seconds, peak MB, exit status)."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, capture_output=True, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)",
                     proc.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if not wall or not rss:
        sys.exit("could not read /usr/bin/time output for %s:\n%s" % (cmd[0], proc.stderr[-2000:]))
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    if proc.returncode != 0:
        print("warning: %s exited with %d:\n%s" % (cmd[0], proc.returncode, proc.stderr[-1000:]),
              file=sys.stderr)
    return seconds, int(rss.group(1)) / 1024.0, proc.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("broadside", help="path of the broadside program")
    ap.add_argument("--sizes", default="100,500,2000")
    ap.add_argument("--workdir", default=None, help="keep corpora and books here (default: a temp dir)")
    ap.add_argument("--no-pandoc", action="store_true")
    args = ap.parse_args()
    broadside = os.path.abspath(args.broadside)
    work = args.workdir or tempfile.mkdtemp(prefix="broadside-bench-epub-")
    os.makedirs(work, exist_ok=True)
    if not args.no_pandoc and not shutil.which("pandoc"):
        sys.exit("pandoc is not installed (apt-get install pandoc), or pass --no-pandoc")

    print("| posts | broadside wall | broadside peak RSS | pandoc wall | pandoc peak RSS | speed-up | memory ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in [int(s) for s in args.sizes.split(",")]:
        d = os.path.join(work, "n%d" % n)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "posts", str(n),
                        os.path.join(d, "posts")], check=True, capture_output=True)
        env_free = dict(os.environ)
        env_free.pop("SOURCE_DATE_EPOCH", None)
        bs, bm, _ = timed([broadside, "posts", "-o", "broadside.epub"], d)
        if args.no_pandoc:
            print("| %d | %.2f s | %.0f MB | – | – | – | – |" % (n, bs, bm))
            continue
        posts = sorted(glob.glob(os.path.join(d, "posts", "*.md")))
        ps, pm, _ = timed(["pandoc", "-o", "pandoc.epub"] + [os.path.relpath(p, d) for p in posts]
                          + ["--toc"], d)
        print("| %d | %.2f s | %.0f MB | %.2f s | %.0f MB | %.0f× | %.1f× less |"
              % (n, bs, bm, ps, pm, ps / bs if bs > 0 else float("inf"), pm / bm if bm > 0 else 0))
        sys.stdout.flush()
    print("\nwork dir: %s" % work)


if __name__ == "__main__":
    main()
