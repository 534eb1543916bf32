"""Benchmark: builds a generated meeting and prints figures and ratios against the targets of issue 4.

    .venv/bin/python bench/run.py            (about five minutes on two cores)

Not a test: it prints what it measures. Everything is measured in this one run.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from meeting import write_meeting  # noqa: E402

TOOLKIT = [sys.executable, "-m", "toolkit"]


def run(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(TOOLKIT + args, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def floor_pdf(meeting: Path) -> tuple[float, dict[str, float], int]:
    """WeasyPrint's own time to render the same HTML in one process (HTML made beforehand, not timed)."""
    import weasyprint

    from toolkit.pipeline.jobs import plan
    from toolkit.render.fetcher import RestrictedFetcher
    from toolkit.render.pdf.html import environment, render_note_html
    from toolkit.model.build import load

    templates = REPO / "templates"
    env = environment(templates)
    jobs = plan(load(meeting))
    base = templates.resolve().as_uri() + "/"
    per_doc: dict[str, float] = {}
    pages = 0
    for job in jobs:
        html = render_note_html(job.document, env, meeting_root=meeting)
        started = time.perf_counter()
        document = weasyprint.HTML(string=html, base_url=base,
                                   url_fetcher=RestrictedFetcher([templates, meeting])).render()
        document.write_pdf()
        per_doc[job.name] = time.perf_counter() - started
        pages += len(document.pages)
    return sum(per_doc.values()), per_doc, pages


def floor_docx(meeting: Path) -> float:
    """python-docx's own time to save the same documents (Document.save alone, timed in-process)."""
    import docx.document

    from toolkit.errors import Diagnostics
    from toolkit.pipeline.jobs import plan
    from toolkit.render.docx import render_docx
    from toolkit.render.docx.write.pictures import load_pictures
    from toolkit.model.build import load

    spent = 0.0
    original = docx.document.Document.save

    def timed_save(self, stream):
        nonlocal spent
        started = time.perf_counter()
        original(self, stream)
        spent += time.perf_counter() - started

    docx.document.Document.save = timed_save
    try:
        for job in plan(load(meeting)):
            pictures = load_pictures(job.document, meeting, Diagnostics())  # read before, not timed
            render_docx(job.document, REPO / "templates" / "reference.docx", {}, pictures=pictures)
    finally:
        docx.document.Document.save = original
    return spent


def main() -> None:
    formats = os.environ.get("BENCH_FORMAT", "pdf")
    work = Path(tempfile.mkdtemp(prefix="toolkit-bench-"))
    meeting = work / "som-b"
    notes = write_meeting(meeting)
    tables = sum(text.count("\nTable: ") for text in (n.read_text() for n in notes))
    figures = sum(text.count("\nFigure: ") for text in (n.read_text() for n in notes))
    print(f"generated meeting: {len(notes)} notes, 30 annexes, {tables} tables, {figures} figures, in {meeting}")
    print(f"cores: {os.cpu_count()}; formats: {formats}\n")

    floor, per_doc, pages = floor_pdf(meeting)
    print(f"floor, PDF (WeasyPrint alone, one process): {floor:6.2f} s for {len(per_doc)} documents, {pages} pages "
          f"({1000 * floor / pages:.0f} ms a page)")
    if "docx" in formats or formats == "all":
        saving = floor_docx(meeting)
        print(f"floor, DOCX (python-docx saving the same documents): {saving:6.2f} s")
        floor += saving

    cold1 = run(["build", str(meeting), "--out", str(work / "j1"), "-j", "1", "-q", "--format", formats])
    print(f"cold build -j 1:                        {cold1:6.2f} s   ratio to floor {cold1 / floor:5.2f}  "
          f"(target <= 1.15)")
    cold2 = run(["build", str(meeting), "--out", str(work / "j2"), "-j", "2", "-q", "--format", formats])
    print(f"cold build -j 2:                        {cold2:6.2f} s   speed-up {cold1 / cold2:5.2f}x  "
          f"(target >= 1.7x)")

    nochange = min(run(["build", str(meeting), "--out", str(work / "j2"), "-q", "--format", formats])
                   for _ in range(3))
    print(f"no-change rebuild:                      {nochange:6.2f} s   (target < 0.5 s)")

    target = notes[7]
    target.write_text(target.read_text().replace("A sub-heading", "A changed sub-heading", 1))
    one = run(["build", str(meeting), "--out", str(work / "j2"), "-q", "--format", formats])
    own_floor = per_doc[target.stem]
    print(f"one note changed:                       {one:6.2f} s   its own floor {own_floor:.2f} s + 0.5 s = "
          f"{own_floor + 0.5:.2f} s  ({'met' if one < own_floor + 0.5 else 'NOT met'})")

    helps = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(TOOLKIT + ["--help"], check=True, stdout=subprocess.DEVNULL)
        helps.append(time.perf_counter() - started)
    print(f"toolkit --help start-up:                {min(helps):6.3f} s   (target < 0.25 s)")

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of one build process:       {peak:6.0f} MB")

    docx_files = sorted((work / "j2").glob("*.docx"))
    from toolkit.render import office

    program = office.find()
    if docx_files and program:
        started = time.perf_counter()
        office.convert([path.read_bytes() for path in docx_files], program)
        lo = time.perf_counter() - started
        print(f"LibreOffice, {len(docx_files)} DOCX to PDF in one call: {lo:6.2f} s   our cold -j 2 / LibreOffice "
              f"{cold2 / lo:5.2f}  (target <= 1.5)")
    else:
        print("LibreOffice comparison: needs the DOCX outputs (BENCH_FORMAT=all) and LibreOffice")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
