"""What a careful officer checks before sending: each rule in a module named after it.

They run on the model as built (toolkit/model/build.py calls run()), so `toolkit check`
and `toolkit build` report the same problems."""

from __future__ import annotations

from toolkit.checks import dates, previous, symbols, words
from toolkit.sources.written import Written
from toolkit.errors import Diagnostics
from toolkit.model.document import Note
from toolkit.model.meeting import Meeting


def run(meeting: Meeting, made: list[Note], notes: list[Note], written: Written, diags: Diagnostics) -> None:
    """made: the agenda documents and the list of participants; notes: the written documents."""
    symbols.check(meeting, made, notes, written, diags)
    dates.check(meeting, notes, written, diags)
    dates.check_citations(meeting, made, notes, written, diags)
    previous.check(meeting, written.texts, diags)
    for note in notes:
        words.check(note, meeting.word_limit, diags)
