"""A meeting folder -> the document model, built in order: read (sources/), numbered, issued records applied
(issuing/), the report, then the checks (checks/); or every problem found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit import checks
from toolkit.sources.written import Written
from toolkit.errors import Diagnostics, Position, ToolkitError
from toolkit.issuing.apply import agendas as agendas_as_issued, apply as apply_issuing
from toolkit.model.issued import Issuing
from toolkit.model.document import Note
from toolkit.model.meeting import Meeting
from toolkit.sources.meeting import MEETING_FILE, load_meeting
from toolkit.model.agenda import agenda_documents as make_agenda_documents, participants_list_date
from toolkit.sources.agenda import read_annotations
from toolkit.sources.grid_cache import GridCache
from toolkit.model.documents import fill_generated_annexes, number_information_documents
from toolkit.model.supplements import annexes_of, stay_as_issued
from toolkit.model.assemble import build_note
from toolkit.sources.note import DEFER, Reading, read_note
from toolkit.sources.note_language import translation_of
from toolkit.sources.discover import warn_skipped
from toolkit.model.language_lines import apply_language_lines
from toolkit.model.parts import NotePart
from toolkit.sources.report import DOCUMENTS_STEM, GENERATED, PARTICIPANTS_STEM, citable
from toolkit.model.parts import Participant
from toolkit.model.participants import list_of_participants
from toolkit.sources.participants import read_participants

NOTES_DIR = "notes"


@dataclass(frozen=True)
class LoadedMeeting:
    root: Path
    meeting: Meeting
    notes: tuple[Note, ...]
    annexes: tuple[Note, ...]  # each annex as a document of its own
    agenda_documents: tuple[Note, ...]  # provisional agenda, annotated agenda, list of documents
    diagnostics: Diagnostics
    participants: tuple[Participant, ...] = ()  # from meeting.yaml `participants:` (the report's annex too)
    participants_list: Note | None = None  # the list of participants, when meeting.yaml has `participants:`
    issuing: Issuing = field(default_factory=Issuing)  # issued records, revisions' changes (toolkit/issuing)
    # an issued document's text as corrected (NAME-as-corrected) or as changed since (NAME-draft), each marked
    reading_copies: tuple[Note, ...] = ()


def load(root: Path, grids: GridCache | None = None) -> LoadedMeeting:
    """Reads and validates everything first (nothing is rendered from a half-valid meeting).
    grids: spreadsheets already read, by content (the build keeps them in its output folder)."""
    if not root.is_dir():
        raise ToolkitError(f"{root}: not a meeting folder (no such directory)")
    if not (root / MEETING_FILE).is_file():
        raise ToolkitError(f"{root}: not a meeting folder (it has no {MEETING_FILE})")
    diags = Diagnostics()
    meeting = load_meeting(root, diags)
    if meeting is None:
        diags.raise_if_errors(root)
        raise AssertionError("meeting.yaml read with no error and no meeting")
    built = _Built(root, meeting, diags, grids)
    built.participants_read()  # first: a note may print their figures ({{ participants.count }})
    reports = built.notes_read_and_numbered()
    # Revisions, corrigenda and addenda against the records in issued/ (toolkit/issuing): before the
    # report, which cites the documents' symbols as they are now.
    built.notes, built.issuing = apply_issuing(root, meeting, built.notes, built.written, diags,
                                               citable(meeting, built.notes), others=frozenset(p.stem for p in reports))
    built.reports(reports)
    # an annex alone carries its document's symbol as settled: a Rev., an Add., an information document's INF/N
    built.annexes = annexes_of(built.annexes, built.notes)
    participants, participants_list, agenda_documents = built.made_documents()
    listed = [participants_list] if participants_list is not None else []
    # the checks a careful officer makes before sending (toolkit/checks)
    checks.run(meeting, [*agenda_documents, *listed], built.notes, built.written, diags)
    warn_skipped(root, built.written, diags)
    diags.raise_if_errors(root)
    # Checked as they are now (a message points at the sources' lines), written as issued
    notes, annexes, reading_copies = stay_as_issued(built.notes, built.annexes, built.issuing)
    agenda_documents, _, agenda_drafts = stay_as_issued(agenda_documents, [], built.issuing)
    return LoadedMeeting(root, meeting, tuple(notes), tuple(annexes), tuple(agenda_documents), diags,
                         participants, participants_list, built.issuing, tuple(reading_copies + agenda_drafts))


@dataclass
class _Built:
    """The documents as the build makes them, step by step."""

    root: Path
    meeting: Meeting
    diags: Diagnostics
    grids: GridCache | None
    written: Written = field(default_factory=Written)  # where the checks' facts are written (sources/written.py)
    notes: list[Note] = field(default_factory=list)
    annexes: list[Note] = field(default_factory=list)
    issuing: Issuing = field(default_factory=Issuing)
    participants: tuple[Participant, ...] | None = None  # None: no export, or one with errors

    def _reading(self, documents: dict[str, str] | None = None) -> Reading:
        source = self.meeting.participants
        unread = source.file if source is not None and self.participants is None else None
        return Reading(self.root, self.meeting, self.diags, self.grids, self.written,
                       {n.stem: n for n in self.notes}, documents, self.participants, unread)

    def participants_read(self) -> None:
        if self.meeting.participants is not None:
            self.participants = read_participants(self.root, self.meeting, self.diags, self.grids)

    def notes_read_and_numbered(self) -> list[Path]:
        """Every note but the report, read (sources/note.py) then numbered and assembled; -> the reports,
        which wait for the other documents' symbols."""
        # Originals first: a translation (NAME.ru.md) takes its original's item and symbol.
        folder = self.root / NOTES_DIR
        note_files = sorted(folder.glob("*.md") if folder.is_dir() else [],
                            key=lambda p: (translation_of(p.stem) is not None, p.name))
        reports = []
        for path in note_files:
            if not path.is_file():
                self.diags.error(Position(f"{NOTES_DIR}/{path.name}", 1), "not a regular file")
                continue
            read = read_note(self._reading(), f"{NOTES_DIR}/{path.name}")
            if read == DEFER:
                reports.append(path)
            elif isinstance(read, NotePart):
                note, alone = build_note(read, self.diags, GENERATED)
                self.notes.append(note)
                self.annexes.extend(alone)
        self.notes = number_information_documents(self.meeting, self.notes)
        return reports

    def reports(self, reports: list[Path]) -> None:
        """The report cites the other documents' symbols and lists them: it is read last."""
        documents = citable(self.meeting, self.notes)
        for path in reports:
            read = read_note(self._reading(documents), f"{NOTES_DIR}/{path.name}")
            if isinstance(read, NotePart):
                note, alone = build_note(read, self.diags, GENERATED)
                done, self.issuing = apply_issuing(self.root, self.meeting, [note], self.written, self.diags,
                                                   documents, issuing=self.issuing)
                self.notes.extend(done)
                self.annexes.extend(alone)

    def made_documents(self) -> tuple[tuple[Participant, ...], Note | None, list[Note]]:
        """The list of participants and the agenda documents, made from the notes; the report's made
        annexes filled in; every document's language lines. -> (participants, their list, agenda documents)."""
        meeting, diags = self.meeting, self.diags
        participants: tuple[Participant, ...] = self.participants or ()
        participants_list = None
        if meeting.participants is not None:
            participants_list = list_of_participants(meeting, participants_list_date(meeting), participants)
        listed = [participants_list] if participants_list is not None else []
        # A translation shares its original's symbol: the agenda documents list the document once.
        originals = [n for n in self.notes if n.original_stem in ("", n.stem)]
        annotations = read_annotations(self.root, meeting, diags)
        agenda_documents = make_agenda_documents(meeting, originals, annotations, diags, listed)
        # an issued provisional agenda is written as issued, as a note is; the list of documents shows that one
        agendas_as_issued(self.root, meeting, agenda_documents, self.issuing, diags)
        issued = self.issuing.as_issued.get(agenda_documents[0].stem)
        if issued is not None:
            listed_now = make_agenda_documents(meeting, originals, annotations, Diagnostics(), listed, issued[0])
            agenda_documents = [*agenda_documents[:2], listed_now[2]]
        made = {DOCUMENTS_STEM: next(d for d in agenda_documents if d.kind == "documents").chapters}
        if participants_list is not None:
            made[PARTICIPANTS_STEM] = participants_list.chapters
        notes = [fill_generated_annexes(n, made) if n.kind == "report" else n for n in self.notes]
        self.notes = apply_language_lines(meeting, notes)
        self.annexes = apply_language_lines(meeting, [*self.notes, *self.annexes])[len(self.notes):]
        return participants, participants_list, apply_language_lines(meeting, agenda_documents)
