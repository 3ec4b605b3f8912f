#!/usr/bin/env python3
"""Times broadside's PDF path beside typst and pandoc+weasyprint in one run.

  bench/pdf/compare.py --build build-pdf --typst /path/to/typst [--runs 10] [SEED.md]

Runs in a scratch folder, installs nothing. Reports:
  * pdf_bench (in-process): cold and warm time per document, shaped glyphs per second, also
    for a long document (the seed's body repeated 40 times);
  * wall-clock medians of whole processes on the seed: `broadside seed.md -o seed.pdf`,
    `typst compile seed.typ` (the same text as Typst markup, A4, Noto Serif 10.5 pt) and
    `pandoc seed.md --pdf-engine=weasyprint`; and the ratios to broadside.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def body_of(markdown):
    """The Markdown without its YAML front matter."""
    m = re.match(r"^---\n.*?\n---\n", markdown, re.S)
    return markdown[m.end():] if m else markdown


def to_typst(markdown):
    """The same text as Typst markup: headings converted, markup characters escaped."""
    out = ['#set page(paper: "a4", margin: 2.5cm)',
           '#set text(font: "Noto Serif", size: 10.5pt, lang: "en")', ""]
    for line in body_of(markdown).splitlines():
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        prefix = ""
        if m:
            prefix, line = "=" * len(m.group(1)) + " ", m.group(2)
        line = re.sub(r"([\\#$*_`@<>\[\]~/=+-])", r"\\\1", line)
        out.append(prefix + line)
    return "\n".join(out) + "\n"


def median_seconds(cmd, runs, cwd):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if r.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed: {r.stderr.decode(errors='replace')}")
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build-pdf"))
    ap.add_argument("--typst", default=os.environ.get("TYPST", "typst"))
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("seed", nargs="?", default=os.path.join(ROOT, "tests/seed/000_76c02472bb265b5b.txt"))
    args = ap.parse_args()

    broadside = os.path.join(args.build, "cli/broadside")
    bench = os.path.join(args.build, "bench/pdf/pdf_bench")
    for tool in (broadside, bench, shutil.which(args.typst) or args.typst,
                 shutil.which("pandoc"), shutil.which("weasyprint")):
        if not tool or not os.path.exists(tool):
            sys.exit(f"missing tool: {tool}")

    work = tempfile.mkdtemp(prefix="broadside-pdf-bench-")
    seed_text = open(args.seed, encoding="utf-8").read()
    open(os.path.join(work, "seed.md"), "w", encoding="utf-8").write(seed_text)
    open(os.path.join(work, "seed.typ"), "w", encoding="utf-8").write(to_typst(seed_text))
    long_text = "---\ntitle: Long\n---\n" + body_of(seed_text) * 40
    open(os.path.join(work, "long.md"), "w", encoding="utf-8").write(long_text)
    scripts = os.path.join(ROOT, "tests/pdf/scripts.md")

    print(f"# in-process (pdf_bench, {args.runs} passes each)")
    r = subprocess.run([bench, "-n", str(args.runs), "seed.md", "long.md", scripts], cwd=work,
                       capture_output=True, text=True, check=True)
    print(r.stdout, end="")

    print(f"\n# whole processes on the seed (median of runs)")
    b = median_seconds([broadside, "seed.md", "-o", "broadside.pdf"], args.runs, work)
    t = median_seconds([args.typst, "compile", "seed.typ", "typst.pdf"], max(3, args.runs // 2), work)
    p = median_seconds(["pandoc", "seed.md", "--pdf-engine=weasyprint", "-o", "weasy.pdf"],
                       max(3, args.runs // 3), work)
    for name, secs, pdf in (("broadside", b, "broadside.pdf"), ("typst 0.10", t, "typst.pdf"),
                            ("pandoc+weasyprint", p, "weasy.pdf")):
        size = os.path.getsize(os.path.join(work, pdf))
        print(f"{name:18} {secs * 1e3:9.1f} ms  {size:8d} bytes  x{secs / b:6.1f} of broadside")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
