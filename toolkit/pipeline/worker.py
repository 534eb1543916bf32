"""One (document, format) unit -> its bytes, in a worker process or in the main one."""

from __future__ import annotations

import signal
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.diagnostics import Diagnostic, Diagnostics, Position
from toolkit.pipeline.jobs import Job
from toolkit.render.docx.settle import needs_layout


@dataclass
class Rendered:
    output: str
    data: bytes | None
    pages: int | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    draft: object | None = None  # a DOCX whose contents page numbers the main process settles


REFERENCE_DOCX = "reference.docx"
_ENV_CACHE: dict[str, object] = {}


def _environment(templates: Path):
    from toolkit.render.html import environment

    key = str(templates)
    if key not in _ENV_CACHE:
        _ENV_CACHE[key] = environment(templates)
    return _ENV_CACHE[key]


def render(work: tuple[Job, tuple[str, ...], Path, Path, bytes | None]) -> list[Rendered]:
    """One document in the formats asked, PDF first: its pages are the DOCX contents' first guess.

    existing_pdf: the document's current PDF when only the DOCX is rebuilt.
    """
    job, formats, templates, meeting_root, existing_pdf = work
    diags = Diagnostics()
    if not _glyphs_ok(job, diags):  # both formats accept the same text
        return [Rendered(job.output(fmt), None, None, list(diags.items)) for fmt in formats]
    results = []
    pdf = existing_pdf
    for fmt in formats:
        diags = Diagnostics()
        output = job.output(fmt)
        try:
            result = _render_one(job, fmt, templates, meeting_root, pdf, diags)
        except Exception:  # a bug, not a source problem: keep its traceback for the report
            diags.error(Position(job.document.source, 1), f"internal error while building {output}:\n"
                                                          f"{traceback.format_exc()}")
            result = None
        if result is None:
            results.append(Rendered(output, None, None, diags.items))
            continue
        if fmt == "docx":
            results.append(Rendered(output, result.docx, None, diags.items,
                                    result if needs_layout(job.document) else None))
            continue
        data, pages = result
        pdf = data
        results.append(Rendered(output, data, pages, diags.items))
    return results


def _render_one(job: Job, fmt: str, templates: Path, root: Path, pdf: bytes | None, diags: Diagnostics):
    """PDF -> (bytes, pages); DOCX -> a Draft, its contents page numbers guessed from the PDF."""
    if fmt == "pdf":
        from toolkit.render.pdf import note_pdf

        return note_pdf(job.document, _environment(templates), templates, root, diags)
    if fmt == "docx":
        from toolkit.render.docx.settle import draft

        return draft(job.document, templates / REFERENCE_DOCX, diags, pdf=pdf)
    raise ValueError(f"unknown format {fmt!r}")


def _glyphs_ok(job: Job, diags: Diagnostics) -> bool:
    from toolkit.model.plain import note_strings
    from toolkit.render.glyphs import describe, missing_glyphs

    missing = missing_glyphs(note_strings(job.document))
    if missing:
        shown = ", ".join(describe(ch) for ch in missing[:5])
        diags.error(Position(job.document.source, 1),
                    f"no installed font can print {shown}{' and others' if len(missing) > 5 else ''}")
    return not missing


def ignore_interrupts() -> None:
    """Worker processes leave Ctrl-C to the main process, which stops them cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
