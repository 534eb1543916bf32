"""A Note of the model -> DOCX bytes styled by templates/reference.docx, for editors in Word.

The renderer's entry points, as the PDF renderer's (render/pdf/__init__.py): `note_docx` renders
one note; a build `draft`s its notes and `settle`s their contents page numbers together in batched
LibreOffice runs (contents_pages.py); `render_docx` writes one DOCX with given page numbers, with
`TrackedChanges` for a revision's tracked changes. Code outside render/ imports these, not the
modules under them, which are grouped by layer:

    oxml/       WordprocessingML elements, styles.xml lookups, settings, revision marks, the guard
                that reads untrusted OOXML (imports nothing above it)
    write/      the note written into the reference's empty document (body, inline, tables, notes)
    attached/   annexes attached as PDF or Word files
    reference/  templates/reference.docx: made (make.py) and opened as the target (target.py)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from toolkit.errors import Diagnostics
from toolkit.model.document import Note
from toolkit.render.docx.contents_pages import Draft, draft, settle
from toolkit.render.docx.oxml.revisions import TrackedChanges
from toolkit.render.docx.write.note import render_docx

__all__ = ["Draft", "TrackedChanges", "draft", "note_docx", "render_docx", "settle"]

AUTO = "auto"


def note_docx(note: Note, reference: Path, diags: Diagnostics, *, pdf: bytes | None = None,
              pages: Mapping[str, int] | None = None, soffice: str | None = AUTO,
              meeting_root: Path | None = None) -> bytes | None:
    """Renders one note; problems go to diags (naming the note or the reference) and give None.

    The contents page numbers start from a guess: `pages` (anchor -> page) if given, else
    the pages where the chapters start in `pdf`, the note's PDF, if given. LibreOffice then
    corrects the guess; without it the guess is kept (with a warning). soffice: the
    LibreOffice program, None to skip the layout step, or "auto" to look for it on PATH.
    meeting_root: the meeting folder, where the files of attached annexes and pictures are read.
    The build itself drafts many notes and settles them together (contents_pages.py).
    """
    made = draft(note, reference, diags, pdf=pdf, pages=pages, meeting_root=meeting_root)
    if made is None:
        return None
    settle([made], diags, soffice=soffice)
    return made.docx
