"""Validated parts of a note -> the frozen Note: numbers (numbering.py), masthead words,
contents, running head."""

from __future__ import annotations

from dataclasses import replace

from toolkit.model.document import ContentsEntry, Masthead, Note
from toolkit.diagnostics import Diagnostics
from toolkit.model.numbering import Numbered, number_note
from toolkit.model.parts import NotePart
from toolkit.model.scripts import runs


def build_note(part: NotePart, diags: Diagnostics, made: tuple[str, ...] = ()) -> tuple[Note, list[Note]]:
    """A note as read -> (the document, numbered, each of its annexes as a document of its own).
    made: the stems of annexes that are documents of their own already (the report's lists)."""
    numbered, alone = number_note(part.chapters, part.annexes, part.footnotes, diags, part.wording)
    note = assemble_note(part, numbered)
    # Issued on its own, an annex is the same parts, emitted for it alone: no second reading.
    standalone = [standalone_annex(note, annex) for annex in alone if annex.annexes[0].stem not in made]
    return note, standalone


def assemble_note(part: NotePart, numbered: Numbered) -> Note:
    """numbered: what the numbering pass decided for the note (numbering.number_note)."""
    meeting = part.meeting
    w = part.wording
    words = meeting.words(w.code)  # the loader has checked that the meeting has words in it
    assert words is not None
    heading_item = part.parent or part.item
    note_kind = part.kind == "note"  # only a note stands under its item and is "by the Secretariat"
    # Only the meeting's own distribution words are printed; `distribution: none` prints none.
    distribution = part.distribution if meeting.distribution_shown else None
    masthead = Masthead(
        symbol=part.symbol,
        distribution=w.distribution_line(distribution),
        date=w.block.date(part.date),
        language=w.only_line([w.code]),  # until the loader knows its other versions (language_lines.py)
        organization=tuple(line.upper() for line in words.organization),
        meeting_title=words.title,
        meeting_dates=w.date_range(meeting.start, meeting.end),
        meeting_venue=words.venue,
        agenda_heading=(words.item_title(heading_item) or heading_item.title).upper() if note_kind else None,
        item_line=w.item_line(part.item.number, part.item.letter) if note_kind else None,
        title=runs(part.title),
        author_line=part.author_line or (w.author_line if note_kind else None),
        emblem=meeting.emblem,
        emblem_alt=meeting.emblem_alt,
    )
    citation = part.item.citation if part.item else None
    annexes = numbered.annexes
    contents = tuple(
        [ContentsEntry(c.label, c.title, c.anchor, "chapter", True) for c in numbered.chapters if c.numeral]
        + [ContentsEntry(f"{a.heading}.", a.title, a.anchor, "annex", False) for a in annexes])
    return Note(
        stem=part.stem,
        source=part.source,
        title=part.title,
        date=part.date,
        language=w.tag,
        masthead=masthead,
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
    """An annex issued on its own: the note's masthead, then "Annex II" and its title; the same
    parts as the note's, numbered for this document (its footnotes from 1)."""
    annex = numbered.annexes[0]
    masthead = replace(note.masthead, annex_heading=annex.heading, annex_title=annex.title)
    return replace(
        note, stem=f"{note.stem}-annex-{annex.numeral}", source=annex.source, masthead=masthead,
        contents_heading=None, contents=(), chapters=numbered.chapters, annexes=(), footnotes=numbered.footnotes,
        kind="annex", keywords=note.keywords + (annex.heading,), attachment=annex.attachment)
