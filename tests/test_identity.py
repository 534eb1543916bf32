"""What a symbol means (issue 18, points 1 and 2): a corrected document is written as it was issued, its
corrected text only as a marked reading copy; an annex issued on its own says whose annex it is."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import SAMPLE, copy_meeting, read_pdf, run_cli
from toolkit.errors import Diagnostics
from toolkit.issuing import record as records
from toolkit.model.build import LoadedMeeting, load
from toolkit.model.document import Note, Table
from toolkit.model.plain import inline_text


def _note(loaded: LoadedMeeting, stem: str) -> Note:
    return next(d for d in (*loaded.notes, *loaded.annexes, *loaded.reading_copies) if d.stem == stem)


def _cell(note: Note, row: str, column: int) -> str:
    """A figure of the note's first table: the row that starts with `row`, column `column` (0: the label)."""
    tables = [b for a in (note.chapters, *(x.chapters for x in note.annexes)) for c in a for b in c.blocks
              if isinstance(b, Table)]
    found = next(r for r in tables[0].rows if inline_text(r[0]) == row)
    return inline_text(found[column])


def _record(meeting: Path, stem: str, corrigendum: int = 0) -> None:
    """issued/STEM.yaml as `toolkit issue` writes it for the sources as they are (outputs aside: nothing is
    built here)."""
    loaded = load(meeting)
    note = _note(loaded, stem)
    sources = []
    for file in loaded.issuing.files[stem]:
        text = (meeting / file).read_text(encoding="utf-8")
        sources.append(records.Source(file, records.text_digest(text), text=text))
    sent = (records.Output(f"{stem}.pdf", hashlib.sha256(b"").hexdigest()),)  # the files are not compared here
    made = records.Record(stem, note.symbol, note.date, 0, corrigendum, note.base if corrigendum else None,
                          tuple(sources), sent, records.record_path(stem))
    (meeting / records.ISSUED_DIR).mkdir(exist_ok=True)
    (meeting / made.path).write_text(records.dump(made), encoding="utf-8")
    assert records.read(meeting, made.path, Diagnostics()) is not None


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---- 1. what was issued stays as issued ----


def test_the_samples_corrected_note_is_written_as_issued():
    loaded = load(SAMPLE)
    issued = _note(loaded, "7-core-fund")
    assert (issued.symbol, issued.masthead.date) == ("ESCAP/NEASPEC/SOM(26)/7", "6\u00a0October 2023")
    # the figures as issued on 6 October, not the corrected ones (15,000; 375,000)
    assert _cell(issued, "Mongolia", 3) == "10,000"
    assert _cell(issued, "Total", 3) == "370,000"
    assert issued.masthead.reading_copy is None
    corrigendum = _note(loaded, "7-core-fund-corr1")
    said = repr(corrigendum.chapters)
    assert corrigendum.symbol == "ESCAP/NEASPEC/SOM(26)/7/Corr.1"
    assert corrigendum.masthead.date == "20\u00a0October 2023"
    assert "10,000" in said and "15,000" in said, "the corrigendum lists the correction"


def test_the_corrected_text_is_only_a_marked_reading_copy():
    loaded = load(SAMPLE)
    copy = _note(loaded, "7-core-fund-as-corrected")
    assert _cell(copy, "Mongolia", 3) == "15,000" and _cell(copy, "Total", 3) == "375,000"
    assert copy.masthead.reading_copy == ("Reading copy, not an issued document: the text of ESCAP/NEASPEC/SOM(26)/7 "
                                          "as corrected by ESCAP/NEASPEC/SOM(26)/7/Corr.1")
    # not a document of the meeting: the lists do not show it, and it is not issued
    assert copy not in loaded.notes
    listed = repr([d.chapters for d in loaded.agenda_documents])
    assert "as-corrected" not in listed and "Reading copy" not in listed


