"""One (document, format) unit -> its bytes, in a worker process or in the main one."""

from __future__ import annotations

import signal
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import Diagnostic, Diagnostics, Position
from toolkit.pipeline.counting import with_lines
from toolkit.pipeline.jobs import Job


@dataclass
class Rendered:
    output: str
    data: bytes | None
    pages: int | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    draft: object | None = None  # a DOCX whose contents page numbers the main process settles


REFERENCE_DOCX = "reference.docx"
# A document that takes longer than this to render is stopped and reported: a runaway
# layout (a huge font size in a template, a pathological source) must not hang a build.
RENDER_SECONDS_LIMIT = 300


class RenderTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise RenderTimeout
_ENV_CACHE: dict[str, object] = {}


def _environment(templates: Path):
    from toolkit.render.pdf import environment

    key = str(templates)
    if key not in _ENV_CACHE:
        _ENV_CACHE[key] = environment(templates)
    return _ENV_CACHE[key]


def render(work: tuple[Job, tuple[str, ...], Path, Path, bytes | None]) -> list[Rendered]:
    """One document in the formats asked, PDF first: its pages are the DOCX contents' first guess.

    existing_pdf: the document's current PDF when only the DOCX is rebuilt.
    """
    job, formats, templates, meeting_root, existing_pdf = work
    job = with_lines(job, templates, meeting_root)  # a corrigendum's lines, with this build's templates
    diags = Diagnostics()
    if not _glyphs_ok(job, diags):  # both formats accept the same text
        return [Rendered(job.output(fmt), None, None, list(diags.items)) for fmt in formats]
    results = []
    pdf = existing_pdf
    for fmt in formats:
        diags = Diagnostics()
        output = job.output(fmt)
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, RENDER_SECONDS_LIMIT)
        try:
            result = _render_one(job, fmt, templates, meeting_root, pdf, diags)
        except RenderTimeout:
            diags.error(Position(job.document.source, 1), f"{output} took longer than {RENDER_SECONDS_LIMIT} s "
                                                          "to render and was stopped")
            result = None
        except Exception:  # a bug, not a source problem: keep its traceback for the report
            diags.error(Position(job.document.source, 1), f"internal error while building {output}:\n"
                                                          f"{traceback.format_exc()}")
            result = None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        if result is None:
            results.append(Rendered(output, None, None, diags.items))
            continue
        if job.changes is not None:  # a Word file with tracked changes: written as it comes
            results.append(Rendered(output, result, None, diags.items))
            continue
        if fmt == "docx":
            results.append(Rendered(output, result.docx, None, diags.items,
                                    result if job.document.contents_paged else None))
            continue
        data, pages = result
        pdf = data
        results.append(Rendered(output, data, pages, diags.items))
    return results


def _render_one(job: Job, fmt: str, templates: Path, root: Path, pdf: bytes | None, diags: Diagnostics):
    """PDF -> (bytes, pages); DOCX -> a Draft, its contents page numbers guessed from the PDF; a revision's
    tracked changes -> DOCX bytes."""
    if job.changes is not None:
        from toolkit.revisions.tracked import tracked_docx

        c = job.changes
        return tracked_docx(c.issued, c.current, templates / REFERENCE_DOCX, diags, author=c.author, date=c.date,
                            meeting_root=root)
    if fmt == "pdf":
        from toolkit.render.pdf import note_pdf

        layout: list = []
        result = note_pdf(job.document, _environment(templates), templates, root, diags, layout=layout)
        if result is not None and layout:
            run_preflight(job, layout[0], diags)
        return result
    if fmt == "docx":
        from toolkit.render.docx import draft

        return draft(job.document, templates / REFERENCE_DOCX, diags, pdf=pdf, meeting_root=root)
    raise ValueError(f"unknown format {fmt!r}")


def run_preflight(job: Job, layout, diags: Diagnostics) -> None:
    """The typographer's preflight on a laid-out PDF: warnings only, so a fault in it never fails a build."""
    from toolkit.preflight import preflight

    try:
        preflight(job.document, layout, job.output("pdf"), diags)
    except Exception as exc:  # a bug of the preflight: said, and the PDF still written
        diags.warning(Position(job.document.source, 1), f"the layout preflight of {job.output('pdf')} stopped "
                                                        f"({type(exc).__name__}: {exc}); its pages were not checked")


def _glyphs_ok(job: Job, diags: Diagnostics) -> bool:
    from toolkit.model.plain import note_strings
    from toolkit.render.glyphs import describe, missing_glyphs

    missing = missing_glyphs(note_strings(job.document))
    for ch in missing[:5]:
        diags.error(_where(job, ch), f"no installed font can print {describe(ch)}; it would print as a box")
    return not missing


def _where(job: Job, ch: str) -> Position:
    """The first place a character stands in the document's own source files."""
    for rel in job.sources:
        try:
            text = (job.root / rel).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        index = text.find(ch)
        if index >= 0:
            line = text.count("\n", 0, index) + 1
            return Position(rel, line, index - (text.rfind("\n", 0, index) + 1) + 1)
    return Position(job.document.source, 1)


def ignore_interrupts() -> None:
    """Worker processes leave Ctrl-C to the main process, which stops them cleanly. Forked with
    Ctrl-C held (`interrupts_held`), a worker ignores it before it can arrive."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def interrupts_held():
    """Ctrl-C held back while the workers are forked, delivered to the main process after.

    A Ctrl-C that arrives during a fork would otherwise reach the new worker in Python's own
    after-fork code, before `ignore_interrupts` runs, and print a traceback there. It holds
    it for the calling thread only: the build forks from its one thread."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
