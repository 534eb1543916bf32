"""Drafted DOCX files -> their contents page numbers made right, laid out by LibreOffice in batches.

A worker drafts each DOCX with the PDF's chapter pages as a guess. LibreOffice's
start-up is most of the cost of a layout (over a second; then about a tenth of a
second a document), so the drafts of a whole build are laid out together in one
LibreOffice run and corrected where the guess was wrong. A correction that changes a
number's count of digits is laid out again (at most three rounds), until the numbers
written are the numbers shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import Diagnostics, Position
from toolkit.model.document import Note
from toolkit.render.docx.attached.annex import load_attachments
from toolkit.render import office
from toolkit.render.docx.chapter_pages import LayoutError, chapter_pages
from toolkit.render.docx.oxml.guard import ReferenceRefused, safe_reference
from toolkit.render.docx.reference.target import ReferenceProblem
from toolkit.render.docx.write.note import render_docx
from toolkit.render.docx.write.numbering import NumberingMismatch
from toolkit.render.docx.write.pictures import load_pictures

MAX_ROUNDS = 3


@dataclass
class Draft:
    """A DOCX and the contents page numbers written in it; crosses from worker to main process."""

    note: Note
    docx: bytes
    pages: dict[str, int]
    reference: Path
    options: dict = field(default_factory=dict)  # further keywords of render_docx

    def rerender(self, pages: dict[str, int]) -> bytes:
        return render_docx(self.note, self.reference, pages, **self.options)


def first_guess(note: Note, pdf: bytes | None, diags: Diagnostics) -> dict[str, int]:
    if pdf is None or not note.contents_paged:
        return {}
    try:
        return chapter_pages(pdf, note)
    except LayoutError as exc:  # only a guess: LibreOffice may still find them
        diags.warning(Position(note.source, 1), f"DOCX contents: the PDF's chapter pages were not read ({exc})")
        return {}


def draft(note: Note, reference: Path, diags: Diagnostics, pdf: bytes | None = None,
          meeting_root: Path | None = None, pages: dict[str, int] | None = None, **options) -> Draft | None:
    """The DOCX with the PDF's chapter pages as its contents page numbers (to be settled).

    meeting_root: where the files of attached annexes and figures' pictures are read, once: their
    content (plain bytes) goes with the draft, so the main process writes it again without reading them."""
    attached = load_attachments(note, meeting_root, diags)
    if attached is None:
        return None
    if attached:
        options = {**options, "attached": attached}
    pictures = load_pictures(note, meeting_root, diags)
    if pictures is None:
        return None
    if pictures:
        options = {**options, "pictures": pictures}
    shown = Position(f"{reference.parent.name}/{reference.name}", 1)
    try:
        reference = safe_reference(reference)
    except ReferenceRefused as exc:
        diags.error(shown, f"reference document {exc}")
        return None
    except OSError as exc:
        diags.error(shown, f"reference document cannot be read: {exc.strerror or exc}")
        return None
    pages = dict(pages) if pages else first_guess(note, pdf, diags)
    try:
        return Draft(note, render_docx(note, reference, pages, **options), pages, reference, options)
    except ReferenceProblem as exc:
        diags.error(shown, f"reference document {exc}")
    except NumberingMismatch as exc:
        diags.error(Position(note.source, 1), f"DOCX numbering: {exc}")
    return None


def settle(drafts: list[Draft], diags: Diagnostics, soffice: str | None = "auto") -> None:
    """Makes each draft's contents page numbers those of its own layout (draft.docx is replaced).

    soffice: the LibreOffice program, "auto" to look for it, None to keep the guesses."""
    pending = [d for d in drafts if d.note.contents_paged]
    if not pending:
        return
    program = office.find() if soffice == "auto" else soffice
    if program is None:
        for draft in pending:
            how = "taken from the PDF layout" if draft.pages else "left empty (Word fills them when updated)"
            diags.warning(Position(draft.note.source, 1),
                          f"DOCX contents page numbers {how}: LibreOffice (soffice or libreoffice) is not installed "
                          "to lay the DOCX out")
        return
    for _ in range(MAX_ROUNDS):
        if not pending:
            return
        laid_out = _lay_out(pending, program, diags)
        still = []
        for draft, pdf in laid_out:
            try:
                found = chapter_pages(pdf, draft.note)
            except LayoutError as exc:
                diags.warning(Position(draft.note.source, 1), f"DOCX contents page numbers not checked: {exc}")
                continue
            if found != draft.pages:
                same_widths = _same_widths(draft.pages, found)
                draft.pages = found
                draft.docx = draft.rerender(found)
                if not same_widths:
                    still.append(draft)  # a wider number could move a line: lay it out again
        pending = still
    for draft in pending:
        diags.warning(Position(draft.note.source, 1), "DOCX contents page numbers did not settle after "
                                                      f"{MAX_ROUNDS} LibreOffice layouts; they may be one page off")


def _same_widths(old: dict[str, int], new: dict[str, int]) -> bool:
    """Numbers of as many digits take the same room (the serif faces have equal-width digits,
    set after a right-aligned tab): writing them cannot move a line or a page break."""
    return old.keys() == new.keys() and all(len(str(old[k])) == len(str(new[k])) for k in new)


def _lay_out(drafts: list[Draft], program: str, diags: Diagnostics) -> list[tuple[Draft, bytes]]:
    """All drafts in one LibreOffice run; if that run fails, each on its own, to name the culprit."""
    try:
        return list(zip(drafts, office.convert([d.docx for d in drafts], program), strict=True))
    except office.OfficeError as exc:
        if len(drafts) > 1:
            return [pair for draft in drafts for pair in _lay_out([draft], program, diags)]
        diags.warning(Position(drafts[0].note.source, 1), f"DOCX contents page numbers not checked: {exc}")
        return []


