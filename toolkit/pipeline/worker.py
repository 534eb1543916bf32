"""One (document, format) unit -> its bytes, in a worker process or in the main one."""

from __future__ import annotations

import signal
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.diagnostics import Diagnostic, Diagnostics, Position
from toolkit.pipeline.jobs import Job


@dataclass
class Rendered:
    output: str
    data: bytes | None
    pages: int | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


_ENV_CACHE: dict[str, object] = {}


def _environment(templates: Path):
    from toolkit.render.html import environment

    key = str(templates)
    if key not in _ENV_CACHE:
        _ENV_CACHE[key] = environment(templates)
    return _ENV_CACHE[key]


def render(unit: tuple[Job, str, Path, Path]) -> Rendered:
    job, fmt, templates, meeting_root = unit
    diags = Diagnostics()
    output = job.output(fmt)
    try:
        if fmt == "pdf":
            from toolkit.render.pdf import note_pdf

            result = note_pdf(job.document, _environment(templates), templates, meeting_root, diags)
        else:
            raise ValueError(f"unknown format {fmt!r}")
    except Exception:  # a bug, not a source problem: keep its traceback for the report
        diags.error(Position(job.document.source, 1), f"internal error while building {output}:\n"
                                                      f"{traceback.format_exc()}")
        result = None
    if result is None:
        return Rendered(output, None, None, diags.items)
    data, pages = result
    return Rendered(output, data, pages, diags.items)


def ignore_interrupts() -> None:
    """Worker processes leave Ctrl-C to the main process, which stops them cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