def test_a_fixture_note_and_its_annexes_alone_stay_as_issued(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    _record(meeting, "cities")
    note = meeting / "notes" / "cities.md"
    _edit(note, "First paragraph of the background.", "First paragraph of the introduction.")
    _edit(meeting / "annexes" / "first.md", "Second paragraph of the first annex.", "Second, corrected paragraph.")
    _edit(note, "symbol: ESCAP/NEASPEC/SOM(T)/2b", "symbol: ESCAP/NEASPEC/SOM(T)/2b\ncorrigendum:\n  number: 1\n"
                                                    "  date: 2023-10-20")
    loaded = load(meeting)
    issued, alone = _note(loaded, "cities"), _note(loaded, "cities-annex-I")
    assert "background." in repr(issued) and "introduction" not in repr(issued)
    assert "Second paragraph of the first annex." in repr(issued) and "corrected" not in repr(issued)
    assert "Second paragraph of the first annex." in repr(alone) and "corrected" not in repr(alone)
    assert issued.masthead.date == alone.masthead.date == "6\u00a0October 2023"
    copy = _note(loaded, "cities-as-corrected")
    assert "introduction" in repr(copy) and "Second, corrected paragraph." in repr(copy)
    assert copy.masthead.reading_copy.endswith("as corrected by ESCAP/NEASPEC/SOM(T)/2b/Corr.1")
    said = repr(_note(loaded, "cities-corr1").chapters)
    assert "introduction" in said and "corrected paragraph" in said


def test_without_a_change_there_is_no_copy(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    _record(meeting, "cities")
    assert load(meeting).reading_copies == ()


def test_changes_not_declared_are_a_marked_draft_and_the_document_stays_as_issued(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    _record(meeting, "cities")
    _edit(meeting / "notes" / "cities.md", "First paragraph of the background.", "First paragraph of the introduction.")
    loaded = load(meeting)
    issued = _note(loaded, "cities")
    assert "background." in repr(issued) and "introduction" not in repr(issued)
    (draft,) = loaded.reading_copies
    assert draft.stem == "cities-draft" and "introduction" in repr(draft)
    assert draft.masthead.reading_copy == ("Draft, not an issued document: changes to ESCAP/NEASPEC/SOM(T)/2b, "
                                           "issued on 6\u00a0October 2023, not yet declared")
    (warning,) = [str(w) for w in loaded.diagnostics.warnings]
    assert "until then it is built as issued, the changes as cities-draft" in warning
    assert "delete issued/cities.yaml and issue it again" in warning
    # its outputs would be the version recorded: `toolkit issue` says what to do instead of pairing them wrongly
    refused = run_cli("issue", meeting, "cities", "--out", tmp_path / "out", "--force")
    assert refused.exit_code == 1 and "has changed since it was recorded in issued/cities.yaml" in refused.stderr


def test_after_its_corrigendum_is_issued_the_reading_copy_is_the_text_it_corrects_to(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    _record(meeting, "cities")
    note = meeting / "notes" / "cities.md"
    _edit(note, "First paragraph of the background.", "First paragraph of the introduction.")
    _edit(note, "symbol: ESCAP/NEASPEC/SOM(T)/2b", "symbol: ESCAP/NEASPEC/SOM(T)/2b\ncorrigendum:\n  number: 1\n"
                                                    "  date: 2023-10-20")
    _record(meeting, "cities-corr1", corrigendum=1)
    _edit(note, "Second paragraph", "Second, changed paragraph")  # not declared: Corr.2 would carry it
    loaded = load(meeting)
    (copy,) = loaded.reading_copies
    assert "introduction" in repr(copy) and "Second, changed paragraph" not in repr(copy)
    assert "background." in repr(_note(loaded, "cities"))


# ---- 2. an annex issued alone says whose annex it is ----


def test_an_annex_alone_is_headed_as_its_notes_annex():
    loaded = load(SAMPLE)
    alone = _note(loaded, "5d-low-carbon-cities-annex-II")
    m = alone.masthead
    # the note's title block ("Low Carbon Cities / Note by the Secretariat") is the note's, not the annex's
    assert m.title == () and m.author_line is None
    assert m.annex_heading == "Annex II to ESCAP/NEASPEC/SOM(26)/5d"
    assert inline_text(m.annex_title) == "Report of the 3rd International Forum on Low Carbon Cities"
    assert (m.symbol, m.date) == ("ESCAP/NEASPEC/SOM(26)/5d", "6\u00a0October 2023"), "filed under its note's symbol"
    # what a PDF viewer shows as the file's title
    assert alone.title == ("Annex II to ESCAP/NEASPEC/SOM(26)/5d: "
                           "Report of the 3rd International Forum on Low Carbon Cities")


def test_an_annex_alone_of_a_revision_names_the_revision():
    alone = _note(load(SAMPLE), "5a-air-pollution-annex-I")
    assert alone.masthead.annex_heading == "Annex I to ESCAP/NEASPEC/SOM(26)/5a/Rev.1"
    assert alone.masthead.symbol == "ESCAP/NEASPEC/SOM(26)/5a/Rev.1"
    assert alone.title.startswith("Annex I to ESCAP/NEASPEC/SOM(26)/5a/Rev.1: ")


@pytest.mark.parametrize("symbol, expected", [(True, "Annex II to ESCAP/NEASPEC/SOM(T)/2b"),
                                              (False, "Annex II to \u201cCities of SOM-T\u201d")])
def test_an_annex_alone_of_a_document_without_a_symbol_names_its_title(tmp_path: Path, symbol: bool, expected: str):
    meeting = copy_meeting("basic", tmp_path)
    if not symbol:
        _edit(meeting / "notes" / "cities.md", "symbol: ESCAP/NEASPEC/SOM(T)/2b\n", "")
    assert _note(load(meeting), "cities-annex-II").masthead.annex_heading == expected


def test_an_annex_alone_of_an_information_document_names_its_inf_symbol(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    (meeting / "notes" / "info.md").write_text("---\nkind: information\ntitle: Practical information\n"
                                               "date: 2023-10-06\nannexes:\n  - title: Map\n"
                                               "    file: annexes/first.md\n---\n\nThe venue.\n", encoding="utf-8")
    loaded = load(meeting)
    symbol = _note(loaded, "info").symbol
    assert symbol is not None and "/INF/" in symbol
    alone = _note(loaded, "info-annex-I")
    assert (alone.masthead.symbol, alone.masthead.annex_heading) == (symbol, f"Annex I to {symbol}")


# ---- 1. the provisional agenda once issued ----


def _record_agenda(meeting: Path) -> None:
    """issued/provisional-agenda.yaml as `toolkit issue` writes it for meeting.yaml as it is (outputs aside)."""
    loaded = load(meeting)
    agenda = next(d for d in loaded.agenda_documents if d.stem == "provisional-agenda")
    sources = []
    for file in loaded.issuing.files.get("provisional-agenda", ("meeting.yaml",)):
        text = (meeting / file).read_text(encoding="utf-8")
        sources.append(records.Source(file, records.text_digest(text), text=text))
    sent = (records.Output("provisional-agenda.pdf", hashlib.sha256(b"").hexdigest()),)
    made = records.Record("provisional-agenda", agenda.symbol, agenda.date, 0, 0, None, tuple(sources), sent,
                          records.record_path("provisional-agenda"))
    (meeting / records.ISSUED_DIR).mkdir(exist_ok=True)
    (meeting / made.path).write_text(records.dump(made), encoding="utf-8")


def test_an_issued_provisional_agenda_is_written_as_issued_its_changes_a_marked_draft(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    _record_agenda(meeting)
    assert load(meeting).reading_copies == (), "unchanged since it was issued: no draft"
    _edit(meeting / "meeting.yaml", "title: Opening of the meeting", "title: Opening of the session")
    loaded = load(meeting)
    agenda = next(d for d in loaded.agenda_documents if d.stem == "provisional-agenda")
    said = repr(agenda.chapters)
    assert "Opening of the meeting" in said and "Opening of the session" not in said
    assert agenda.masthead.reading_copy is None
    draft = next(d for d in loaded.reading_copies if d.stem == "provisional-agenda-draft")
    assert "Opening of the session" in repr(draft.chapters)
    assert draft.masthead.reading_copy and agenda.symbol in draft.masthead.reading_copy
    assert draft not in loaded.agenda_documents
    warned = [str(d) for d in loaded.diagnostics.warnings if "provisional-agenda" in d.message]
    assert len(warned) == 1 and warned[0].startswith("meeting.yaml:1") and "provisional-agenda-draft" in warned[0]
    # the annotated agenda is not recorded: it shows the meeting as it is now
    annotated = next(d for d in loaded.agenda_documents if d.stem == "annotated-agenda")
    assert "Opening of the session" in repr(annotated.chapters)


def test_a_change_the_provisional_agenda_does_not_show_leaves_it_as_it_is(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    _record_agenda(meeting)
    (meeting / "meeting.yaml").write_text((meeting / "meeting.yaml").read_text(encoding="utf-8") + "\n# a comment\n",
                                          encoding="utf-8")
    loaded = load(meeting)
    assert loaded.reading_copies == ()
    assert not [d for d in loaded.diagnostics.warnings if "provisional-agenda" in d.message]


def test_check_warns_of_an_issued_provisional_agenda_changed(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    _record_agenda(meeting)
    _edit(meeting / "meeting.yaml", "title: Opening of the meeting", "title: Opening of the session")
    result = run_cli("check", meeting)
    assert result.exit_code == 0, result.stderr
    assert "meeting.yaml:1" in result.stderr and "provisional-agenda-draft" in result.stderr
    assert "record" not in result.stderr.split("provisional-agenda")[0], "no orphan-record warning"


def test_issue_takes_the_provisional_agenda(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    result = run_cli("issue", meeting, "provisional-agenda", "--out", tmp_path / "out")
    assert result.exit_code != 0
    assert "not a document" not in result.stderr and "build first" in result.stderr
    assert "--only provisional-agenda" in result.stderr
    refused = run_cli("issue", meeting, "list-of-documents", "--out", tmp_path / "out")
    assert refused.exit_code != 0 and "not a document" in refused.stderr


@pytest.mark.slow
def test_the_issued_provisional_agenda_pdf_keeps_its_text_and_the_draft_has_the_new(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    _record_agenda(meeting)
    _edit(meeting / "meeting.yaml", "title: Opening of the meeting", "title: Opening of the session")
    out = tmp_path / "out"
    done = run_cli("build", meeting, "--out", out, "--only", "provisional-agenda", "--format", "pdf", "-q")
    assert done.exit_code == 0, done.stderr
    issued = " ".join(p.text for p in read_pdf(out / "provisional-agenda.pdf"))
    draft = " ".join(p.text for p in read_pdf(out / "provisional-agenda-draft.pdf"))
    assert "Opening of the meeting" in issued and "Opening of the session" not in issued
    assert "Opening of the session" in draft and "not an issued document" in draft.replace("\n", " ")


def test_an_issued_provisional_agenda_keeps_its_date_when_a_later_document_comes(tmp_path: Path):
    """Without meeting.yaml `issued`, the agenda takes the latest document's date: a note added after the
    agenda went out must not redate it under its symbol, nor in the list of documents."""
    meeting = copy_meeting("basic", tmp_path)
    _record_agenda(meeting)
    later = ((meeting / "notes" / "cities.md").read_text(encoding="utf-8").replace("item: 2(b)", "item: 2 (a)")
             .replace("SOM(T)/2b", "SOM(T)/2a").replace("date: 2023-10-06", "date: 2023-10-20"))
    (meeting / "notes" / "later.md").write_text(later, encoding="utf-8")
    loaded = load(meeting)
    agenda = next(d for d in loaded.agenda_documents if d.stem == "provisional-agenda")
    assert agenda.masthead.date == "6\u00a0October 2023"
    draft = next(d for d in loaded.reading_copies if d.stem == "provisional-agenda-draft")
    assert draft.masthead.date == "20\u00a0October 2023"
    warned = [d.message for d in loaded.diagnostics.warnings if "provisional-agenda" in d.message]
    assert len(warned) == 1 and "'issued: 2023-10-06'" in warned[0]
    listed = next(d for d in loaded.agenda_documents if d.stem == "list-of-documents")
    row = next(r for c in listed.chapters for b in c.blocks if isinstance(b, Table) for r in b.rows
               if inline_text(r[0]) == agenda.symbol)
    assert inline_text(row[-1]) == "6\u00a0October 2023"


@pytest.mark.slow
@pytest.mark.office
def test_toolkit_issue_records_the_provisional_agenda_then_keeps_it(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    out = tmp_path / "out"
    assert run_cli("build", meeting, "--out", out, "--only", "provisional-agenda", "-q").exit_code == 0
    done = run_cli("issue", meeting, "provisional-agenda", "--out", out)
    assert done.exit_code == 0, done.stderr
    record = records.read(meeting, records.record_path("provisional-agenda"), Diagnostics())
    assert record is not None and [s.file for s in record.sources] == ["meeting.yaml"]
    agenda = next(d for d in load(meeting).agenda_documents if d.stem == "provisional-agenda")
    assert (record.symbol, record.date) == (agenda.symbol, agenda.date) and agenda.symbol
    _edit(meeting / "meeting.yaml", "title: Opening of the meeting", "title: Opening of the session")
    built = run_cli("build", meeting, "--out", out, "--only", "provisional-agenda", "--format", "pdf", "-q")
    assert built.exit_code == 0, built.stderr
    assert "provisional-agenda-draft" in built.stderr
    issued = " ".join(p.text for p in read_pdf(out / "provisional-agenda.pdf"))
    assert "Opening of the meeting" in issued and "Opening of the session" not in issued
    again = run_cli("issue", meeting, "provisional-agenda", "--out", out)
    assert again.exit_code != 0 and "revised agenda" in again.stderr


def test_the_folder_a_record_is_read_from_is_removed_even_when_reading_fails(tmp_path, monkeypatch):
    """The record's sources are set out in a temporary folder: it is gone afterwards, read or not."""
    import tempfile

    from toolkit.errors import Diagnostics
    from toolkit.issuing import rebuild
    from toolkit.issuing.record import read

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    record = read(SAMPLE, "issued/7-core-fund.yaml", Diagnostics())
    assert record is not None
    assert rebuild.issued_document(SAMPLE, record, Diagnostics()) is not None

    def broken(folder, diags):
        assert any(folder.iterdir())  # the sources were set out
        raise OSError("disk gone")

    monkeypatch.setattr(rebuild, "load_meeting", broken)
    with pytest.raises(OSError):
        rebuild.issued_agenda(SAMPLE, record, Diagnostics())
    assert not list(tmp_path.glob(rebuild.TEMP_PREFIX + "*"))
