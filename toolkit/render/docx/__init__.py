"""A Note of the model -> DOCX bytes styled by templates/reference.docx, for editors in Word.

`render_docx` (write/note.py) writes one DOCX with given contents page numbers (annexes
attached as files: attached/; the reference document: reference/). The page numbers are
made right by laying the DOCX out with LibreOffice (contents_pages.py: a build settles
all its notes in batched LibreOffice runs); `note_docx` does it for one note.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from toolkit.errors import Diagnostics
from toolkit.model.document import Note
from toolkit.render.docx.contents_pages import draft, settle
from toolkit.render.docx.write.note import render_docx

__all__ = ["note_docx", "render_docx"]

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
