"""The meeting's documents and their issued records -> revisions, corrigenda and addenda.

Run by the model build (model/build.py) once every document is read: each declaration is checked against the
records in issued/ (a revision or corrigendum of a document never issued, a number that skips,
an addendum to an unknown document are errors at their line), the symbols are set
(<symbol>/Rev.N, <base>/Add.N), each declared corrigendum becomes a document of its own, and
an issued document whose sources changed with nothing declared is a warning."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from toolkit.suggest import did_you_mean
from toolkit.sources.written import Written
from toolkit.errors import Diagnostics, Position
from toolkit.issuing import record as records
from toolkit.issuing.content import content_digest
from toolkit.sources.declarations import Declared
from toolkit.issuing.rebuild import issued_agenda, issued_document, issued_note
from toolkit.model import supplements, wording
from toolkit.model.wording import ENGLISH
from toolkit.model.document import Note
from toolkit.model.issued import Changes, Issuing, LineCount
from toolkit.model.meeting import Meeting
from toolkit.revisions.corrections import corrections
from toolkit.sources.meeting import MEETING_FILE


def record_names(root: Path) -> dict[str, str]:
    """issued/*.yaml -> document name -> meeting-relative path."""
    folder = root / records.ISSUED_DIR
    if not folder.is_dir():
        return {}
    return {p.stem: f"{records.ISSUED_DIR}/{p.name}" for p in sorted(folder.glob("*.yaml"))}


class _Records:
    """Records read when first needed, each once; a faulty one is reported once."""

    def __init__(self, root: Path, diags: Diagnostics):
        self.root, self.diags = root, diags
        self.paths = record_names(root)
        self.read: dict[str, records.Record | None] = {}

    def get(self, name: str) -> records.Record | None:
        if name not in self.paths:
            return None
        if name not in self.read:
            self.read[name] = records.read(self.root, self.paths[name], self.diags)
        return self.read[name]


def apply(root: Path, meeting: Meeting, notes: list[Note], written: Written, diags: Diagnostics,
          documents: dict[str, str] | None = None, others: frozenset[str] | None = None,
          issuing: Issuing | None = None) -> tuple[list[Note], Issuing]:
    """-> the documents (revised symbols, addenda, each corrigendum after its document) and what the build needs.

    others: the other documents' file stems (the report, read later), whose records are not orphans;
    None: the records were looked over already (the second call, for the report)."""
    issuing = issuing or Issuing()
    found = _Records(root, diags)
    by_stem = {note.stem: note for note in notes}
    for note in notes:
        # meeting.yaml's own pictures (its emblem) are part of every document's masthead
        emblem = (meeting.emblem.path,) if meeting.emblem else ()
        issuing.files[note.stem] = (MEETING_FILE, *emblem, note.source, *written.files.get(note.source, ()))
    addenda = _number_addenda(notes, written, by_stem, diags)
    out: list[Note] = []
    # Addenda last: an addendum's symbol follows its base document's, revised or not.
    order = [n for n in notes if n.stem not in addenda] + [n for n in notes if n.stem in addenda]
    final: dict[str, Note] = {}
    for note in order:
        declared = written.declared.get(note.source) or Declared()
        if note.stem in addenda:
            base_stem, number = addenda[note.stem]
            base = final.get(base_stem, by_stem[base_stem])
            if base.symbol:
                note = supplements.addendum(note, base, number)
        made = _Document(root, meeting, note, declared, written, found, diags, documents, issuing).settle()
        final[note.stem] = made[0]
        out.extend(made)
    for name, path in found.paths.items():
        stem = name if name in by_stem else name.rsplit("-corr", 1)[0]
        if stem in by_stem:
            issuing.records[name] = path
        elif others is not None and stem not in others and name not in ISSUABLE_AGENDAS:
            diags.warning(Position(path, 1), f"the record of {name}, which is no longer a document of the meeting "
                                             f"(no notes/{stem}.md): delete it if the document was withdrawn")
    # the documents in the build's order, each corrigendum right after its document
    index = {n.stem: i for i, n in enumerate(notes)}
    out.sort(key=lambda n: (index.get(n.base if n.kind == "corrigendum" else n.stem, 0), n.kind == "corrigendum"))
    return out, issuing


# The agenda documents `toolkit issue` records. The provisional agenda shows meeting.yaml alone, so its record
# holds all it is made of. The annotated agenda and the list of documents show every note's title, symbol and
# date, and the list of documents each one's state: they are made afresh from the documents as they stand.
ISSUABLE_AGENDAS = ("provisional-agenda",)


def agendas(root: Path, meeting: Meeting, documents: list[Note], issuing: Issuing, diags: Diagnostics) -> None:
    """An issued provisional agenda whose meeting.yaml changed in what it shows is written as issued, as a
    note is (supplements.stay_as_issued): its text as issued in issuing.as_issued, a warning at meeting.yaml."""
    emblem = (meeting.emblem.path,) if meeting.emblem else ()
    found = _Records(root, diags)
    for document in (d for d in documents if d.stem in ISSUABLE_AGENDAS):
        issuing.files[document.stem] = (MEETING_FILE, *emblem)
        record = found.get(document.stem)
        if record is None:
            continue
        issuing.records[document.stem] = record.path
        where = Position(MEETING_FILE, 1)
        if record.symbol != document.symbol:
            diags.error(where, f"{document.stem} was issued as {record.symbol or 'a document without a symbol'} "
                               f"({record.path}), it now has {document.symbol or 'no symbol'}: an issued document "
                               "keeps its symbol")
            continue
        # Made again every time (it is short): its date may follow the latest note's, which meeting.yaml
        # does not hold.
        issued = issued_agenda(root, record, diags)
        if issued is None:
            continue
        lined = replace(issued, masthead=replace(issued.masthead, language=document.masthead.language,
                                                 version_line=document.masthead.version_line))
        if content_digest(lined) == content_digest(document):
            continue  # unchanged, or meeting.yaml changed in what this document does not show
        issuing.as_issued[document.stem] = (issued, ())
        kept = {s.file: s.sha256 for s in record.sources}
        if (document.date != record.date
                and all(kept.get(f) == records.current_digest(root, f) for f in issuing.files[document.stem])):
            why = (f"its date would now be {ENGLISH.said_date(document.date)} (the latest document's): give "
                   f"meeting.yaml 'issued: {record.date.isoformat()}'")
        else:
            why = f"what it shows of {MEETING_FILE} has changed since"
        diags.warning(where, f"{document.stem} was issued as {record.symbol or document.title} on "
                             f"{ENGLISH.said_date(record.date)}; {why}: it is built as issued, the changes as "
                             f"{document.stem}-draft, until a revised agenda goes out; if the version recorded was "
                             f"never sent, delete {record.path} and issue it again")


def _number_addenda(notes: list[Note], written: Written, by_stem: dict[str, Note],
                    diags: Diagnostics) -> dict[str, tuple[str, int]]:
    """addendum stem -> (its base's stem, N), N in the order of the addenda's file names."""
    out: dict[str, tuple[str, int]] = {}
    counts: dict[str, int] = {}
    for note in sorted(notes, key=lambda n: n.source):
        declared = written.declared.get(note.source)
        if declared is None or declared.addendum_to is None:
            continue
        where = declared.addendum_pos or Position(note.source, 1)
        base = by_stem.get(declared.addendum_to)
        if base is None or base.stem == note.stem:
            known = [s for s in by_stem if s != note.stem]
            diags.error(where, f"'addendum_to': no document {declared.addendum_to!r} in notes/"
                               f"{did_you_mean(declared.addendum_to, known)}")
            continue
        base_declared = written.declared.get(base.source)
        if base_declared is not None and base_declared.addendum_to is not None:
            diags.error(where, f"{base.stem} is itself an addendum: an addendum adds to the document itself")
            continue
        if base.symbol is None:
            diags.error(where, f"{base.stem} has no symbol, so an addendum to it has none (<symbol>/Add.1)")
            continue
        if note.source in written.symbols:
            diags.error(written.symbols[note.source], f"an addendum's symbol is its base document's followed by "
                                                      f"/Add.N ({base.symbol}/Add.1): remove 'symbol'")
            continue
        counts[base.stem] = counts.get(base.stem, 0) + 1
        out[note.stem] = (base.stem, counts[base.stem])
    return out


class _Document:
    """One document against its records."""

    def __init__(self, root, meeting, note, declared, written, found, diags, documents, issuing):
        self.root, self.meeting, self.note, self.declared = root, meeting, note, declared
        self.written, self.found, self.diags, self.documents, self.issuing = written, found, diags, documents, issuing
        self.record = found.get(note.stem)

    def settle(self) -> list[Note]:
        note, declared, record = self.note, self.declared, self.record
        if (declared.revision or declared.corrigendum) and record is None:
            if self.note.stem not in self.found.paths:  # an unreadable record is reported already
                key = "revision" if declared.revision else "corrigendum"
                self.diags.error(declared.revision_pos if declared.revision else declared.corrigendum_pos,
                                 f"'{key}' of a document never issued (there is no {records.record_path(note.stem)}): "
                                 f"first record the version sent out with `toolkit issue MEETING {note.stem}`")
            return [note]
        if record is None:
            return [note]
        if not self._same_symbol():
            return [note]
        revision = declared.revision or 0
        if revision not in (record.revision, record.revision + 1):
            self.diags.error(declared.revision_pos or self._where(), self._revision_skips(revision))
            return [note]
        if declared.revision and not note.symbol:
            self.diags.error(declared.revision_pos, "a document without a symbol has no revision symbol "
                                                    "(<symbol>/Rev.1): remove 'revision'")
            return [note]
        if revision:
            note = supplements.revised(note, revision)
            self.issuing.revisions[note.stem] = revision
        if revision == record.revision + 1:
            if declared.corrigendum:
                self.diags.error(declared.corrigendum_pos, "a revision replaces the document with its corrections: "
                                                           "remove 'corrigendum' (the revision is the corrected text)")
            self._changes(note, revision)
            return [note]
        if declared.corrigendum:
            return self._corrigendum(note)
        if self._warn_if_changed(note, record):  # changed, nothing declared: written as issued, the changes a draft
            self._as_issued(note, record)
        return [note]

    def _where(self) -> Position:
        return Position(self.note.source, 1)

    def _issued_as(self, record: records.Record) -> str:
        return f"{record.symbol or record.document} on {ENGLISH.said_date(record.date)}"

    def _same_symbol(self) -> bool:
        """The symbol the document was issued under is the one it still has (a Rev. aside)."""
        record, symbol = self.record, self.note.symbol
        expected = wording.revision_symbol(symbol, record.revision) if symbol and record.revision else symbol
        if expected == record.symbol:
            return True
        where = self.written.symbols.get(self.note.source, self._where())
        self.diags.error(where, f"issued as {record.symbol or 'a document without a symbol'} ({record.path}), "
                                f"the document now has {'symbol ' + symbol if symbol else 'no symbol'}: an issued "
                                "document keeps its symbol")
        return False

    def _revision_skips(self, revision: int) -> str:
        record = self.record
        issued = f"Rev.{record.revision}" if record.revision else "the original version"
        if not self.declared.revision:
            return (f"{issued} was issued ({record.path}): keep 'revision: {record.revision}' in the front matter, "
                    f"or write {record.revision + 1} for a new revision")
        if revision < record.revision:
            return (f"'revision: {revision}', but {issued} was issued already ({record.path}): "
                    f"write 'revision: {record.revision}', or {record.revision + 1} for a new revision")
        return (f"'revision: {revision}' skips a number: the version issued is {issued} ({record.path}), so "
                f"the next revision is {record.revision + 1}")

    def _changes(self, note: Note, revision: int) -> None:
        record = self.record
        where = self.written.dates.get(note.source, self._where())
        if note.date < record.date:
            self.diags.error(where, f"the revision is dated {note.date.isoformat()}, before the version it "
                                    f"revises ({record.date.isoformat()}): give it the date it is issued")
        elif note.date == record.date:
            self.diags.warning(where, f"'revision: {revision}' keeps the date of the version issued "
                                      f"({ENGLISH.said_date(record.date)}): give 'date' the day the revision is issued")
        issued = issued_note(self.root, record, self.diags, self.documents)
        if issued is None:
            return
        moment = dt.datetime.combine(note.date, dt.time(), tzinfo=dt.timezone.utc)
        self.issuing.changes.append(Changes(f"{note.stem}-rev{revision}-changes", issued, note,
                                            note.organization, moment, record.path))

    def _corrigendum(self, note: Note) -> list[Note]:
        declared, record = self.declared, self.record
        number = declared.corrigendum
        baseline = record if number == 1 else self.found.get(f"{note.stem}-corr{number - 1}")
        if baseline is None:
            if f"{note.stem}-corr{number - 1}" not in self.found.paths:
                self.diags.error(declared.corrigendum_pos,
                                 f"corrigendum {number} follows Corr.{number - 1}, which was never issued (there is "
                                 f"no {records.record_path(f'{note.stem}-corr{number - 1}')})")
            return [note]
        if note.date != record.date:
            self.diags.error(self.written.dates.get(note.source, self._where()),
                             f"a corrigendum leaves the document's date as issued ({record.date.isoformat()}); "
                             "the corrigendum's own date is its 'date' under 'corrigendum'")
            return [note]
        if declared.corrigendum_date and declared.corrigendum_date < baseline.date:
            self.diags.error(declared.corrigendum_pos, f"the corrigendum is dated before the version it corrects "
                                                       f"({baseline.date.isoformat()})")
            return [note]
        issued = issued_note(self.root, baseline, self.diags, self.documents)
        if issued is None or declared.corrigendum_date is None:
            return [note]
        # "Paragraph 5": the line ("line 3") is added by the pipeline, which lays the issued note out with
        # the build's templates (pipeline/counting.py); `toolkit check` renders nothing
        listed = corrections(issued, note)
        if not listed:
            self.diags.error(declared.corrigendum_pos, f"'corrigendum: {number}', but nothing differs from the "
                                                       f"version issued as {self._issued_as(baseline)}: "
                                                       "make the corrections in the text first")
            return [note]
        if not note.symbol:
            self.diags.error(declared.corrigendum_pos, "a document without a symbol has no corrigendum "
                                                       "(<symbol>/Corr.1): remove 'corrigendum'")
            return [note]
        corr = supplements.corrigendum(note, number, declared.corrigendum_date, listed)
        # What was issued stays as issued: the document's own files are its text as recorded, and the
        # corrections reach readers as the corrigenda (and a reading copy marked as such)
        if self._as_issued(note, record):
            self.issuing.corrected_by[note.stem] = tuple(wording.corrigendum_symbol(note.symbol, n)
                                                         for n in range(1, number + 1))
        own = self.found.get(corr.stem)
        if own is not None and self._warn_if_changed(note, own, next_corrigendum=number + 1):
            # Corr.N issued, and changed since: the reading copy is the text Corr.N corrects it to, not the changes
            corrected = issued_note(self.root, own, self.diags, self.documents)
            if corrected is not None:
                self.issuing.reading[note.stem] = corrected
        self.issuing.files[corr.stem] = self.issuing.files[note.stem]
        self.issuing.counts[corr.stem] = LineCount(issued, note, number, declared.corrigendum_date)
        return [note, corr]

    def _as_issued(self, note: Note, record: records.Record) -> bool:
        """What was issued stays as issued: the document (and its annexes alone) is written from its record."""
        original = issued_document(self.root, record, self.diags, self.documents)
        if original is not None:
            self.issuing.as_issued[note.stem] = (original[0], tuple(original[1]))
        return original is not None

    def _warn_if_changed(self, note: Note, record: records.Record, next_corrigendum: int = 1) -> bool:
        """-> whether the document's sources changed since the record (a warning says what to declare)."""
        changed = self._changed_files(note, record)
        if not changed:
            return False
        if MEETING_FILE in changed:  # the meeting's other parts may change: only what this document shows counts
            issued = issued_note(self.root, record, Diagnostics(), self.documents)
            unsymbolled = (replace(issued.masthead, symbol=None), replace(note.masthead, symbol=None)) if issued else ()
            if issued is not None and (content_digest(issued) == content_digest(note) if changed == [MEETING_FILE]
                                       else unsymbolled[0] == unsymbolled[1]):
                changed.remove(MEETING_FILE)
            if not changed:
                return False
        draft = "" if next_corrigendum > 1 else f" (until then it is built as issued, the changes as {note.stem}-draft)"
        self.diags.warning(self._where(), f"issued as {self._issued_as(record)}; its sources have changed since "
                                          f"({', '.join(changed)}): declare 'revision: {self.record.revision + 1}' "
                                          f"or 'corrigendum' (number {next_corrigendum} and its date) before it goes "
                                          f"out again{draft}, or, if the version recorded was never sent, delete "
                                          f"{record.path} and issue it again")
        return True

    def _changed_files(self, note: Note, record: records.Record) -> list[str]:
        files = self.issuing.files[note.stem]
        kept = {s.file: s.sha256 for s in record.sources}
        changed = [f for f in files if kept.get(f) != records.current_digest(self.root, f)]
        return changed + sorted(f"{f} (no longer used)" for f in kept if f not in files)

