"""A registration export (.csv or .xlsx) -> the validated participants, every problem reported at its cell.

Only the columns meeting.yaml maps are read, so an export's e-mail and telephone columns never
reach the model. A mapped cell that holds an e-mail address or a telephone number anyway (an
address typed into "Position") is refused rather than cleaned: the drafter corrects the export,
and nothing personal is printed by accident.

Cells are plain text: `=HYPERLINK("http://x","y")` in a CSV is printed as those characters
(both renderers print text, never a formula or a link).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import Diagnostics, Position
from toolkit.model.meeting import PARTICIPANT_COLUMNS, REQUIRED_PARTICIPANT_COLUMNS, Meeting, ParticipantsSource
from toolkit.model.parts import Participant
from toolkit.sources.grid_cache import GridCache
from toolkit.sources.spreadsheet import MAX_ROWS, SheetCell, read_grid
from toolkit.sources.text import MAX_SOURCE_BYTES

KIND = "registration export"
_ADVICE = "export the participants of this meeting only"
_ROW_LIMIT = f"the limit for a list of participants: {_ADVICE}"

# Participant types as registration forms write them -> the group of the list.
_GROUPS = {
    "member-state": ("member state", "member states", "state", "government", "delegation",
                     "member state delegation", "country"),
    "united-nations": ("united nations", "un", "un body", "un bodies", "un agency", "un system",
                       "united nations body", "united nations bodies", "united nations agency",
                       "specialized agency", "specialized agencies", "united nations bodies and specialized agencies"),
    "intergovernmental": ("intergovernmental", "intergovernmental organization", "intergovernmental organisation",
                          "intergovernmental organizations", "igo", "international organization"),
    "other": ("other", "others", "other organization", "other organisation", "other organizations", "ngo",
              "non-governmental organization", "civil society", "observer", "expert", "resource person",
              "academia", "private sector"),
    "secretariat": ("secretariat", "escap secretariat", "neaspec secretariat", "organizer"),
}
_GROUP_OF = {word: key for key, words in _GROUPS.items() for word in words}
_YES = {"yes", "y", "x", "true", "1", "head", "head of delegation"}
_NO = {"", "no", "n", "false", "0", "-"}
# Names partners' forms give the NEASPEC States, for the suggestion in a message.
_STATE_ALIASES = {
    "south korea": "Republic of Korea", "korea": "Republic of Korea", "korea, republic of": "Republic of Korea",
    "korea (republic of)": "Republic of Korea", "rok": "Republic of Korea",
    "north korea": "Democratic People's Republic of Korea", "dprk": "Democratic People's Republic of Korea",
    "korea, democratic people's republic of": "Democratic People's Republic of Korea",
    "russia": "Russian Federation", "prc": "China", "people's republic of china": "China",
}
_EMAIL = re.compile(r"[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+\.[^\s@<>()\[\],;:\"]+")
# A run of digits, spaces, dots, dashes, slashes and brackets (one pass, no backtracking): with
# seven digits or more it is a telephone or fax number ("+82 2 123 4567", "(02) 1234-5678"),
# unless it is years ("2021-2025").
_DIGIT_RUN = re.compile(r"[+(]?\d[\d ./()\-]*")
_YEARS = re.compile(r"\d{4}(?: ?[-/] ?\d{2,4})*[ .]*")


@dataclass
class _Row:
    cells: dict[str, SheetCell]

    def text(self, key: str) -> str:
        cell = self.cells.get(key)
        return " ".join(cell.text.split()) if cell else ""


def read_participants(root: Path, meeting: Meeting, diags: Diagnostics,
                      cache: GridCache | None = None) -> tuple[Participant, ...] | None:
    """Every participant of meeting.yaml's export, or None after reporting every problem found."""
    source = meeting.participants
    assert source is not None
    before = len(diags.errors)
    if _too_large(root, source, diags):
        return None
    grid = read_grid(root, source.file, source.sheet, source.file_position, diags, cache, kind=KIND,
                     row_limit=_ROW_LIMIT)
    if grid is None:
        return None
    sheet = f" (sheet {grid.sheet!r})" if grid.sheet else ""
    columns = _map_columns(grid.rows[0], source, sheet, diags)
    if columns is None:
        return None
    rows = [_Row({key: row[index] for key, index in columns.items()}) for row in grid.rows[1:]
            if any(cell.text for cell in row)]
    participants = [p for row in rows if (p := _participant(row, meeting, sheet, diags)) is not None]
    _check_duplicates(participants, sheet, diags)
    _check_heads(participants, sheet, diags)
    if len(diags.errors) > before:
        return None
    return tuple(participants)


def _too_large(root: Path, source: ParticipantsSource, diags: Diagnostics) -> bool:
    """A CSV export past the size of any source (5 MB) says so in the words of a list of participants,
    before anything reads it (read_grid would only say that the file is too large)."""
    if not source.file.lower().endswith(".csv"):
        return False  # a workbook is limited by read_grid: its size, what it unpacks to, its rows
    try:
        size = (root / source.file).stat().st_size
    except OSError:
        return False  # read_grid reports what is wrong with the file
    if size <= MAX_SOURCE_BYTES:
        return False
    diags.error(source.file_position, f"{KIND} {source.file!r} is larger than {MAX_SOURCE_BYTES // 2**20} MB, far "
                                      f"more than a list of participants holds (at most {MAX_ROWS:,} rows): {_ADVICE}")
    return True


