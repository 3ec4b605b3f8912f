#!/usr/bin/env python3
"""Makes one book with broadside and checks it with Ace by DAISY (one Ace run per book).

Usage: ace_book_test.py BROADSIDE ACE_CLI WORK_DIR EXPECT -- BROADSIDE_ARGS...

EXPECT is `pass` (Ace's outcome is pass with no violation of any impact), `claim` (that, and
the book claims EPUB Accessibility 1.1 at WCAG 2.2 AA with a certifier), or `missing-alt:IMAGE`
(broadside warns about IMAGE, the book makes no conformance claim, and Ace reports the image as
lacking alt text).
Exits 1 with the reasons and Ace's summary when a check fails.
"""
import json
import os
import shutil
import subprocess
import sys

from ace_summary import summary, violations

CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"


def main():
    broadside, ace, work, expect = sys.argv[1:5]
    args = sys.argv[sys.argv.index("--") + 1 :]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    if args[:1] == ["--generate"]:  # --generate N: N posts from the benchmark's generator
        posts = os.path.join(work, "posts")
        generator = os.path.join(os.path.dirname(__file__), "../../bench/epub/gen_corpus.py")
        subprocess.run([sys.executable, generator, "posts", args[1], posts], check=True)
        args = [posts] + args[2:]
    book = os.path.join(work, "book.epub")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    made = subprocess.run([broadside, *args, "-o", book], env=env, capture_output=True, text=True)
    print(made.stderr, end="")
    failures = []
    if made.returncode != 0:
        sys.exit(f"broadside exited {made.returncode}")

    env["PUPPETEER_EXECUTABLE_PATH"] = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                    "chromium_single_process.sh")
    report_dir = os.path.join(work, "ace")
    report_path = os.path.join(report_dir, "report.json")
    # Ace writes no report when Chromium fails to start or dies, which happened now and then
    # on 2 loaded cores (CI compiles the sanitizer build beside these tests); that is no finding
    # about the book, so it gets one more try, verbose, whose log says why if it fails again.
    for attempt in ("-s", "--verbose"):
        run = subprocess.run([ace, "-f", attempt, "-o", report_dir, book], env=env,
                             capture_output=True, text=True)
        if os.path.exists(report_path):
            break
        print(f"Ace wrote no report (exit {run.returncode}) with {attempt}", file=sys.stderr)
    if not os.path.exists(report_path):
        sys.exit(f"Ace wrote no report (exit {run.returncode}):\n{run.stdout}{run.stderr}")
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    print(summary(report, os.path.basename(args[0].rstrip("/"))))

    outcome = report["earl:result"]["earl:outcome"]
    found = violations(report)
    metadata = report["earl:testSubject"].get("metadata", {})
    if expect in ("pass", "claim"):
        if outcome != "pass":
            failures.append(f"Ace's outcome is {outcome}, not pass")
        if found:
            failures.append(f"Ace found {len(found)} violations")
    if expect == "claim":
        if metadata.get("dcterms:conformsTo") != CONFORMS_TO:
            failures.append("the book does not claim " + CONFORMS_TO)
        if not metadata.get("a11y:certifiedBy"):
            failures.append("the book names no a11y:certifiedBy")
    elif expect.startswith("missing-alt:"):
        image = expect.split(":", 1)[1]
        if f"image '{image}' has no alt text" not in made.stderr:
            failures.append(f"broadside did not warn about '{image}'")
        if "dcterms:conformsTo" in metadata:
            failures.append("the book claims conformance although an image has no alt text")
        if not any(rule == "image-alt" for _, rule, _ in found):
            failures.append("Ace did not report the image without alt text (image-alt)")
        summary_text = metadata.get("schema:accessibilitySummary", "")
        if "no text alternative" not in summary_text:
            failures.append("the accessibility summary does not mention the missing alt text")
    elif expect != "pass":
        sys.exit(f"unknown expectation {expect}")
    for f in failures:
        print("FAILED: " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
