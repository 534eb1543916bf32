"""Attached annexes (.pdf, .docx) -> their content in the DOCX: one picture per PDF page, or the Word body.

Each file is read once per document (`load_attachments`, before the layout rounds that
write the DOCX again) and placed after its annex's title (`AttachmentWriter`). A PDF
page becomes a PNG picture on a page of its own, fitted to the text area, as the PDF
renderer puts each attached page after the annex heading page; a Word file's body
follows the title directly (source.py, place.py). A file that cannot be read
is an error naming its meeting-relative path.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from docx.oxml.shape import CT_Inline
from toolkit.errors import Diagnostics, Position
from toolkit.model.document import Attachment, Inline, Note
from toolkit.model.plain import attached_page
from toolkit.render.docx.oxml import styles as S
from toolkit.render.docx.write.fields import Bookmarks, bookmark_name, cited_anchors, ref_bookmark
from toolkit.render.docx.oxml.ooxml import el, paragraph, run
from toolkit.render.docx.reference.target import Target
from toolkit.render.docx.attached.place import WordPlacer
from toolkit.render.docx.reference.target import EMU_PER_TWIP
from toolkit.render.docx.attached.source import WordBody, WordSourceError, read_word

DPI = 150  # small print stays legible on screen and paper; an A4 page is 1240 x 1754 pixels
SLACK = 567  # twips (1 cm) kept free below a page picture: Word adds the line's descent to its height


@dataclass(frozen=True)
class PageImage:
    png: bytes
    width: int  # pixels
    height: int


@dataclass(frozen=True)
class PdfPages:
    pages: tuple[PageImage, ...]


Loaded = PdfPages | WordBody


class AttachmentUnreadable(Exception):
    """The file cannot serve as it is; the message says why."""


def attachments_of(note: Note) -> list[tuple[str, Attachment]]:
    """(annex heading, attachment) of each attached annex: the annex issued alone, or the note's annexes."""
    found = [(note.masthead.annex_heading or "", note.attachment)] if note.attachment else []
    return found + [(annex.heading, annex.attachment) for annex in note.annexes if annex.attachment]


def load_attachments(note: Note, root: Path | None, diags: Diagnostics) -> dict[str, Loaded] | None:
    """Attachment path -> its content; None (with errors in diags) when one cannot be read."""
    out: dict[str, Loaded] = {}
    failed = False
    for _, attachment in attachments_of(note):
        where = Position(attachment.path, 1)
        name = repr(attachment.path)
        if root is None:
            diags.error(where, f"annex file {name} cannot be appended to the DOCX: the DOCX renderer was not "
                               "given the meeting folder")
            failed = True
            continue
        try:
            data = (root / attachment.path).read_bytes()
            if hashlib.sha256(data).hexdigest() != attachment.sha256:
                raise AttachmentUnreadable("changed while the meeting was being built; build again")
            if attachment.path.lower().endswith(".pdf"):
                out[attachment.path] = pdf_pages(data)
            else:
                body = read_word(data)
                for note_line in body.notes:
                    diags.warning(where, f"annex file {name} in the DOCX: {note_line}")
                out[attachment.path] = body
        except OSError as exc:
            diags.error(where, f"annex file {name} cannot be read for the DOCX ({exc.strerror or exc})")
            failed = True
        except (AttachmentUnreadable, WordSourceError) as exc:
            diags.error(where, f"annex file {name} {exc}")
            failed = True
    return None if failed else out


def pdf_pages(data: bytes) -> PdfPages:
    """Each page as a PNG at DPI; the same file gives the same bytes (PNG has no clock in it)."""
    import pypdfium2 as pdfium  # heavy: imported only when a PDF is attached

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise AttachmentUnreadable(f"is not a readable PDF ({exc})") from exc
    pages = []
    try:
        document.init_forms()  # filled-in form fields show, as in a viewer
        for index in range(len(document)):
            page = document[index]
            try:
                image = page.render(scale=DPI / 72, may_draw_forms=True, draw_annots=True).to_pil()
            except pdfium.PdfiumError as exc:
                raise AttachmentUnreadable(f"cannot be drawn: page {index + 1} ({exc})") from exc
            finally:
                page.close()
            out = io.BytesIO()
            image.save(out, "PNG", dpi=(DPI, DPI))
            pages.append(PageImage(out.getvalue(), image.width, image.height))
    finally:
        document.close()
    return PdfPages(tuple(pages))


class AttachmentWriter:
    """Places the loaded attachments in one DOCX being written (BodyWriter calls `place`)."""

    def __init__(self, target: Target, loaded: Mapping[str, Loaded], bookmarks: Bookmarks, note: Note):
        self.target = target
        self.loaded = loaded
        # Bookmark names the note's headings carry: an attached file's bookmark of the same name goes.
        reserved = {bookmark_name(c.anchor) for c in note.chapters} | {bookmark_name(a.anchor) for a in note.annexes}
        reserved |= {ref_bookmark(anchor) for anchor in cited_anchors(note)}  # and the cross-references' ones
        self.word = WordPlacer(target, bookmarks, reserved)
        self.language = note.language_code  # of the pages' descriptions

    def place(self, attachment: Attachment, heading: str, title: tuple[Inline, ...] = ()) -> None:
        content = self.loaded.get(attachment.path)
        if content is None:
            raise ValueError(f"annex file {attachment.path!r} was not loaded for the DOCX")
        if isinstance(content, PdfPages):
            self._pages(content, heading, title)
        else:
            self.word.place(content)

    def _pages(self, content: PdfPages, heading: str, title: tuple[Inline, ...]) -> None:
        """One Attachment Page paragraph per page: the style breaks the page before it."""
        part = self.target.document.part
        box_width, height = self.target.text_area()
        box_height = height - SLACK * EMU_PER_TWIP
        style = self.target.styles.para(S.ATTACHMENT_PAGE)
        total = len(content.pages)
        for number, page in enumerate(content.pages, 1):
            r_id, _ = part.get_or_add_image(io.BytesIO(page.png))
            scale = min(box_width / page.width, box_height / page.height)
            label = attached_page(self.language, heading, title, number, total)
            inline = CT_Inline.new_pic_inline(part.next_id, r_id, f"page-{number}.png",
                                              int(page.width * scale), int(page.height * scale))
            inline.docPr.set("name", label)
            inline.docPr.set("descr", label)  # the alt text a screen reader says
            self.target.append(paragraph(style, run(el("w:drawing", None, inline))))
