"""Each document's symbol follows the meeting's, and no two documents share one."""

from __future__ import annotations

from toolkit.errors import Diagnostics, Position
from toolkit.model.document import Note
from toolkit.model.meeting import Meeting
from toolkit.sources.written import Written

_MEETING_KEYS = {"agenda": "agenda_symbol", "annotated-agenda": "annotated_agenda_symbol",
                 "documents": "documents_list_symbol", "participants": "participants"}


def check(meeting: Meeting, made: list[Note], notes: list[Note], written: Written, diags: Diagnostics) -> None:
    """made: the agenda documents and the list of participants (symbols from meeting.yaml);
    notes: the notes, information documents and the report, in the order their files are read."""
    given = dict(meeting.symbol_positions)
    seen: dict[str, tuple[str, Position]] = {}

    def claim(symbol: str | None, name: str, where: Position) -> None:
        if not symbol:
            return
        if symbol in seen:
            first, at = seen[symbol]
            diags.error(where, f"symbol {symbol!r} is already the symbol of {first} ({at.path}:{at.line}): "
                               "each document has a symbol of its own")
            return
        seen[symbol] = (name, where)

    for doc in made:
        claim(doc.symbol, doc.stem, given.get(_MEETING_KEYS.get(doc.kind, ""), Position(meeting.source, 1)))
    for note in sorted(notes, key=lambda n: n.source):
        where = written.symbols.get(note.source)
        if where is not None and meeting.symbol and note.symbol and not note.symbol.startswith(meeting.symbol + "/"):
            diags.error(where, f"symbol {note.symbol!r} does not follow the meeting's symbol {meeting.symbol!r}: "
                               f"a document of this meeting is {meeting.symbol}/... (left from another meeting?)")
        if note.original_stem and note.original_stem != note.stem:
            continue  # a translation has its original's symbol (note.py checks that)
        claim(note.symbol, note.stem, where or Position(note.source, 1, 1))