def _map_columns(header: tuple[SheetCell, ...], source: ParticipantsSource, sheet: str,
                 diags: Diagnostics) -> dict[str, int] | None:
    """key -> column index, by heading (case and spacing aside); a heading the export repeats is
    ambiguous, and a required or configured one it lacks is an error naming the headings it has."""
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(header):
        found.setdefault(" ".join(cell.text.split()).casefold(), []).append(index)
    has = ", ".join(repr(cell.text) for cell in header)
    columns: dict[str, int] = {}
    ok = True
    for key in PARTICIPANT_COLUMNS:
        heading = source.heading(key)
        indexes = found.get(heading.casefold(), [])
        if len(indexes) > 1:
            second = header[indexes[1]]
            diags.error(second.position, f"the registration export{sheet} has two columns headed {heading!r}: "
                                         "rename one, or remove it")
            ok = False
        elif indexes:
            columns[key] = indexes[0]
        elif key in REQUIRED_PARTICIPANT_COLUMNS or key in source.configured:
            diags.error(source.where(key), f"registration export {source.file!r}{sheet} has no column headed "
                                           f"{heading!r} (for {key.replace('_', ' ')}); its headings are {has}: "
                                           f"name the right heading under participants: columns: {key}")
            ok = False
    return columns if ok else None


def _participant(row: _Row, meeting: Meeting, sheet: str, diags: Diagnostics) -> Participant | None:
    before = len(diags.errors)
    first = next(iter(row.cells.values()))
    for key, cell in row.cells.items():
        if _EMAIL.search(cell.text):
            diags.error(cell.position, f"{_what(key)} holds an e-mail address{sheet}, which a list of participants "
                                       "never prints: remove it from this cell of the export")
        elif _phone_number(cell.text):
            diags.error(cell.position, f"{_what(key)} holds what looks like a telephone number{sheet}, which a list "
                                       "of participants never prints: remove it from this cell of the export")
    for key in ("given_name", "family_name", "delegation"):
        if not row.text(key):
            diags.error(row.cells[key].position, f"this participant has no {_what(key)}{sheet}: every participant "
                                                 f"needs a given name, a family name and a delegation")
    group = _group(row, sheet, diags)
    delegation = row.text("delegation")
    if delegation.casefold() in {name.casefold() for name in meeting.secretariat}:
        # the organization that serves the meeting is its Secretariat, whatever group its staff chose
        group = "secretariat"
    elif group == "member-state" and delegation:
        delegation = _member_state(row.cells["delegation"], delegation, meeting, sheet, diags) or ""
    head = _head(row, sheet, diags)
    if len(diags.errors) > before or group is None:
        return None
    return Participant(title=row.text("title"), given_name=row.text("given_name"),
                       family_name=row.text("family_name"), position=row.text("position"),
                       organization=row.text("organization"), delegation=delegation, group=group, head=head,
                       row=Position(first.position.path, first.position.line))


def _phone_number(text: str) -> bool:
    for run in _DIGIT_RUN.finditer(text):
        digits = sum(ch.isdigit() for ch in run.group())
        if digits >= 7 and not _YEARS.fullmatch(run.group().strip("+( ")):
            return True
    return False


def _what(key: str) -> str:
    return key.replace("_", " ")


def _group(row: _Row, sheet: str, diags: Diagnostics) -> str | None:
    """The group of the row; without a group column (or with an empty cell), a member State."""
    words = row.text("group").casefold()
    if not words:
        return "member-state"
    key = _GROUP_OF.get(words.rstrip("."))
    if key is None:
        diags.error(row.cells["group"].position, f"unknown participant type {row.text('group')!r}{sheet}: write "
                                                 "member State, United Nations, intergovernmental, other or "
                                                 "secretariat")
    return key


def _member_state(cell: SheetCell, name: str, meeting: Meeting, sheet: str, diags: Diagnostics) -> str | None:
    """The State as meeting.yaml writes it, or None after an error suggesting the closest names."""
    states = {state.casefold(): state for state in meeting.member_states}
    if name.casefold() in states:
        return states[name.casefold()]
    alias = _STATE_ALIASES.get(name.casefold())
    close = [alias] if alias in meeting.member_states else []
    close += [states[c] for c in difflib.get_close_matches(name.casefold(), list(states), n=3, cutoff=0.6)
              if states[c] not in close]
    hint = f": did you mean {' or '.join(repr(c) for c in close)}?" if close else \
        f"; the member States are {', '.join(meeting.member_states)}"
    diags.error(cell.position, f"{name!r}{sheet} is not a member State of meeting.yaml's member_states{hint} "
                               "(for an organization, give the participant type)")
    return None


def _head(row: _Row, sheet: str, diags: Diagnostics) -> bool:
    words = row.text("head").casefold()
    if words in _YES:
        return True
    if words not in _NO:
        diags.error(row.cells["head"].position, f"head of delegation {row.text('head')!r}{sheet} must be yes "
                                                "(or x, true, 1) or left empty")
    return False


def _check_duplicates(participants: list[Participant], sheet: str, diags: Diagnostics) -> None:
    seen: dict[tuple[str, str, str], Participant] = {}
    for person in participants:
        key = (person.delegation.casefold(), person.given_name.casefold(), person.family_name.casefold())
        if key in seen:
            diags.error(person.row, f"{person.given_name} {person.family_name} of {person.delegation} is registered "
                                    f"twice{sheet} (first on row {seen[key].row.line}): remove one of the rows")
        else:
            seen[key] = person


def _check_heads(participants: list[Participant], sheet: str, diags: Diagnostics) -> None:
    heads: dict[str, Participant] = {}
    for person in participants:
        if not person.head:
            continue
        first = heads.get(person.delegation.casefold())
        if first is not None:
            diags.error(person.row, f"{person.delegation} has a second head of delegation{sheet}, "
                                    f"{person.given_name} {person.family_name} (the first, "
                                    f"{first.given_name} {first.family_name}, is on row {first.row.line})")
        else:
            heads[person.delegation.casefold()] = person

