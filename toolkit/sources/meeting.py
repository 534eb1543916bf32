"""meeting.yaml -> a validated Meeting with its agenda, every problem reported."""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.diagnostics import Diagnostics, Position
from toolkit.model.meeting import AgendaItem, Meeting
from toolkit.model.words import format_date_range
from toolkit.sources import schema
from toolkit.sources.text import read_source
from toolkit.sources.yamlfile import Map, Str, load

MEETING_FILE = "meeting.yaml"
_KEYS = {"organization", "title", "short_title", "start", "end", "venue", "symbol", "agenda"}
_ITEM_KEYS = {"number", "title", "annotation", "items"}
_SUBITEM_KEYS = {"letter", "title", "annotation"}
_NUMBER = re.compile(r"[1-9][0-9]{0,2}")
_LETTER = re.compile(r"[a-z]")


def load_meeting(root: Path, diags: Diagnostics) -> Meeting | None:
    text = read_source(root, MEETING_FILE, diags)
    if text is None:
        return None
    data = load(text, MEETING_FILE, diags)
    if data is None:
        return None
    if not isinstance(data, Map):
        diags.error(data.pos, "meeting.yaml must be a mapping of keys (organization, title, ...)")
        return None
    schema.check_keys(data, _KEYS, diags, "meeting.yaml")
    organization = schema.string_list(data, "organization", diags, required=True)
    title = schema.string(data, "title", diags, required=True)
    short_title = schema.string(data, "short_title", diags)
    start = schema.date(data, "start", diags, required=True)
    end = schema.date(data, "end", diags)
    venue = schema.string(data, "venue", diags, required=True)
    symbol = schema.string(data, "symbol", diags)
    if start and end and end < start:
        diags.error(data["end"].pos, f"the meeting ends ({end.isoformat()}) before it starts ({start.isoformat()})")
        end = None
    agenda = _agenda(data, diags)
    if organization is None or title is None or start is None or venue is None:
        return None
    return Meeting(
        organization=tuple(organization),
        title=title,
        short_title=short_title,
        start=start,
        end=end,
        dates=format_date_range(start, end),
        venue=venue,
        symbol=symbol,
        agenda=tuple(agenda),
        source=MEETING_FILE,
    )


def _agenda(data: Map, diags: Diagnostics) -> list[AgendaItem]:
    entries = schema.mapping_list(data, "agenda", diags, required=True) or []
    items: list[AgendaItem] = []
    seen: dict[str, Position] = {}
    for entry in entries:
        schema.check_keys(entry, _ITEM_KEYS, diags, "agenda item")
        number = schema.string(entry, "number", diags, required=True)
        title = schema.string(entry, "title", diags, required=True)
        annotation = schema.string(entry, "annotation", diags)
        if number is not None and not _NUMBER.fullmatch(number):
            diags.error(number.pos, f"agenda item number {str(number)!r} must be a whole number such as \"5\"")
            number = None
        if number is not None:
            if number in seen:
                diags.error(number.pos, f"duplicate agenda item number {str(number)!r} (first on line {seen[number].line})")
            seen[number] = number.pos
        subitems = []
        letters: dict[str, Position] = {}
        for sub in schema.mapping_list(entry, "items", diags) or []:
            schema.check_keys(sub, _SUBITEM_KEYS, diags, "agenda sub-item")
            letter = schema.string(sub, "letter", diags, required=True)
            sub_title = schema.string(sub, "title", diags, required=True)
            sub_annotation = schema.string(sub, "annotation", diags)
            if letter is not None and not _LETTER.fullmatch(letter):
                diags.error(letter.pos, f"agenda sub-item letter {str(letter)!r} must be one lower-case letter such as \"d\"")
                continue
            if letter is not None and letter in letters:
                diags.error(letter.pos, f"duplicate letter {str(letter)!r} under item {number} (first on line {letters[letter].line})")
                continue
            if letter is None or sub_title is None or number is None:
                continue
            letters[letter] = letter.pos
            subitems.append(AgendaItem(number=str(number), letter=str(letter), title=sub_title,
                                       annotation=sub_annotation, subitems=(), position=sub.pos))
        if number is None or title is None:
            continue
        items.append(AgendaItem(number=str(number), letter=None, title=title, annotation=annotation,
                                subitems=tuple(subitems), position=entry.pos))
    return items

