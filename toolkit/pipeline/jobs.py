"""A loaded meeting -> the documents to build, each with what it depends on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args
from pathlib import Path

from toolkit.model.document import Note
from toolkit.model.issued import Changes, LineCount
from toolkit.model.build import LoadedMeeting

Format = Literal["pdf", "docx"]
FORMATS: tuple[Format, ...] = get_args(Format)


@dataclass(frozen=True)
class Job:
    """One document of the meeting, to be written in each requested format."""

    name: str  # output file stem: "5d-low-carbon-cities"
    kind: str  # note | annex | agenda | annotated-agenda | documents | participants
    document: Note
    sources: tuple[str, ...]  # meeting-relative files it is built from
    selectors: frozenset[str]  # what --only may name to select it: note stem, agenda citation
    root: Path = Path(".")  # the meeting folder the sources are in
    formats: tuple[str, ...] = FORMATS  # the formats it has (a revision's tracked changes: a DOCX only)
    changes: Changes | None = None  # kind "changes": the versions a Word file with tracked changes compares
    count: LineCount | None = None  # kind "corrigendum": its places' lines, counted before it is rendered

    def model_repr(self) -> str:
        """Everything the output shows, as text: what its fingerprint is made of."""
        if self.changes is not None:
            c = self.changes
            return repr((c.issued, c.current, c.author, c.date))
        if self.count is not None:  # its lines come from the issued note's layout
            return repr((self.document, self.count.issued))
        return repr(self.document)

    def output(self, fmt: str) -> str:
        return f"{self.name}.{fmt}"

    def uses_office(self, fmt: str) -> bool:
        """Whether LibreOffice makes part of this output (its version is then an input): it lays
        out every DOCX, and converts a Word file attached to a PDF."""
        if fmt == "docx":
            return True
        attached = [self.document.attachment, *(annex.attachment for annex in self.document.annexes)]
        return any(a is not None and a.converted_by_office for a in attached)


def plan(loaded: LoadedMeeting) -> list[Job]:
    """Every document: the agenda documents, the list of participants, each note, and each annex on its own."""
    meeting = loaded.meeting.source
    every_note = frozenset(s for n in loaded.notes for s in (n.stem, *n.agenda_keys))
    note_files = tuple(n.source for n in loaded.notes)
    jobs = []
    for doc in loaded.agenda_documents:
        # The annotated agenda and the list of documents show every note: --only any note selects them.
        selectors = frozenset({doc.stem}) | (every_note if doc.kind != "agenda" else frozenset())
        sources = (meeting,) + (note_files if doc.kind != "agenda" else ())
        # an agenda written as issued is made from its record too, its changes as a marked draft
        kept = (loaded.issuing.records[doc.stem],) if doc.stem in loaded.issuing.as_issued else ()
        jobs.append(Job(doc.stem, doc.kind, doc, (*sources, *kept), selectors, loaded.root))
        for copy in (c for c in loaded.reading_copies if c.base == doc.stem):
            jobs.append(Job(copy.stem, doc.kind, copy, sources, selectors | {copy.stem}, loaded.root))
    if loaded.participants_list is not None and loaded.meeting.participants is not None:
        # Built from meeting.yaml and the export alone: a new registration rebuilds only this list.
        doc = loaded.participants_list
        jobs.append(Job(doc.stem, doc.kind, doc, (meeting, loaded.meeting.participants.file), frozenset({doc.stem}),
                        loaded.root))
    issuing = loaded.issuing
    for note in loaded.notes:
        sources = (meeting, note.source, *(a.source for a in note.annexes))
        selectors = frozenset({note.stem, *note.agenda_keys})
        if note.kind == "corrigendum":  # its corrections come from the note's files and the records
            records = tuple(path for name, path in sorted(issuing.records.items())
                            if name == note.base or name.startswith(f"{note.base}-corr"))
            sources = (*issuing.files.get(note.stem, sources), *records)
            jobs.append(Job(note.stem, "corrigendum", note, sources, selectors | {note.stem}, loaded.root,
                            count=issuing.counts.get(note.stem)))
            continue
        # a document written as issued is made from its record too (model/supplements.py stay_as_issued)
        kept = (issuing.records[note.stem],) if note.stem in issuing.as_issued and note.stem in issuing.records else ()
        sources = (*sources, *kept)
        jobs.append(Job(note.stem, "note", note, sources, selectors, loaded.root))
        for copy in (c for c in loaded.reading_copies if c.base == note.stem):  # NAME-as-corrected, NAME-draft
            # its text is the sources now, or an issued corrigendum's record
            records = tuple(path for name, path in sorted(issuing.records.items())
                            if name.startswith(f"{note.stem}-corr"))
            jobs.append(Job(copy.stem, "note", copy, (*issuing.files.get(note.stem, sources), *records),
                            selectors | {copy.stem}, loaded.root))
        for changes in (c for c in issuing.changes if c.current.stem == note.stem):
            jobs.append(Job(changes.name, "changes", note, (*issuing.files.get(note.stem, sources), changes.record),
                            selectors | {changes.name}, loaded.root, formats=("docx",), changes=changes))
        for annex in (d for d in loaded.annexes if d.stem.startswith(f"{note.stem}-annex-")):
            # An annex issued on its own is also selected by its own output name.
            jobs.append(Job(annex.stem, "annex", annex, (meeting, note.source, annex.source, *kept),
                            selectors | {annex.stem}, loaded.root))
    return jobs


def select(jobs: list[Job], only: tuple[str, ...]) -> list[Job]:
    """--only 5d / 5(d) / a note's file stem -> those documents."""
    if not only:
        return jobs
    wanted = {_normalize(o) for o in only}
    return [job for job in jobs if wanted & {_normalize(s) for s in job.selectors}]


def unmatched(jobs: list[Job], only: tuple[str, ...]) -> list[str]:
    """The --only values that select nothing (each is a mistake, even beside one that matches)."""
    known = {_normalize(s) for job in jobs for s in job.selectors}
    return [o for o in only if _normalize(o) not in known]


def accepted(jobs: list[Job]) -> list[str]:
    """What --only accepts, for the message that lists it: agenda items, then output names."""
    names = sorted({s for job in jobs for s in job.selectors})
    return sorted(n for n in names if n[:1].isdigit() and len(n) <= 4) + [n for n in names
                                                                          if not (n[:1].isdigit() and len(n) <= 4)]


def _normalize(selector: str) -> str:
    return "".join(ch for ch in selector.lower() if ch not in " ()")
