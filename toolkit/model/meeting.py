"""The meeting and its provisional agenda, as validated from meeting.yaml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from toolkit.diagnostics import Position

_CITATION = re.compile(r"\s*([1-9][0-9]{0,2})\s*(?:\(\s*([a-z])\s*\)|([a-z]))?\s*")


@dataclass(frozen=True)
class AgendaItem:
    number: str
    letter: str | None
    title: str
    annotation: str | None
    subitems: tuple[AgendaItem, ...]
    position: Position
    annotation_position: Position | None = None  # where the annotation's text starts
    annotation_block: bool = False  # a YAML '|' block: every line is indented by the column

    @property
    def citation(self) -> str:
        """5 (d)"""
        return f"{self.number} ({self.letter})" if self.letter else self.number

    @property
    def key(self) -> str:
        """5d: for file names and --only"""
        return f"{self.number}{self.letter or ''}"


@dataclass(frozen=True)
class Meeting:
    organization: tuple[str, ...]
    title: str
    short_title: str | None
    start: dt.date
    end: dt.date | None
    dates: str
    venue: str
    symbol: str | None
    agenda: tuple[AgendaItem, ...]
    source: str
    issued: dt.date | None = None  # issue date of the agenda documents
    agenda_symbol: str | None = None
    annotated_agenda_symbol: str | None = None
    documents_list_symbol: str | None = None

    def find_item(self, citation: str) -> tuple[AgendaItem, AgendaItem | None] | None:
        """'5 (d)', '5(d)' or '5d' -> (the item, its parent) or None."""
        match = _CITATION.fullmatch(citation)
        if not match:
            return None
        number, letter = match[1], match[2] or match[3]
        for item in self.agenda:
            if item.number != number:
                continue
            if letter is None:
                return item, None
            for sub in item.subitems:
                if sub.letter == letter:
                    return sub, item
        return None

