"""A meeting folder -> the document model, built in order: read (sources/), numbered, issued records applied
(issuing/), the report, then the checks (checks/); or every problem found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit import checks
from toolkit.sources.written import Written
from toolkit.diagnostics import Diagnostics, Position, ToolkitError
from toolkit.issuing.apply import apply as apply_issuing
from toolkit.model.issued import Issuing
from toolkit.model.document import Note
from toolkit.model.meeting import Meeting
from toolkit.sources.meeting import MEETING_FILE, load_meeting
from toolkit.model.agenda import agenda_documents as make_agenda_documents, issue_date
from toolkit.sources.agenda import annotations
from toolkit.sources.grid_cache import GridCache
from toolkit.model.documents import fill_generated_annexes, number_information_documents
from toolkit.model.supplements import annexes_of
from toolkit.model.assemble import build_note
from toolkit.sources.note import DEFER, read_note
from toolkit.sources.note_language import translation_of
from toolkit.model.language_lines import apply_language_lines
from toolkit.model.parts import NotePart
from toolkit.sources.report import DOCUMENTS_STEM, GENERATED, PARTICIPANTS_STEM, citable
from toolkit.model.participants import Participant, list_of_participants
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


def load(root: Path, grids: GridCache | None = None) -> LoadedMeeting:
    """Reads and validates everything first (nothing is rendered from a half-valid meeting).
    grids: spreadsheets already read, by content (the build keeps them in its output folder)."""
    if not root.is_dir():
        raise ToolkitError(f"{root}: not a meeting folder (no such directory)")
    if not (root / MEETING_FILE).is_file():
        raise ToolkitError(f"{root}: not a meeting folder (it has no {MEETING_FILE})")
    diags = Diagnostics()
    meeting = load_meeting(root, diags)
    written = Written()
    notes: list[Note] = []
    annexes: list[Note] = []
    issuing = Issuing()
    # Originals first: a translation (NAME.ru.md) takes its original's item and symbol.
    note_files = sorted(((root / NOTES_DIR).glob("*.md")) if (root / NOTES_DIR).is_dir() else [],
                        key=lambda p: (translation_of(p.stem) is not None, p.name))
    if meeting is not None:
        reports = []
        for path in note_files:
            if not path.is_file():
                diags.error(Position(f"{NOTES_DIR}/{path.name}", 1), "not a regular file")
                continue
            read = read_note(root, f"{NOTES_DIR}/{path.name}", meeting, diags, grids, written=written,
                             originals={n.stem: n for n in notes})
            if read == DEFER:
                reports.append(path)
            elif isinstance(read, NotePart):
                loaded = build_note(read, diags, GENERATED)
                notes.append(loaded[0])
                annexes.extend(loaded[1])
        notes = number_information_documents(meeting, notes)
        # Revisions, corrigenda and addenda against the records in issued/ (toolkit/issuing): before the
        # report, which cites the documents' symbols as they are now.
        notes, issuing = apply_issuing(root, meeting, notes, written, diags, citable(meeting, notes),
                                       others=frozenset(p.stem for p in reports))
        # The report cites the other documents' symbols and lists them: it is read last.
        documents = citable(meeting, notes)
        for path in reports:
            read = read_note(root, f"{NOTES_DIR}/{path.name}", meeting, diags, grids, documents=documents,
                             written=written, originals={n.stem: n for n in notes})
            if isinstance(read, NotePart):
                loaded = build_note(read, diags, GENERATED)
                done, issuing = apply_issuing(root, meeting, [loaded[0]], written, diags, documents, issuing=issuing)
                notes.extend(done)
                annexes.extend(loaded[1])
    if issuing.revisions or any(note.base for note in notes):
        annexes = annexes_of(annexes, notes)
    participants: tuple[Participant, ...] = ()
    participants_list = None
    if meeting is not None and meeting.participants is not None:
        participants = read_participants(root, meeting, diags, grids) or ()
        participants_list = list_of_participants(meeting, issue_date(meeting, notes), participants)
    listed = [participants_list] if participants_list is not None else []
    # A translation shares its original's symbol: the agenda documents list the document once.
    originals = [n for n in notes if n.original_stem in ("", n.stem)]
    agenda_documents = (make_agenda_documents(meeting, originals, annotations(root, meeting, diags), diags, listed)
                        if meeting is not None else [])
    if meeting is not None:
        made = {DOCUMENTS_STEM: next(d for d in agenda_documents if d.kind == "documents").chapters}
        if participants_list is not None:
            made[PARTICIPANTS_STEM] = participants_list.chapters
        notes = [fill_generated_annexes(n, made) if n.kind == "report" else n for n in notes]
        notes = apply_language_lines(meeting, notes)
        annexes = apply_language_lines(meeting, [*notes, *annexes])[len(notes):]
        agenda_documents = apply_language_lines(meeting, agenda_documents)
    if meeting is not None:  # the checks a careful officer makes before sending (toolkit/checks)
        checks.run(meeting, [*agenda_documents, *listed], notes, written, diags)
    diags.raise_if_errors()
    assert meeting is not None  # no errors means the meeting loaded
    return LoadedMeeting(root, meeting, tuple(notes), tuple(annexes), tuple(agenda_documents), diags,
                         participants, participants_list, issuing)
