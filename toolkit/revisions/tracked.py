"""ADAPTER (stand-in until the `tracked` branch's implementation is swapped in): the issued and the
revised Note -> a DOCX in which Word shows every change as a tracked insertion or deletion, by
`author` on `date`, for editors to accept or reject.

This stand-in writes the revised document's DOCX as it is, WITHOUT tracked changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from toolkit.diagnostics import Diagnostics
from toolkit.model.document import Note


def tracked_docx(issued: Note, current: Note, author: str, date: dt.datetime, reference: Path,
                 meeting_root: Path, diags: Diagnostics) -> bytes | None:
    from toolkit.render.docx.contents_pages import draft

    made = draft(current, reference, diags, meeting_root=meeting_root)
    return made.docx if made is not None else None
