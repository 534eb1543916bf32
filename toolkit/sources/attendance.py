"""The list of participants and the agenda -> the parts of the report of the meeting that are made, not
written: the "Attendance" part of the opening's section, and the agenda as adopted (meeting.yaml
`agenda_in_report: true`) in the section of the item under which it is adopted.

UN reports say who attended group by group, in the order of the list of participants: "The following
member States were represented: China, Japan and Mongolia." (a report's "Attendance", as the UNEP
Governing Council's reports word it). The names are those the list prints, so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import replace

from toolkit.errors import Position
from toolkit.model.document import Block, Paragraph, SubHeading
from toolkit.model.meeting import Meeting, agenda_list
from toolkit.model.parts import Participant
from toolkit.model.scripts import runs
from toolkit.model.wording import Wording


def attendance(participants: tuple[Participant, ...], w: Wording, where: Position) -> tuple[Block, ...]:
    """A third-degree heading, then a numbered paragraph for each group that has participants."""
    blocks: list[Block] = [SubHeading(runs(w.attendance["heading"]), where, third_degree=True)]
    for key, _ in w.participant_groups():
        names: dict[str, str] = {}
        for person in participants:
            if person.group == key:
                names.setdefault(person.delegation.casefold(), person.delegation)
        if names:
            ordered = [names[k] for k in sorted(names)]
            blocks.append(Paragraph(None, runs(w.attendance_line(key, ordered)), position=where))
    return tuple(blocks)


def adopted_agenda(meeting: Meeting, w: Wording) -> tuple[Block, ...]:
    """"The Meeting adopted the following agenda:", then the items with their own numbers (outside the
    report's count of paragraphs, which resumes after them) and their sub-items lettered."""
    lead_in = Paragraph(None, runs(w.adopted_agenda), position=Position(meeting.source, 1), keep=True)
    items = [replace(p, own_number=True, restart=index == 0 or p.restart,
                     subitems=tuple(replace(s, ordered=True) for s in p.subitems))
             for index, p in enumerate(agenda_list(meeting))]
    return (lead_in, *items)
