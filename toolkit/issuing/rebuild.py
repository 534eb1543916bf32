"""An issued record -> the Note (or the provisional agenda) as it was issued, read and built the same way as any note.

The record's sources are set out in a fresh temporary folder (texts as kept, copies from
issued/NAME/), which is then read as a meeting folder: the same path rules, limits and checks
apply, and nothing outside that folder is read. A problem in the issued version is reported in
the record, at the line of the kept text it stands on.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
import tempfile
from dataclasses import replace
from pathlib import Path

from toolkit.errors import Diagnostics, Position
from toolkit.issuing.record import Record
from toolkit.model.document import Attachment, Image, Note
from toolkit.model.walk import transform
from toolkit.sources.meeting import MEETING_FILE, load_meeting
from toolkit.model.agenda import provisional_agenda
from toolkit.model.assemble import build_note
from toolkit.model.parts import NotePart
from toolkit.sources.note import Reading, read_note
from toolkit.sources.report import GENERATED

TEMP_PREFIX = "toolkit-issued-"  # the hostile-input tests allow reading these folders only


def note_file(record: Record) -> str:
    return f"notes/{record.base or record.document}.md"


def issued_note(root: Path, record: Record, diags: Diagnostics, documents: dict[str, str] | None = None) -> Note | None:
    """documents: what the report's document() cites (the current meeting's symbols)."""
    made = issued_document(root, record, diags, documents)
    return made[0] if made is not None else None


def issued_document(root: Path, record: Record, diags: Diagnostics,
                    documents: dict[str, str] | None = None) -> tuple[Note, list[Note]] | None:
    """-> (the document as issued, each of its annexes issued on its own as issued), or None (a problem
    reported in the record)."""
    rel = note_file(record)
    if record.source(MEETING_FILE) is None or record.source(rel) is None:
        diags.error(Position(record.path, 1), f"the record keeps no {MEETING_FILE} or no {rel}: write it again "
                                              "with `toolkit issue`")
        return None
    local = Diagnostics()
    with _set_out(root, record) as folder:
        meeting = load_meeting(folder, local)
        read = read_note(Reading(folder, meeting, local, documents=documents or {}), rel) if meeting else None
        loaded = build_note(read, local, GENERATED) if isinstance(read, NotePart) else None
    problems = _reported(record, local, diags)
    if problems or not isinstance(loaded, tuple):
        if not problems:
            diags.error(Position(record.path, 1), f"the issued version of {rel} cannot be read again")
        return None
    copies = {s.file: s.copy for s in record.sources if s.copy}

    def to_copies(node: object) -> object:  # a picture or attached file as issued is its copy in issued/
        if isinstance(node, (Image, Attachment)) and node.path in copies:
            return replace(node, path=copies[node.path])
        return node

    def as_issued(document: Note) -> Note:
        done = transform(document, to_copies)
        assert isinstance(done, Note)
        masthead = replace(done.masthead, symbol=record.symbol)  # an information document's INF/N as issued
        return replace(done, symbol=record.symbol, running_head=record.symbol, masthead=masthead)

    note, alone = loaded
    return as_issued(note), [as_issued(annex) for annex in alone]


def issued_agenda(root: Path, record: Record, diags: Diagnostics) -> Note | None:
    """The provisional agenda as issued: made again from the record's meeting.yaml under its date (it shows
    nothing else), or None (a problem reported in the record)."""
    if record.source(MEETING_FILE) is None:
        diags.error(Position(record.path, 1), f"the record keeps no {MEETING_FILE}: write it again with "
                                              "`toolkit issue`")
        return None
    local = Diagnostics()
    with _set_out(root, record) as folder:
        meeting = load_meeting(folder, local)
    if _reported(record, local, diags) or meeting is None:
        return None
    agenda = provisional_agenda(meeting, record.date)
    masthead = replace(agenda.masthead, symbol=record.symbol)
    return replace(agenda, symbol=record.symbol, running_head=record.symbol, masthead=masthead)


@contextmanager
def _set_out(root: Path, record: Record) -> Iterator[Path]:
    """A fresh folder holding the record's sources (texts as kept, copies from issued/NAME/), removed
    when the reading is done or fails, however it fails."""
    folder = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    try:
        for source in record.sources:
            target = folder / source.file
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.text is not None:
                target.write_bytes(source.text.encode("utf-8"))
            elif source.copy is not None:
                target.write_bytes((root / source.copy).read_bytes())  # checked against its sha256 when read
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _reported(record: Record, local: Diagnostics, diags: Diagnostics) -> list:
    """The problems of the issued version, each reported at the record's line that kept it."""
    # The registration export is not kept (the note does not show it, and it holds personal data).
    problems = [p for p in local.errors if not (p.position.path == MEETING_FILE
                                                  and p.message.startswith("registration export"))]
    for problem in problems:
        diags.error(_in_record(record, problem.position), f"in {problem.position.path} as issued: {problem.message}")
    return problems


def _in_record(record: Record, where: Position) -> Position:
    """notes/x.md:12:5 in the issued version -> the line of the record that kept that line."""
    source = record.source(where.path)
    if source is None or source.text_pos is None:
        return Position(record.path, 1)
    if not source.text_block:
        return source.text_pos
    return Position(record.path, source.text_pos.line + where.line - 1,
                    (source.text_pos.col or 1) + (where.col - 1) if where.col else None)
