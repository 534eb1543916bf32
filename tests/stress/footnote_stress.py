"""A built PDF -> the footnotes whose text is not on the page of their call, read as a reader sees them.

A call is a run of digits set at the call size (templates/note.css: 8 pt), a footnote's marker
a run at the marker size (7 pt); both are measured against the body text (12 pt). Every number
called must have exactly one marker, on the page of its first call. The PDF is read with pdfium
(a dependency of the toolkit already), which reads a page in about a hundredth of a second.
"""

from __future__ import annotations

import collections
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

BODY_PT, CALL_PT, MARKER_PT = 12.0, 8.0, 7.0


@dataclass
class _Page:
    runs: list[tuple[str, float, float]]  # digits, size as pdfium reports it, bottom (PDF units, up)
    last_body_line: float | None  # bottom of the lowest line of body text


def _pages(path: Path) -> list[_Page]:
    """Every page's runs of digits of one size, and where its body text ends."""
    out = []
    document = pdfium.PdfDocument(str(path))
    try:
        sizes: collections.Counter = collections.Counter()
        for index in range(len(document)):
            page = document[index]
            text = page.get_textpage()
            runs, run, size, bottom, lowest = [], "", 0.0, 0.0, None
            chars = [(chr(raw.FPDFText_GetUnicode(text.raw, k)), round(raw.FPDFText_GetFontSize(text.raw, k), 2),
                      text.get_charbox(k)[1]) for k in range(text.count_chars())]
            if index < 3:
                sizes.update(size for char, size, _ in chars if char.strip())
            body = sizes.most_common(1)[0][0] if sizes else 0.0
            for char, char_size, char_bottom in chars + [("", 0.0, 0.0)]:
                if char_size == body and char.strip() and (lowest is None or char_bottom < lowest):
                    lowest = char_bottom
                if char.isdigit() and (not run or char_size == size):
                    run, size, bottom = run + char, char_size, char_bottom if not run else bottom
                    continue
                if run:
                    runs.append((run, size, bottom))
                run, size, bottom = (char, char_size, char_bottom) if char.isdigit() else ("", 0.0, 0.0)
            out.append(_Page(runs, lowest))
            text.close()
            page.close()
        scale = (sizes.most_common(1)[0][0] / BODY_PT) if sizes else 1.0
    finally:
        document.close()
    for page in out:
        page.runs = [(digits, size / scale, bottom) for digits, size, bottom in page.runs]
    return out


@dataclass
class Checked:
    footnotes: int  # numbers called
    on_last_line: int  # first calls on the last line of body text of their page: the hard case
    problems: list[str]  # each footnote missing, doubled or away from its first call


def misplaced_in_pdf(path: Path) -> Checked:
    calls: dict[str, int] = {}
    last_line = 0
    markers: dict[str, list[int]] = collections.defaultdict(list)
    for number, page in enumerate(_pages(path), 1):
        for digits, size, bottom in page.runs:
            if abs(size - CALL_PT) < 0.2:
                if digits not in calls:
                    calls[digits] = number
                    # a superscript sits above its line's bottom; within a line's height of the lowest
                    if page.last_body_line is not None and bottom - page.last_body_line < BODY_PT:
                        last_line += 1
            elif abs(size - MARKER_PT) < 0.2:
                markers[digits].append(number)
    problems = []
    for number, page in calls.items():
        printed = markers.get(number, [])
        if printed != [page]:
            problems.append(f"{path.name}: footnote {number} called on page {page}, printed on "
                            f"{', '.join(map(str, printed)) or 'no page'}")
    for number in markers.keys() - calls.keys():
        problems.append(f"{path.name}: footnote {number} printed but never called")
    expected = [str(n) for n in range(1, len(calls) + 1)]
    if sorted(calls, key=int) != expected:
        problems.append(f"{path.name}: footnote numbers {sorted(calls, key=int)[:12]}... are not 1 to {len(calls)}")
    return Checked(len(calls), last_line, problems)


def build_and_check(root: Path, out: Path, jobs: int, toolkit: list[str],
                    progress: Callable[[int], None] | None = None, every: float = 30.0) -> dict:
    """Builds the meeting's PDFs with the toolkit's own command, then reads every note and annex PDF.
    progress, if given, is told the number of PDFs written so far every `every` seconds of the build
    (it takes minutes: the caller can say how far it is).
    -> {"exit": status, "stderr": ..., "pdfs": n, "footnotes": n, "problems": [...]}"""
    import subprocess

    build = subprocess.Popen([*toolkit, "build", str(root), "--out", str(out), "--format", "pdf", "-j", str(jobs),
                              "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while True:
        try:
            _, stderr = build.communicate(timeout=every if progress else None)
            break
        except subprocess.TimeoutExpired:  # still building; communicate may be called again
            progress(len(list(out.glob("stress-*.pdf"))))
    found, last_line, problems, pdfs = 0, 0, [], sorted(out.glob("stress-*.pdf"))
    for pdf in pdfs:
        checked = misplaced_in_pdf(pdf)
        found += checked.footnotes
        last_line += checked.on_last_line
        problems += checked.problems
    return {"exit": build.returncode, "stderr": stderr, "pdfs": len(pdfs), "footnotes": found,
            "on_last_line": last_line, "problems": problems}
