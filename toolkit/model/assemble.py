"""Validated parts of a note -> the frozen Note: numbers (numbering.py), masthead words,
contents, running head."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from toolkit.model.document import Chapter, ContentsEntry, Inline, Masthead, Note, Text
from toolkit.model.meeting import AgendaItem, Meeting
from toolkit.model.numbering import AnnexSource, FootnoteText, Numbered
from toolkit.model.scripts import split_scripts
from toolkit.model.wording import Wording


@dataclass(frozen=True)
class NotePart:
    stem: str
    source: str
    meeting: Meeting
    item: AgendaItem
    parent: AgendaItem | None
    title: str
    date: dt.date
    distribution: str
    wording: Wording  # the document's language
    symbol: str | None
    chapters: tuple[Chapter, ...]  # as read: numbered by assemble_note
    annexes: tuple[AnnexSource, ...]
    footnotes: dict[str, FootnoteText]
    kind: str = "note"  # note | information | report (item None for an information document without one)
    author_line: str | None = None  # front matter `author_line:`, replacing "Note by the Secretariat"
    original_stem: str = ""  # a translation's original (notes/NAME.ru.md -> NAME); its own stem otherwise


def _runs(text: str) -> tuple[Inline, ...]:
    return tuple(Text(piece, lang) for piece, lang in split_scripts(text))


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
        title=_runs(part.title),
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
