"""Validated parts of a note -> the frozen Note: numbers (numbering.py), masthead words,
contents, running head."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from toolkit.model.document import ContentsEntry, Note
from toolkit.model.masthead import annex_alone, annex_alone_title, masthead
from toolkit.model.plain import inline_text
from toolkit.errors import Diagnostics
from toolkit.model.numbering import Numbered, number_note
from toolkit.model.plain import body_strings
from toolkit.model.parts import NotePart
from toolkit.model.wording import for_language


def build_note(part: NotePart, diags: Diagnostics, made: tuple[str, ...] = ()) -> tuple[Note, list[Note]]:
    """A note as read -> (the document, numbered, each of its annexes as a document of its own).
    made: the stems of annexes that are documents of their own already (the report's lists)."""
    numbered, alone = number_note(part.chapters, part.annexes, part.footnotes, diags, part.wording)
    note = assemble_note(part, numbered)
    # Issued on its own, an annex is the same parts, emitted for it alone: no second reading.
    standalone = [standalone_annex(note, annex) for annex in alone if annex.annexes[0].stem not in made]
    return note, standalone


# A document with no annex and less text than this (in widths of a Latin letter; a Chinese or Japanese
# character counts two) has no contents: under the masthead its text nearly fills the first page,
# which a contents would take instead, pushing the text to the next (the information note).
SHORT_DOCUMENT = 1500


def _short(numbered: Numbered) -> bool:
    text = " ".join(body_strings(numbered.chapters)) + " ".join(inline_text(f.content) for f in numbered.footnotes)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text) < SHORT_DOCUMENT


def assemble_note(part: NotePart, numbered: Numbered) -> Note:
    """numbered: what the numbering pass decided for the note (numbering.number_note)."""
    meeting = part.meeting
    w = part.wording
    note_kind = part.kind == "note"  # only a note stands under its item and is "by the Secretariat"
    # Only the meeting's own distribution words are printed; `distribution: none` prints none.
    distribution = part.distribution if meeting.distribution_shown else None
    head = masthead(meeting, w, part.symbol, distribution, part.date, part.title,
                    item=part.item if note_kind else None, parent=part.parent,
                    author_line=part.author_line or (w.author_line if note_kind else None))
    citation = part.item.citation if part.item else None
    annexes = numbered.annexes
    contents = tuple(
        [ContentsEntry(f"{c.numeral}.", c.title, c.anchor, "chapter", True) for c in numbered.chapters if c.numeral]
        + [ContentsEntry(f"{a.heading}.", a.title, a.anchor, "annex", False) for a in annexes])
    if not annexes and _short(numbered):
        contents = ()
    return Note(
        stem=part.stem,
        source=part.source,
        title=part.title,
        date=part.date,
        language=w.tag,
        masthead=head,
        contents_heading=w.contents if contents else None,  # no empty CONTENTS over nothing
        contents=contents,
        chapters=numbered.chapters,
        annexes=annexes,
        footnotes=numbered.footnotes,
        running_head=part.symbol,
        meeting_title=meeting.title,
        organization=w.author_of(part.author_line) if part.author_line else w.author,
        keywords=tuple(k for k in (meeting.short_title, citation) if k),
        agenda_keys=tuple(dict.fromkeys(i.key for i in (part.item, part.parent) if i)),
        symbol=part.symbol,
        distribution=distribution,
        item_citation=citation,
        kind=part.kind,
        original_stem=part.original_stem or part.stem,
        language_code=w.code,
    )


def standalone_annex(note: Note, numbered: Numbered) -> Note:
    """An annex issued on its own: the note's masthead with "Annex II to <the note's symbol>" and the annex's
    title in place of the note's title (masthead.annex_alone); the same parts as the note's, numbered for
    this document (its footnotes from 1)."""
    annex = numbered.annexes[0]
    w = for_language(note.language_code)
    masthead = annex_alone(note.masthead, w, annex.numeral, note.symbol, note.title, annex.title)
    return replace(
        note, stem=f"{note.stem}-annex-{annex.numeral}", source=annex.source, masthead=masthead,
        title=annex_alone_title(masthead.annex_heading or "", inline_text(annex.title)),
        contents_heading=None, contents=(), chapters=numbered.chapters, annexes=(), footnotes=numbered.footnotes,
        kind="annex", keywords=note.keywords + (annex.heading,), attachment=annex.attachment)
