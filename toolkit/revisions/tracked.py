"""The issued and the current note -> the revision's DOCX with Word tracked changes against the issued one.

    tracked_docx(issued, current, reference, diags, author=..., date=..., meeting_root=..., pdf=..., soffice=...)
        -> bytes | None   (None: problems are in diags, as note_docx)

The DOCX is written by the same writer as the clean DOCX of the current note, from the
merged note of redline.py, so its styles, numbering, footnotes, fields and contents page
numbers are the clean DOCX's; the changes are real Word revisions (w:ins, w:del) by
`author` on `date` (the revision's author line, such as "NEASPEC Secretariat", and its
date, from the sources), which an editor accepts or rejects in Word or LibreOffice.
Accepting them all gives the text of the clean DOCX; rejecting them all the issued text.
`pdf`: the current note's PDF, whose chapter pages are the contents' first guess.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from toolkit.errors import Diagnostics
from toolkit.model.document import Note
from toolkit.render.docx import TrackedChanges, draft, settle
from toolkit.revisions.redline import redline


def tracked_docx(issued: Note, current: Note, reference: Path, diags: Diagnostics, *, author: str,
                 date: dt.date | dt.datetime, meeting_root: Path | None = None, pdf: bytes | None = None,
                 soffice: str | None = "auto") -> bytes | None:
    merged = redline(issued, current)
    made = draft(merged, reference, diags, pdf=pdf, meeting_root=meeting_root,
                 tracked=TrackedChanges(author, date))
    if made is None:
        return None
    settle([made], diags, soffice=soffice)
    return made.docx
