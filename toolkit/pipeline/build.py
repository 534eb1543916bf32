"""A meeting folder -> its documents in the output folder (all rendered before any is written)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.diagnostics import Diagnostic, Diagnostics
from toolkit.pipeline.atomic import write_atomic
from toolkit.sources.loader import LoadedMeeting, load

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0


def check(meeting_dir: Path) -> LoadedMeeting:
    """Validates the meeting; raises SourceError listing every problem."""
    return load(meeting_dir)


def build(meeting_dir: Path, out_dir: Path, templates: Path = TEMPLATES) -> BuildReport:
    from toolkit.render.html import environment
    from toolkit.render.pdf import note_pdf

    started = time.perf_counter()
    loaded = load(meeting_dir)
    diags = Diagnostics()
    env = environment(templates)
    outputs: dict[Path, bytes] = {}
    for note in loaded.notes:
        pdf = note_pdf(note, env, templates, loaded.root, diags)
        if pdf is not None:
            outputs[out_dir / f"{note.stem}.pdf"] = pdf
    diags.raise_if_errors()  # nothing is written when any document failed
    report = BuildReport(warnings=loaded.diagnostics.warnings + diags.warnings)
    for path, data in outputs.items():
        write_atomic(path, data)
        report.written.append(path)
    report.seconds = time.perf_counter() - started
    return report
