"""A Note of the model -> one DOCX with given contents page numbers, written into the reference's empty document."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from toolkit.model.document import Note
from toolkit.model.wording import for_language
from toolkit.render.docx.attached.annex import Loaded
from toolkit.render.docx.reference.target import open_reference
from toolkit.render.docx.write.body import BodyWriter
from toolkit.render.docx.oxml.compat import set_layout_options
from toolkit.render.docx.write.footnotes import Footnotes
from toolkit.render.docx.write.ideographs import flush_left_ideographs
from toolkit.render.docx.write.inline import InlineWriter
from toolkit.render.docx.write.package import save, set_core_properties
from toolkit.render.docx.write.page import write_page_furniture
from toolkit.render.docx.write.pictures import Picture
from toolkit.render.docx.oxml.styles import PARAGRAPH_STYLES
from toolkit.render.docx.oxml.revisions import RevisionMarks, TrackedChanges


def render_docx(note: Note, reference: Path, pages: Mapping[str, int],
                attached: Mapping[str, Loaded] | None = None, pictures: Mapping[str, Picture] | None = None,
                tracked: TrackedChanges | None = None) -> bytes:
    """One DOCX with the given contents page numbers (anchor -> page); raises on problems.

    attached: the content of the note's attached annexes, by path (load_attachments);
    pictures: the pictures of its figures, by path (load_pictures); tracked: the author and
    date of the tracked changes a merged note carries (toolkit/revisions/redline.py)."""
    target = open_reference(reference)
    target.set_language(note.language)
    target.lists.label_items(for_language(note.language_code).list_label)
    document = target.document
    set_layout_options(document)
    footnotes = Footnotes(document, target.styles, note.footnotes)
    marks = RevisionMarks(tracked) if tracked is not None else None
    footnotes.inline = InlineWriter(target.styles, footnotes.part, None, marks)
    body_inline = InlineWriter(target.styles, document.part, footnotes, marks)
    contents_inline = InlineWriter(target.styles, document.part, None)
    BodyWriter(target, body_inline, contents_inline, note, attached, pictures).write(dict(pages))
    footnotes.check_all_placed()
    flush_left_ideographs(document.styles.element, (document.element.body, footnotes.part.element),
                          {target.styles.para(name) for name in PARAGRAPH_STYLES}, marks)
    write_page_furniture(document, target.styles, note.running_head)
    set_core_properties(document, note)
    return save(document)
