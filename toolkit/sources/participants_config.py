"""meeting.yaml `member_states` and `participants:` -> the member States and where the registration export is."""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import Diagnostics, Position
from toolkit.model.meeting import PARTICIPANT_COLUMNS, ParticipantsSource
from toolkit.sources import schema
from toolkit.sources.paths import inside_meeting
from toolkit.sources.yamlfile import Map, Str

_KEYS = {"file", "sheet", "symbol", "columns", "family_name_first", "date"}
_SUFFIXES = (".csv", ".xlsx")


def member_states(data: Map, diags: Diagnostics) -> tuple[str, ...] | None:
    """The States of `member_states`, each once; None when not given (the NEASPEC default applies)."""
    listed = schema.string_list(data, "member_states", diags)
    if listed is None:
        return None
    seen: dict[str, Position] = {}
    for state in listed:
        name = state.strip()
        if not name:
            diags.error(state.pos, "a member State's name is empty")
        elif name.casefold() in seen:
            diags.error(state.pos, f"member State {name!r} is listed twice (first on line "
                                   f"{seen[name.casefold()].line})")
        else:
            seen[name.casefold()] = state.pos
    if not listed:
        diags.error(data["member_states"].pos, "'member_states' is empty: list the member States, or leave "
                                               "the key out for NEASPEC's six")
    return tuple(" ".join(s.split()) for s in listed if s.strip())


def participants_source(root: Path, data: Map, symbol: Str | None, diags: Diagnostics) -> ParticipantsSource | None:
    if "participants" not in data:
        return None
    block = data["participants"]
    if not isinstance(block, Map):
        diags.error(block.pos, "'participants' must be a mapping of keys (file, sheet, symbol, columns)")
        return None
    schema.check_keys(block, _KEYS, diags, "participants")
    file = schema.string(block, "file", diags, required=True)
    sheet = schema.string(block, "sheet", diags)
    own_symbol = schema.string(block, "symbol", diags)
    date = schema.date(block, "date", diags)
    rel = None
    if file is not None:
        rel = inside_meeting(root, file, file.pos, diags, "registration export", _SUFFIXES,
                             "a CSV file (.csv) or an Excel Workbook (.xlsx)")
        if rel is not None and sheet is not None and rel.lower().endswith(".csv"):
            diags.error(sheet.pos, f"registration export {rel!r} is a CSV file, which has no sheets: "
                                   "leave out 'sheet'")
            rel = None
    columns, configured, positions = _columns(block, diags)
    family_first = schema.string_list(block, "family_name_first", diags) or []
    if rel is None or file is None:
        return None
    return ParticipantsSource(
        file=rel, sheet=str(sheet) if sheet is not None else None,
        symbol=str(own_symbol) if own_symbol is not None else (f"{symbol}/INF/2" if symbol else None),
        columns=tuple(columns.items()), configured=frozenset(configured),
        family_name_first=tuple(" ".join(s.split()) for s in family_first if s.strip()),
        position=data.key_pos["participants"], file_position=file.pos, column_positions=tuple(positions.items()),
        date=date, date_position=block["date"].pos if "date" in block else None)


def _columns(block: Map, diags: Diagnostics) -> tuple[dict[str, str], set[str], dict[str, Position]]:
    columns = dict(PARTICIPANT_COLUMNS)
    configured: set[str] = set()
    positions: dict[str, Position] = {}
    if "columns" not in block:
        return columns, configured, positions
    given = block["columns"]
    if not isinstance(given, Map):
        diags.error(given.pos, "'columns' must be a mapping of keys to the export's headings, such as "
                               "'given_name: First Name'")
        return columns, configured, positions
    schema.check_keys(given, set(PARTICIPANT_COLUMNS), diags, "participants columns")
    headings: dict[str, Position] = {}
    for key in PARTICIPANT_COLUMNS:
        heading = schema.string(given, key, diags)
        if heading is None:
            continue
        folded = " ".join(heading.split()).casefold()
        if folded in headings:
            diags.error(heading.pos, f"heading {str(heading)!r} is given to two columns (first on line "
                                     f"{headings[folded].line})")
            continue
        headings[folded] = heading.pos
        columns[key] = " ".join(heading.split())
        configured.add(key)
        positions[key] = heading.pos
    return columns, configured, positions
