"""A document's meeting, symbol, date and title -> its masthead, in the document's language: the one
place the masthead's words are decided (notes, annexes, the agenda documents, the list of participants)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from toolkit.model.document import Inline, Masthead
from toolkit.model.meeting import AgendaItem, Meeting
from toolkit.model.scripts import runs
from toolkit.model.wording import Distribution, Wording


def masthead(meeting: Meeting, w: Wording, symbol: str | None, distribution: Distribution | None, date: dt.date,
             title: str,
             item: AgendaItem | None = None, parent: AgendaItem | None = None,
             author_line: str | None = None) -> Masthead:
    """distribution: the words after "Distr.:" (None: none printed); item: a note's agenda item, whose
    heading (its parent's, for a sub-item) and "(Item 5 (d) of the provisional agenda)" line it prints."""
    words = meeting.words(w.code)  # the build has checked that the meeting has words in it
    assert words is not None
    heading = parent or item
    return Masthead(
        symbol=symbol,
        distribution=w.distribution_line(distribution),
        date=w.block.date(date),
        language=w.only_line([w.code]),  # until the build knows its other versions (language_lines.py)
        organization=tuple(line.upper() for line in words.organization),
        meeting_title=words.title,
        meeting_dates=w.date_range(meeting.start, meeting.end),
        meeting_venue=words.venue,
        agenda_heading=(words.item_title(heading) or heading.title).upper() if item and heading else None,
        item_line=w.item_line(item.number, item.letter) if item else None,
        title=runs(title),
        author_line=author_line,
        emblem=meeting.emblem,
        emblem_alt=meeting.emblem_alt,
    )


def annex_alone(note: Masthead, w: Wording, numeral: str, symbol: str | None, note_title: str,
                annex_title: tuple[Inline, ...]) -> Masthead:
    """The masthead of an annex issued on its own, from its note's. A UN annex has no symbol of its own: its
    pages are filed under the note's symbol and date (the block at the top, as on the note's own annex
    pages), but they are not the note, so its title and "Note by the Secretariat" give way to a heading that
    says whose annex this is: "Annex II to ESCAP/NEASPEC/SOM(26)/5d", then the annex's title."""
    return replace(note, title=(), author_line=None, supplement=None,
                   annex_heading=w.annex_of(numeral, symbol, note_title), annex_title=annex_title)


def annex_alone_title(heading: str, annex_title: str) -> str:
    """An annex alone's title as its file's metadata gives it (what a PDF viewer shows for the window's
    title): "Annex II to ESCAP/NEASPEC/SOM(26)/5d: Report of the ...", never its note's title alone."""
    return f"{heading}: {annex_title}" if annex_title else heading
