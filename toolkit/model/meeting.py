"""The meeting and its provisional agenda, as validated from meeting.yaml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from toolkit.errors import Position
from toolkit.model.document import Image, ListItem, Paragraph
from toolkit.model.scripts import runs
from toolkit.model.wording import LanguageCode, for_language

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
    def mark(self) -> str:
        """A sub-item's letter (sources/meeting.py gives every sub-item one; an item has none)."""
        if self.letter is None:
            raise ValueError(f"agenda item {self.number} is not a sub-item: it has no letter")
        return self.letter

    @property
    def citation(self) -> str:
        """5 (d)"""
        return f"{self.number} ({self.letter})" if self.letter else self.number

    @property
    def key(self) -> str:
        """5d: for file names and --only"""
        return f"{self.number}{self.letter or ''}"


# NEASPEC's member States, by their English short names (meeting.yaml `member_states` replaces them)
NEASPEC_MEMBER_STATES = ("China", "Democratic People's Republic of Korea", "Japan", "Mongolia", "Republic of Korea",
                         "Russian Federation")

# What the list of participants reads from a registration export: key -> the export's heading.
# The defaults are the titles Indico gives its personal-data fields (Title, First Name, Last Name,
# Position, Affiliation, Country); Indico has no participant-type or head-of-delegation field, so
# those two headings are whatever the organizers named the fields they added.
PARTICIPANT_COLUMNS = {"title": "Title", "given_name": "First Name", "family_name": "Last Name",
                       "position": "Position", "organization": "Affiliation", "delegation": "Country",
                       "group": "Participant Type", "head": "Head of Delegation"}
REQUIRED_PARTICIPANT_COLUMNS = ("given_name", "family_name", "delegation")


@dataclass(frozen=True)
class ParticipantsSource:
    """meeting.yaml `participants:`: where the registration export is and how to read it."""

    file: str  # meeting-relative, checked to be inside the meeting folder
    sheet: str | None  # .xlsx only
    symbol: str | None
    columns: tuple[tuple[str, str], ...]  # (key, heading), every key of PARTICIPANT_COLUMNS
    configured: frozenset[str]  # the keys meeting.yaml names: their column must be in the export
    family_name_first: tuple[str, ...]  # delegations whose names print family name first
    position: Position  # the `participants:` key
    file_position: Position
    column_positions: tuple[tuple[str, Position], ...] = ()  # where meeting.yaml gives each configured heading
    date: dt.date | None = None  # `date:`, the list's date; None: the meeting's first day
    date_position: Position | None = None

    def heading(self, key: str) -> str:
        return dict(self.columns)[key]

    def where(self, key: str) -> Position:
        return dict(self.column_positions).get(key, self.file_position)


@dataclass(frozen=True)
class MeetingWords:
    """The meeting's own words in one language: meeting.yaml's, or its `translations: ru:`."""

    organization: tuple[str, ...]
    title: str
    venue: str
    short_title: str | None
    items: tuple[tuple[str, str], ...]  # agenda key (5d) -> the item's title in that language
    position: Position | None = None  # where meeting.yaml gives them

    def item_title(self, item: AgendaItem) -> str | None:
        return dict(self.items).get(item.key)


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
    member_states: tuple[str, ...] = NEASPEC_MEMBER_STATES
    participants: ParticipantsSource | None = None
    previous_venue: str | None = None  # where the previous meeting was held (`toolkit roll` records it)
    deadline: dt.date | None = None  # documents dated later are late (a warning); None: six weeks before start
    word_limit: int = 8500  # words a document may have (the UN's limit for a Secretariat report)
    # Where meeting.yaml gives each symbol of the meeting's own documents: the meeting's `symbol`
    # stands for those derived from it. For the check that no two documents share a symbol.
    symbol_positions: tuple[tuple[str, Position], ...] = ()
    distribution_shown: bool = True  # False: meeting.yaml `distribution: none` (no "Distr.:" line anywhere)
    emblem: Image | None = None  # meeting.yaml `emblem:`: the picture at the top left of every first page
    emblem_alt: str = ""
    language: LanguageCode = "en"  # meeting.yaml `language:`: its documents' language unless a front matter says
    languages: tuple[str, ...] = ("en",)  # meeting.yaml `languages:`: those its documents are issued in
    translations: tuple[tuple[str, MeetingWords], ...] = ()  # meeting.yaml `translations:`, by language
    agenda_adopted_under: str | None = None  # "3": the item whose documents are the agenda and annotated agenda
    documents_list_date: dt.date | None = None  # None: at the meeting (model/agenda.py documents_list_date)
    # The organizations that serve the meeting (`secretariat:`), as a registration export names them: their
    # staff are listed as the Secretariat whatever group they registered in. Without the key, the last line
    # of `organization` (ESCAP for NEASPEC: the body that issues the documents and serves the meeting).
    secretariat: tuple[str, ...] = ()
    agenda_in_report: bool = False  # `agenda_in_report: true`: the report prints the agenda as adopted
    # Where meeting.yaml gives `issued` and `documents_list_date`, for the check of what a list cites
    date_positions: tuple[tuple[str, Position], ...] = ()

    def words(self, code: str) -> MeetingWords | None:
        """The meeting's title, venue, organization and item titles in a language (None: not given)."""
        if code == self.language:
            items = tuple((i.key, i.title) for top in self.agenda for i in (top, *top.subitems))
            return MeetingWords(self.organization, self.title, self.venue, self.short_title, items)
        return dict(self.translations).get(code)

    def find_item(self, citation: str) -> tuple[AgendaItem, AgendaItem | None] | None:
        """'5 (d)', '5(d)' or '5d' -> (the item, its parent) or None."""
        return find_item(self.agenda, citation)


def agenda_list(meeting: Meeting) -> tuple[Paragraph, ...]:
    """The agenda as its documents print it (the provisional agenda, the annotated agenda, the report's
    adopted agenda): 1. Opening of the meeting.  5. Review ...: (a) Air pollution; ... (e) Desertification."""
    paragraphs = []
    expected = 1
    for item in meeting.agenda:
        ending = ":" if item.subitems else "."
        subitems = tuple(
            ListItem(for_language(meeting.language).list_label(sub.mark),
                     runs(sub.title + (";" if index < len(item.subitems) else ".")))
            for index, sub in enumerate(item.subitems, 1))
        number = int(item.number)
        # An agenda numbered 1, 5, 6 (items dropped) starts Word's numbering again where it skips.
        paragraphs.append(Paragraph(number, runs(item.title + ending), subitems, item.position,
                                    restart=number != expected))
        expected = number + 1
    return tuple(paragraphs)


def find_item(agenda: tuple[AgendaItem, ...] | list[AgendaItem],
              citation: str) -> tuple[AgendaItem, AgendaItem | None] | None:
    match = _CITATION.fullmatch(citation)
    if not match:
        return None
    number, letter = match[1], match[2] or match[3]
    for item in agenda:
        if item.number != number:
            continue
        if letter is None:
            return item, None
        for sub in item.subitems:
            if sub.letter == letter:
                return sub, item
    return None
