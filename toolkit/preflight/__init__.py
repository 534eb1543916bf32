"""A note of the model and its laid-out pages -> the typographer's preflight warnings, each with
its page and the source line of the block it is about.

The entry points: `preflight` (run by the build on each PDF as it is laid out, pipeline/worker.py)
and `docx_breaks` (`toolkit check --layout`: the PDF's page breaks that the DOCX, laid out by
LibreOffice, does not share). Warnings, never errors: a build with them still writes its files.
"""

from __future__ import annotations

from toolkit.errors import Diagnostics
from toolkit.model.document import Note
from toolkit.preflight.breaks import docx_breaks
from toolkit.preflight.rules import findings
from toolkit.preflight.sources import Places
from toolkit.render.layout import Layout

__all__ = ["docx_breaks", "preflight"]


def preflight(note: Note, layout: Layout, output: str, diags: Diagnostics) -> int:
    """Adds a warning per finding to diags, as "page N: ... (in OUTPUT)"; returns how many."""
    places = Places(note)
    count = 0
    for finding in findings(layout):
        where = places.table(finding.table) if finding.block is None else places.of(layout.blocks[finding.block])
        diags.warning(where, f"page {finding.page}: {finding.message} (in {output})")
        count += 1
    return count
