"""A document's meeting, symbol, date and title -> its masthead, in the document's language: the one
place the masthead's words are decided (notes, annexes, the agenda documents, the list of participants)."""

from __future__ import annotations

import datetime as dt

from toolkit.model.document import Masthead
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
