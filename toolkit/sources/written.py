"""Where the checks' facts are written in the sources, gathered while they are read: the
document model keeps what is printed, not the line a symbol or a date came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.errors import Position


@dataclass
class Written:
    texts: dict[str, str] = field(default_factory=dict)  # each Markdown source read (notes, annexes): rel -> text
    symbols: dict[str, Position] = field(default_factory=dict)  # note source -> where its `symbol:` value is
    dates: dict[str, Position] = field(default_factory=dict)  # note source -> where its `date:` value is
    # note source -> the other files it is made of (annexes, tables, pictures), meeting.yaml aside
    files: dict[str, tuple[str, ...]] = field(default_factory=dict)
    declared: dict[str, object] = field(default_factory=dict)  # note source -> its Declared (issuing/declarations.py)
    # document("NAME") in a note: (citing source, NAME) -> where, for the check that a document cites none
    # dated later than itself (toolkit/checks/dates.py)
    cites: dict[tuple[str, str], Position] = field(default_factory=dict)
