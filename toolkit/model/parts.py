"""What reading hands the model: a document's parts as read, with their positions and no numbers
(sources/ makes them; model/build.py numbers and assembles them).

With document.py, meeting.py, wording/, scripts.py, plain.py, tables.py, words.py and walk.py,
this is the model's vocabulary: the only model modules sources/ may import (tests/test_imports.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from toolkit.errors import Position
from toolkit.model.document import Attachment, Chapter, Inline, Kind
from toolkit.model.meeting import AgendaItem, Meeting
from toolkit.model.wording import Distribution, Wording


@dataclass(frozen=True)
class FootnoteText:
    """`[^key]: text` as read; key is unique in the document (the reader prefixes its file)."""

    key: str
    content: tuple[Inline, ...]
    position: Position | None = None


@dataclass(frozen=True)
class AnnexSource:
    """An annex as read: its chapters are not numbered yet."""

    stem: str  # its label too: ref("activity-plan") cites it
    source: str
    title: tuple[Inline, ...]
    chapters: tuple[Chapter, ...]
    numbered: bool = True  # front matter `numbered: false`: its paragraphs carry no numbers
    attachment: Attachment | None = None
    position: Position | None = None


@dataclass(frozen=True)
class NotePart:
    stem: str
    source: str
    meeting: Meeting
    item: AgendaItem
    parent: AgendaItem | None
    title: str
    date: dt.date
    distribution: Distribution
    wording: Wording  # the document's language
    symbol: str | None
    chapters: tuple[Chapter, ...]  # as read: numbered by assemble_note
    annexes: tuple[AnnexSource, ...]
    footnotes: dict[str, FootnoteText]
    kind: Kind = "note"  # a written kind (item None for an information document without one)
    author_line: str | None = None  # front matter `author_line:`, replacing "Note by the Secretariat"
    original_stem: str = ""  # a translation's original (notes/NAME.ru.md -> NAME); its own stem otherwise


@dataclass(frozen=True)
class Participant:
    """One row of the registration export, validated. No e-mail address or telephone number: the
    reader never takes them."""

    title: str
    given_name: str
    family_name: str
    position: str
    organization: str
    delegation: str  # the member State (its name as meeting.yaml writes it) or the organization
    group: str  # one of wording.PARTICIPANT_GROUP_KEYS
    head: bool
    row: Position  # where the row starts, for messages
