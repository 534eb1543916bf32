"""A Note of the model -> DOCX bytes styled by templates/reference.docx, for editors in Word.

`render_docx` writes one DOCX with given contents page numbers (body.py, footnotes.py,
page.py; annexes appended as they are: attachments.py). The page numbers are made right
by laying the DOCX out with LibreOffice (settle.py: a build settles all its notes in
batched LibreOffice runs); `note_docx` does it for one note.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from toolkit.diagnostics import Diagnostics
from toolkit.model.document import Note
from toolkit.render.docx.attached.annex import Loaded, load_attachments
from toolkit.render.docx.write.body import BodyWriter
from toolkit.render.docx.write.footnotes import Footnotes
from toolkit.render.docx.write.inline import InlineWriter
from toolkit.render.docx.chapter_pages import chapter_pages, docx_to_pdf, find_soffice
from toolkit.render.docx.write.package import save, set_core_properties
from toolkit.render.docx.write.page import write_page_furniture
from toolkit.render.docx.reference.target import open_reference

__all__ = ["note_docx", "render_docx", "chapter_pages", "find_soffice", "docx_to_pdf"]

AUTO = "auto"


def render_docx(note: Note, reference: Path, pages: Mapping[str, int],
                attached: Mapping[str, Loaded] | None = None) -> bytes:
    """One DOCX with the given contents page numbers (anchor -> page); raises on problems.

    attached: the content of the note's attached annexes, by path (load_attachments)."""
    target = open_reference(reference)
    target.set_language(note.language)
    document = target.document
    footnotes = Footnotes(document, target.styles, note.footnotes)
    footnotes.inline = InlineWriter(target.styles, footnotes.part, None)
    body_inline = InlineWriter(target.styles, document.part, footnotes)
    contents_inline = InlineWriter(target.styles, document.part, None)
    BodyWriter(target, body_inline, contents_inline, note, attached).write(dict(pages))
    footnotes.check_all_placed()
    write_page_furniture(document, target.styles, note.running_head)
    set_core_properties(document, note)
    return save(document)


def note_docx(note: Note, reference: Path, diags: Diagnostics, *, pdf: bytes | None = None,
              pages: Mapping[str, int] | None = None, soffice: str | None = AUTO,
              meeting_root: Path | None = None) -> bytes | None:
    """Renders one note; problems go to diags (naming the note or the reference) and give None.

    The contents page numbers start from a guess: `pages` (anchor -> page) if given, else
    the pages where the chapters start in `pdf`, the note's PDF, if given. LibreOffice then
    corrects the guess; without it the guess is kept (with a warning). soffice: the
    LibreOffice program, None to skip the layout step, or "auto" to look for it on PATH.
    meeting_root: the meeting folder, where the files of attached annexes are read.
    The build itself drafts many notes and settles them together (settle.py).
    """
    from toolkit.render.docx.contents_pages import draft, settle

    made = draft(note, reference, diags, pdf=pdf, pages=pages, meeting_root=meeting_root)
    if made is None:
        return None
    settle([made], diags, soffice=soffice)
    return made.docx
