"""A loaded meeting -> the documents to build, each with what it depends on."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.model.document import Note
from toolkit.sources.loader import LoadedMeeting

FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class Job:
    """One document of the meeting, to be written in each requested format."""

    name: str  # output file stem: "5d-low-carbon-cities"
    kind: str  # "note" (more kinds: agenda documents, standalone annexes)
    document: Note
    sources: tuple[str, ...]  # meeting-relative files it is built from
    selectors: frozenset[str]  # what --only may name to select it: note stem, agenda citation

    def output(self, fmt: str) -> str:
        return f"{self.name}.{fmt}"


def plan(loaded: LoadedMeeting) -> list[Job]:
    jobs = []
    for note in loaded.notes:
        sources = (loaded.meeting.source, note.source, *(a.source for a in note.annexes))
        jobs.append(Job(note.stem, "note", note, sources, frozenset({note.stem, *note.agenda_keys})))
    return jobs


def select(jobs: list[Job], only: tuple[str, ...]) -> list[Job]:
    """--only 5d / 5(d) / a note's file stem -> those documents."""
    if not only:
        return jobs
    wanted = {_normalize(o) for o in only}
    return [job for job in jobs if wanted & {_normalize(s) for s in job.selectors}]


def _normalize(selector: str) -> str:
    return "".join(ch for ch in selector.lower() if ch not in " ()")
