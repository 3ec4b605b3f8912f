#!/usr/bin/env python3
"""Prints the summary of an Ace by DAISY report.json: outcome, violations by impact (with the
rules behind them) and the accessibility metadata Ace found in the package document.

Usage: ace_summary.py REPORT.json [NAME]
"""
import collections
import json
import sys

IMPACTS = ("critical", "serious", "moderate", "minor")


def violations(report):
    """(impact, rule, file) for every failed assertion of every content document."""
    found = []
    for doc in report.get("assertions", []):
        where = doc.get("earl:testSubject", {}).get("url", "?")
        for a in doc.get("assertions", []):
            if a.get("earl:result", {}).get("earl:outcome") != "fail":
                continue
            test = a.get("earl:test", {})
            found.append((test.get("earl:impact", "?"), test.get("dct:title", "?"), where))
    return found


def summary(report, name):
    lines = [f"{name}: outcome {report['earl:result']['earl:outcome']}"]
    found = violations(report)
    by_impact = collections.Counter(impact for impact, _, _ in found)
    lines.append(
        "  violations: "
        + ", ".join(f"{by_impact.get(i, 0)} {i}" for i in IMPACTS)
        + f" ({len(found)} in all)"
    )
    rules = collections.Counter((impact, rule) for impact, rule, _ in found)
    for (impact, rule), n in sorted(rules.items()):
        first = next(w for i, r, w in found if (i, r) == (impact, rule))
        lines.append(f"    {n} x {rule} [{impact}], first in {first}")
    meta = report.get("a11y-metadata", {})
    present = meta.get("present", [])
    missing = meta.get("missing", [])
    lines.append("  metadata present: " + (", ".join(present) or "none"))
    lines.append("  metadata missing: " + (", ".join(missing) or "none"))
    props = report.get("earl:testSubject", {}).get("metadata", {})
    for key in ("dcterms:conformsTo", "a11y:certifiedBy", "schema:accessibilitySummary"):
        if key in props:
            lines.append(f"  {key}: {props[key]}")
    return "\n".join(lines)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        report = json.load(f)
    print(summary(report, sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]))


if __name__ == "__main__":
    main()
