"""Registered participants -> the list of participants (an INF document), and the same chapters for
the report of the meeting to carry as its annex.

The order is the one UN lists use: member States, then United Nations bodies and specialized
agencies, intergovernmental organizations, other organizations and the Secretariat, each
group a chapter (only the groups that have participants). Within a group each State or
organization is a sub-heading, in alphabetical order of its name (so "Democratic People's
Republic of Korea" comes under D); within a delegation the head of delegation comes first,
then the others in the order of the export.

Names: "Mr. Hyunsoo YUN": the title, the given name, then the family name in capitals, which
is how UN lists show which name is the family name. Delegations named in meeting.yaml
`family_name_first` print the family name first ("Mr. YUN Hyunsoo"), as their own
documents write names; the capitals mark the family name either way.
"""

from __future__ import annotations

import datetime as dt

from toolkit.model import wording
from toolkit.model.wording import Wording, for_language
from toolkit.model.agenda import _document
from toolkit.model.parts import Participant
from toolkit.model.scripts import runs
from toolkit.model.document import Block, Chapter, Inline, LineBreak, Note, Paragraph, Strong, SubHeading
from toolkit.model.meeting import Meeting
from toolkit.model.words import roman


def display_title(title: str) -> str:
    """Mr -> Mr.; Ms. and H.E. stay as written."""
    return wording.TITLES.get(title.strip().rstrip(".").casefold(), title.strip()) if title.strip() else ""


def display_name(person: Participant, family_first: bool) -> str:
    family = person.family_name.upper()
    names = f"{family} {person.given_name}" if family_first else f"{person.given_name} {family}"
    title = display_title(person.title)
    return f"{title} {names}" if title else names


def _entry(person: Participant, family_first: bool) -> Paragraph:
    """The name, then the position and the organization on lines of their own; the organization
    is left out where it only repeats the sub-heading above it."""
    content: list[Inline] = list(runs(display_name(person, family_first)))
    for line in (person.position, person.organization):
        if line and line.casefold() != person.delegation.casefold():
            content.append(LineBreak())
            content.extend(runs(line))
    return Paragraph(None, tuple(content), (), person.row, numbered=False)


def _delegation_order(person: Participant) -> tuple[int, int]:
    return (0 if person.head else 1, person.row.line)


def participant_chapters(participants: tuple[Participant, ...] | list[Participant],
                         family_name_first: tuple[str, ...] = (), w: Wording | None = None) -> tuple[Chapter, ...]:
    """The chapters of the list (numbered I, II ... here; a numbering pass may number them again)."""
    family_first = {name.casefold() for name in family_name_first}
    chapters: list[Chapter] = []
    for key, title in (w or wording.ENGLISH).participant_groups():
        members = [p for p in participants if p.group == key]
        if not members:
            continue
        delegations: dict[str, list[Participant]] = {}
        for person in members:
            delegations.setdefault(person.delegation, []).append(person)
        blocks: list[Block] = []
        for name in sorted(delegations, key=lambda n: (n.casefold(), n)):
            people = sorted(delegations[name], key=_delegation_order)
            blocks.append(SubHeading((Strong(runs(name)),), people[0].row))
            blocks.extend(_entry(p, name.casefold() in family_first) for p in people)
        numeral = roman(len(chapters) + 1)
        chapters.append(Chapter(numeral, runs(title.upper()), tuple(blocks), f"ch{numeral}", written=title))
    return tuple(chapters)


def list_of_participants(meeting: Meeting, date: dt.date, participants: tuple[Participant, ...]) -> Note:
    source = meeting.participants
    assert source is not None  # only built when meeting.yaml has `participants:`
    w = for_language(meeting.language)
    return _document(meeting, "participants", "list-of-participants", w.participants_list, source.symbol,
                     wording.PARTICIPANTS_DISTRIBUTION, date,
                     participant_chapters(participants, source.family_name_first, w))
