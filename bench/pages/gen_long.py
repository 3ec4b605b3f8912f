#!/usr/bin/env python3
"""The 200-page document of the page-engine tests, in Python.

A port of long_document() in tests/pdf/page_engine_test.cpp: the same 32-bit linear
congruential generator (seed 7), the same word list and the same section structure
(headings, paragraphs of one to about twelve lines, footnotes, lists, quotes, code and
90-row tables), stopping once the text passes 700,000 bytes. Its output is byte-identical
to the C++ generator's at the time of writing; if the C++ one changes, this copy does not
follow by itself.

Usage: gen_long.py [OUTPUT]   (default: standard output)
"""
import sys

WORDS = ["rights", "defenders", "detained", "international", "law", "accountability",
         "transnational", "repression", "report", "organisations", "government", "freedom",
         "expression", "association", "lawyers", "families"]


def long_document(limit=700000):
    out = ["---\ntitle: Two hundred pages\nlang: en\n---\n\n"]
    size = len(out[0])
    seed = 7

    def nxt():
        nonlocal seed
        seed = (seed * 1103515245 + 12345) & 0xFFFFFFFF
        return (seed >> 8) & 0xFFFF

    def add(s):
        nonlocal size
        out.append(s)
        size += len(s)  # ASCII only, so characters are bytes

    section = 0
    while size < limit:
        add("## Section %d\n\n" % section)
        for p in range(6):
            n = 5 + nxt() % 140  # from one line to about twelve
            add(" ".join(WORDS[nxt() % 16] for _ in range(n)))
            if p == 2 and section % 4 == 0:
                add("[^n%d]" % section)
            add(".\n\n")
        if section % 4 == 0:
            add("[^n%d]: A note for section %d, at the foot of its page.\n\n" % (section, section))
        if section % 5 == 1:
            add("- first point\n- second point\n  - nested point\n\n")
        if section % 7 == 2:
            add("> A quoted passage that runs over a line or two of text.\n\n")
        if section % 9 == 3:
            add("```\ncode line one\ncode line two\ncode line three\n```\n\n")
        if section % 11 == 5:
            add("| Year | Cases | Region |\n|---:|---:|:--|\n")
            for r in range(90):
                add("| %d | %d | region %d |\n" % (1990 + r, nxt() % 1000, r))
            add("\n")
        section += 1
    return "".join(out)


def main():
    text = long_document()
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
