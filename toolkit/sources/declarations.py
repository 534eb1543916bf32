"""A note's front matter `revision:`, `corrigendum:` and `addendum_to:` -> a Declared, every
mistake at its line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from toolkit.errors import Diagnostics, Position
from toolkit.sources import schema
from toolkit.sources.yamlfile import Map

KEYS = ("revision", "corrigendum", "addendum_to")
_CORRIGENDUM_KEYS = {"number", "date"}
_NUMBER = re.compile(r"[1-9][0-9]{0,1}")
_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Declared:
    revision: int | None = None  # `revision: 1`: the document is <symbol>/Rev.1
    revision_pos: Position | None = None
    corrigendum: int | None = None  # `corrigendum: {number: 1, date: ...}`: <symbol>/Corr.1 is issued
    corrigendum_date: dt.date | None = None
    corrigendum_pos: Position | None = None
    addendum_to: str | None = None  # `addendum_to: 5d-low-carbon-cities`: the document is <its symbol>/Add.N
    addendum_pos: Position | None = None

    @property
    def anything(self) -> bool:
        return self.revision is not None or self.corrigendum is not None or self.addendum_to is not None


def read(data: Map, diags: Diagnostics) -> Declared:
    revision, revision_pos = _number(data, "revision", diags)
    corrigendum = corrigendum_date = corrigendum_pos = None
    if "corrigendum" in data:
        corrigendum_pos = data.key_pos["corrigendum"]
        block = data["corrigendum"]
        if not isinstance(block, Map):
            diags.error(block.pos, "'corrigendum' gives the corrigendum's number and date, on lines of their "
                                   "own:\n  corrigendum:\n    number: 1\n    date: 2023-10-20")
        else:
            schema.check_keys(block, _CORRIGENDUM_KEYS, diags, "'corrigendum'")
            corrigendum, _ = _number(block, "number", diags, required=True)
            corrigendum_date = schema.date(block, "date", diags, required=True)
    addendum_to = addendum_pos = None
    value = schema.string(data, "addendum_to", diags, required="addendum_to" in data)
    if value is not None:
        addendum_pos = value.pos
        if _STEM.fullmatch(value):
            addendum_to = str(value)
        else:
            diags.error(value.pos, f"'addendum_to' names the base document by its file name without .md, "
                                   f"such as 5d-low-carbon-cities, not {str(value)!r}")
    return Declared(revision, revision_pos, corrigendum, corrigendum_date, corrigendum_pos, addendum_to,
                    addendum_pos)


def _number(data: Map, key: str, diags: Diagnostics, required: bool = False) -> tuple[int | None, Position | None]:
    value = schema.string(data, key, diags, required=required or key in data)
    if value is None:
        return None, None
    if not _NUMBER.fullmatch(value):
        diags.error(value.pos, f"{key!r} is a whole number from 1, such as 1 (for Rev.1, Corr.1), not {str(value)!r}")
        return None, value.pos
    return int(value), value.pos
