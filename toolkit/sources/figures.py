"""The registered participants -> the figures a note may print about the meeting: `{{ participants.count }}`,
`{{ participants.states }}` ..., so that a report and its list of participants cannot disagree."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from toolkit.model.parts import Participant
from toolkit.model.words import cardinal
from toolkit.sources.expressions import ExpressionError

# What each name counts, for the guide and the messages.
FIGURES = {
    "count": "everyone on the list of participants",
    "states": "the member States represented",
    "delegates": "the members of the member States' delegations",
    "organizations": "the organizations represented, the Secretariat aside",
    "secretariat": "the staff of the Secretariat on the list",
}


class Figure(int):
    """A count printed as the UN Editorial Manual writes numbers in running text: under 10 in words in
    English ("five member States"), in figures otherwise ("25 participants", "1,200"). Arithmetic on it
    gives a plain number."""

    english: bool

    def __new__(cls, value: int, english: bool) -> Figure:
        figure = super().__new__(cls, value)
        figure.english = english
        return figure

    def __str__(self) -> str:
        value = int(self)
        if self.english:
            return cardinal(value) if 1 <= value <= 9 else f"{value:,}"
        return str(value)


def participant_figures(participants: tuple[Participant, ...], language: str) -> dict[str, Figure]:
    english = language == "en"
    by_group: dict[str, list[Participant]] = {}
    for person in participants:
        by_group.setdefault(person.group, []).append(person)

    def represented(*groups: str) -> int:
        return len({p.delegation.casefold() for g in groups for p in by_group.get(g, ())})

    values = {"count": len(participants), "states": represented("member-state"),
              "delegates": len(by_group.get("member-state", ())),
              "organizations": represented("united-nations", "intergovernmental", "other"),
              "secretariat": len(by_group.get("secretariat", ()))}
    return {key: Figure(values[key], english) for key in FIGURES}


class Unread(Mapping[str, int]):
    """`participants` where there is no list to count: any figure is an error saying why, left out when
    `because` has errors of its own (meeting.yaml's `participants:` still a placeholder after `toolkit
    roll`, or an export with errors). export: the export's path, None when meeting.yaml names none."""

    def __init__(self, export: str | None, because: str = "meeting.yaml"):
        self.export = export
        self.because = export or because

    def __getitem__(self, key: str) -> int:
        if self.export is None:
            raise ExpressionError(f"participants.{key} counts the list of participants: name the registration "
                                  "export under participants: in meeting.yaml", because=self.because)
        raise ExpressionError(f"participants.{key} counts the list of participants, which has errors",
                              because=self.because)

    def __iter__(self) -> Iterator[str]:
        return iter(FIGURES)

    def __len__(self) -> int:
        return len(FIGURES)
