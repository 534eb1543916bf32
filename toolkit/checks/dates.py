"""A document is dated before the meeting, and by the documentation deadline.

The report of the meeting is left out: it is dated, and adopted, at the meeting."""

from __future__ import annotations

import datetime as dt

from toolkit.errors import Diagnostics, Position
from toolkit.model.document import Note
from toolkit.model.meeting import Meeting
from toolkit.sources.written import Written

DEFAULT_WEEKS = 6  # ESCAP's rule: documents are issued six weeks before the session


def deadline(meeting: Meeting) -> dt.date:
    return meeting.deadline or meeting.start - dt.timedelta(weeks=DEFAULT_WEEKS)


def check(meeting: Meeting, notes: list[Note], written: Written, diags: Diagnostics) -> None:
    last = deadline(meeting)
    said = "deadline in meeting.yaml" if meeting.deadline else f"{DEFAULT_WEEKS} weeks before the meeting starts"
    for note in notes:
        if note.kind in ("report", "corrigendum"):  # dated at the meeting; corrections come when they come
            continue
        where = written.dates.get(note.source, Position(note.source, 1, 1))
        if note.date > meeting.start:
            diags.error(where, f"dated {note.date.isoformat()}, after the meeting starts "
                               f"({meeting.start.isoformat()}): a document for the meeting is issued before it")
        elif note.date > last:
            diags.warning(where, f"dated {note.date.isoformat()}, later than the documentation deadline "
                                 f"{last.isoformat()} ({said})")
