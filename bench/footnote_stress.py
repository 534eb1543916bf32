"""The footnote stress test at any size: generated notes built with `toolkit build --format pdf`,
every footnote read back from the PDFs and checked to be on the page of its call.

    .venv/bin/python bench/footnote_stress.py --notes 1500            (about 20 minutes on two cores)
    .venv/bin/python bench/footnote_stress.py --notes 20 --long 40000  (one note of 40,000 short paragraphs)

The notes are those of tests/stress/test_footnote_stress.py (tests/stress/footnote_notes.py),
drawn from --seed. It prints what it measures; it is not a test. Exit status 1 when a note
failed to build or a footnote is away from its call.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests" / "stress")]

from footnote_notes import write_long_note, write_meeting  # noqa: E402
from footnote_stress import build_and_check  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=200, help="generated notes (default 200)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--long", type=int, default=0, metavar="PARAGRAPHS",
                        help="add one note of this many short paragraphs (the issue's 40,000)")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build here and keep the meeting and PDFs")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="footnote-stress-"))
    root = work / "meeting"
    started = time.perf_counter()
    write_meeting(root, args.seed, range(args.notes))
    if args.long:
        write_long_note(root, args.seed, args.notes, args.long)
    print(f"wrote {args.notes + bool(args.long)} notes (seed {args.seed}) in {time.perf_counter() - started:.1f} s",
          flush=True)
    started = time.perf_counter()
    result = build_and_check(root, work / "out", args.jobs, [sys.executable, "-m", "toolkit"])
    seconds = time.perf_counter() - started
    failed = [line for line in result["stderr"].splitlines() if line.startswith("failed:") or ": error: " in line]
    print(f"built and read in {seconds:.0f} s: {result['pdfs']} PDFs (notes and annexes issued alone), "
          f"{result['footnotes']} footnotes, {result['on_last_line']} called on the last line of their page")
    print(f"build exit status {result['exit']}; {len(failed)} error lines; "
          f"{len(result['problems'])} footnotes away from their call")
    for line in (failed + result["problems"])[:40]:
        print("  " + line)
    return 0 if result["exit"] == 0 and not result["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
