"""`toolkit issue MEETING NAME`: record that a document was issued, in issued/NAME.yaml.

Only a document that builds without a problem, and whose PDF and DOCX in the output folder
are those of its sources now, is recorded: the record says which files were sent."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import Diagnostics, Refused, ToolkitError
from toolkit.issuing import record as records
from toolkit.issuing.apply import ISSUABLE_AGENDAS
from toolkit.model.document import Note
from toolkit.model.wording import ENGLISH
from toolkit.pipeline.atomic import write_atomic
from toolkit.sources.text import read_source


@dataclass
class Issued:
    record: str  # issued/NAME.yaml
    said: str  # one line for the officer
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def issue(meeting_dir: Path, name: str, out_dir: Path, templates: Path, force: bool,
          confirm=None) -> Issued:
    """confirm(question) -> bool: asked before replacing a record (None: refuse without force)."""
    from toolkit.pipeline.build import Options, stale
    from toolkit.pipeline.jobs import plan
    from toolkit.model.build import load

    loaded = load(meeting_dir)  # a problem in the sources raises SourceError: nothing recorded
    documents = {note.stem: note for note in loaded.notes}
    # the provisional agenda too (issuing/apply.py ISSUABLE_AGENDAS says why not the other agenda documents)
    documents.update({d.stem: d for d in loaded.agenda_documents if d.stem in ISSUABLE_AGENDAS})
    name = next((stem for stem in documents if stem.lower() == name.lower()), name)  # any case, as --only
    if name not in documents:
        import click

        from toolkit.suggest import did_you_mean

        raise click.UsageError(f"{name!r} is not a document of {meeting_dir}{did_you_mean(name, documents)} "
                               "Give a note's file name without .md, a corrigendum's output name or "
                               "provisional-agenda: "
                               f"{', '.join(documents)}")
    note = documents[name]
    issuing = loaded.issuing
    pending = [d.stem for d in loaded.notes if d.kind == "corrigendum" and d.base == name
               and d.stem not in issuing.records]
    if pending:
        raise Refused(meeting_dir / "notes" / f"{name}.md",
                      f"{name} declares a corrigendum, {pending[0]}: the document stays as issued; issue the "
                      f"corrigendum (`toolkit issue {meeting_dir} {pending[0]}`), or remove 'corrigendum' to "
                      "record the document again")
    if name in issuing.as_issued and name not in issuing.corrected_by:
        # its outputs are the version recorded, not the sources now: recording these would pair them wrongly
        rel = records.record_path(name)
        raise Refused(meeting_dir / note.source,
                      f"{name} has changed since it was recorded in {rel}, and the build writes it as recorded: "
                      f"{_declare(name)}; if the version recorded was never sent, delete {rel}, build, then issue")
    job = next(j for j in plan(loaded) if j.name == name)
    late = stale(loaded, [job], Options(formats=job.formats, jobs=1, templates=templates), out_dir)
    if late:
        raise Refused(None, f"{', '.join(late)} in {out_dir} {'is' if len(late) == 1 else 'are'} missing or not built "
                      f"from the sources as they are: build first (`toolkit build {meeting_dir} --only {name}`), "
                      "check the files, then issue")
    rel = records.record_path(name)
    base = note.base if note.kind == "corrigendum" else None
    revision = issuing.revisions.get(base or name, 0)
    corrigendum = int(name.rsplit("-corr", 1)[1]) if base else 0
    _may_replace(loaded.root, rel, revision, base, force, confirm)

    files = issuing.files[name]
    sources, copies = [], {}
    for file in files:
        if records.is_text(file):
            text = read_source(loaded.root, file, Diagnostics())
            if text is None:
                raise Refused(meeting_dir / file, "cannot be read again")
            sources.append(records.Source(file, records.text_digest(text), text=text))
        else:
            data = (loaded.root / file).read_bytes()
            copy = records.copy_path(name, file)
            copies[copy] = data
            sources.append(records.Source(file, hashlib.sha256(data).hexdigest(), copy=copy))
    outputs = tuple(records.Output(job.output(fmt),
                                   hashlib.sha256((out_dir / job.output(fmt)).read_bytes()).hexdigest())
                    for fmt in job.formats)
    made = records.Record(name, note.symbol, note.date, revision, corrigendum, base, tuple(sources), outputs, rel)
    done = Issued(rel, _said(note, made))
    _write(loaded.root, made, copies, done)
    if revision and not base:  # a revision replaces the document and the corrigenda to the version before
        for old in sorted((loaded.root / records.ISSUED_DIR).glob(f"{name}-corr*.yaml")):
            _remove(loaded.root, old.stem, done)
    check = Diagnostics()
    if records.read(loaded.root, rel, check) is None:  # never expected: what is written must read back
        raise ToolkitError("\n".join(str(d) for d in check.errors))
    return done


def _declare(name: str) -> str:
    if name in ISSUABLE_AGENDAS:  # no front matter: a revised agenda is not yet something the toolkit makes
        return "the toolkit does not yet make a revised agenda (<symbol>/Rev.1)"
    return "declare 'revision' or 'corrigendum' for what goes out now"


def _said(note: Note, made: records.Record) -> str:
    return (f"recorded {note.symbol or note.stem}, dated {ENGLISH.said_date(note.date)}, as issued: "
            f"{len(made.sources)} source file(s) and {', '.join(o.file for o in made.outputs)}")


def _may_replace(root: Path, rel: str, revision: int, base: str | None, force: bool, confirm) -> None:
    if not (root / rel).is_file():
        return
    old = records.read(root, rel, Diagnostics())
    if old is not None and not base and revision > old.revision:
        return  # a new revision replaces the record of the version it revises
    question = (f"{rel} records {old.symbol or old.document} as issued on {ENGLISH.said_date(old.date)}" if old else
                f"{rel} exists (it cannot be read)")
    if force or (confirm is not None and confirm(f"{question}. Replace it (only if that version was never sent)?")):
        return
    raise Refused(None, f"{question}: a document issued is corrected by a revision or a corrigendum; "
                        "if that version was never sent, give --force to record this one instead")


def _write(root: Path, made: records.Record, copies: dict[str, bytes], done: Issued) -> None:
    folder = root / records.ISSUED_DIR / made.document
    for copy, data in copies.items():
        write_atomic(root / copy, data)
        done.written.append(copy)
    if folder.is_dir():  # copies a previous record of this document kept and this one does not
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if str(path.relative_to(root)) not in copies:
                path.unlink()
                done.removed.append(str(path.relative_to(root)))
    write_atomic(root / made.path, records.dump(made).encode("utf-8"))
    done.written.append(made.path)


def _remove(root: Path, name: str, done: Issued) -> None:
    path = root / records.record_path(name)
    path.unlink(missing_ok=True)
    done.removed.append(records.record_path(name))
    folder = root / records.ISSUED_DIR / name
    if folder.is_dir():
        shutil.rmtree(folder)
        done.removed.append(f"{records.ISSUED_DIR}/{name}/")
