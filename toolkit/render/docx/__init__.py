"""A Note of the model -> DOCX bytes styled by templates/reference.docx, for editors in Word.

`note_docx` is the entry point. It renders the note (body.py, footnotes.py, page.py),
then lays the DOCX out with LibreOffice to learn the pages where the chapters start
and writes them into the contents field (layout.py), at most three rounds, until the
numbers it wrote are the numbers the layout shows. Annexes appended as they are (a PDF
or Word file) are read once, before the first round (attachments.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from toolkit.diagnostics import Diagnostics, Position
from toolkit.model.document import Note
from toolkit.render.docx.attachments import Loaded, load_attachments
from toolkit.render.docx.body import BodyWriter
from toolkit.render.docx.footnotes import Footnotes
from toolkit.render.docx.inline import InlineWriter
from toolkit.render.docx.layout import LayoutError, chapter_pages, docx_to_pdf, find_soffice
from toolkit.render.docx.numbering import NumberingMismatch
from toolkit.render.docx.package import save, set_core_properties
from toolkit.render.docx.page import write_page_furniture
from toolkit.render.docx.reference import ReferenceProblem, open_reference

__all__ = ["note_docx", "render_docx", "chapter_pages", "find_soffice", "docx_to_pdf"]

MAX_LAYOUT_ROUNDS = 3
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
    """
    here = Position(note.source, 1)
    attached = load_attachments(note, meeting_root, diags)  # once: the layout rounds reuse them
    if attached is None:
        return None
    office = find_soffice() if soffice == AUTO else soffice
    known = dict(pages or {})
    if not known and pdf is not None and note.contents:
        try:
            known = chapter_pages(pdf, note)
        except LayoutError as exc:  # only a guess: LibreOffice may still get them
            diags.warning(here, f"DOCX contents: the PDF's chapter pages were not read ({exc})")
    try:
        docx = render_docx(note, reference, known, attached)
        if not any(entry.show_page for entry in note.contents):
            return docx  # no page numbers to get right
        if office is None:
            how = ("taken from the PDF layout" if known else "left empty (Word fills them when the contents "
                   "field is updated)")
            diags.warning(here, f"DOCX contents page numbers {how}: LibreOffice (soffice) is not installed to "
                                "lay the DOCX out")
            return docx
        for _ in range(MAX_LAYOUT_ROUNDS):  # invariant: docx carries the numbers in `known`
            try:
                found = chapter_pages(docx_to_pdf(docx, office), note)
            except LayoutError as exc:
                diags.warning(here, f"DOCX contents page numbers not checked: {exc}")
                return docx
            if found == known:
                return docx
            known = found
            docx = render_docx(note, reference, known, attached)
        diags.warning(here, "DOCX contents page numbers did not settle after "
                            f"{MAX_LAYOUT_ROUNDS} LibreOffice layouts; they may be one page off")
        return docx
    except ReferenceProblem as exc:
        diags.error(Position(str(reference), 1), f"reference document {exc}")
    except NumberingMismatch as exc:
        diags.error(here, f"DOCX numbering: {exc}")
    return None
