"""A document is dated before the meeting, and by the documentation deadline; it cites no document dated
later than itself (a list or an agenda is dated no earlier than what it lists).

The report of the meeting is left out of the deadline: it is dated, and adopted, at the meeting."""

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


def check_citations(meeting: Meeting, made: list[Note], notes: list[Note], written: Written,
                    diags: Diagnostics) -> None:
    """A warning where a document cites one dated later than itself: the report's document(), the annotated
    agenda's documentation of each item, the list of documents. Made documents are dated by meeting.yaml
    (`issued`, `documents_list_date`) or, without it, after what they list (model/agenda.py), so only a
    date given there can be too early."""
    originals = [n for n in notes if n.original_stem in ("", n.stem)]
    by_stem = {doc.stem: doc for doc in [*made, *originals]}
    given = dict(meeting.date_positions)
    for (source, stem), where in sorted(written.cites.items(), key=lambda c: (c[1].path, c[1].line)):
        citing = next((n for n in originals if n.source == source), None)
        cited = by_stem.get(stem)
        if citing is not None and cited is not None and cited.date > citing.date:
            diags.warning(where, f"{_name(citing)}, dated {citing.date.isoformat()}, cites {_name(cited)}, dated "
                                 f"later ({cited.date.isoformat()}): a document cites only documents issued "
                                 "before it or with it")
    for doc in made:
        if doc.kind == "annotated-agenda":
            listed = [n for n in originals if n.item_citation and n.kind != "report"]
            key = "issued"
        elif doc.kind == "documents":
            listed = [d for d in made if d is not doc] + originals
            key = "documents_list_date"
        else:
            continue
        late = [n for n in listed if n.date > doc.date]
        if late and key in given:
            names = ", ".join(f"{_name(n)} ({n.date.isoformat()})" for n in late)
            diags.warning(given[key], f"{_name(doc)} is dated {doc.date.isoformat()} ({key}) but lists documents "
                                      f"dated later: {names}; date it no earlier than what it lists, or leave "
                                      f"'{key}' out")


def _name(doc: Note) -> str:
    return doc.symbol or doc.title
