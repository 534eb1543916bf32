"""Dates are true (issue 18, point 3): a list or an agenda is dated no earlier than what it lists, and
`toolkit check` warns where a document cites one dated later than itself."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLE, run_cli
from toolkit.model.build import load


def _sample(tmp_path: Path) -> Path:
    meeting = tmp_path / "som-26"
    shutil.copytree(SAMPLE, meeting)
    return meeting


def _made(loaded, stem: str):
    return next(d for d in [*loaded.agenda_documents, loaded.participants_list] if d.stem == stem)


def test_lists_are_dated_at_the_meeting_and_after_what_they_list():
    loaded = load(SAMPLE)
    start = loaded.meeting.start
    # registrations ran from 30 October to 9 November: the list is the meeting's, not the notes'
    assert _made(loaded, "list-of-participants").date == start
    documents = _made(loaded, "list-of-documents")
    assert documents.date >= start
    listed = [*loaded.agenda_documents[:2], *loaded.notes, loaded.participants_list]
    assert documents.date == max(d.date for d in listed), "the report, dated its last day, is listed"
    annotated = _made(loaded, "annotated-agenda")
    issued_for_items = [n for n in loaded.notes if n.item_citation and n.kind != "report"]
    assert annotated.date == max(n.date for n in issued_for_items), "it lists Corr.1 of 20 October"
    agenda = _made(loaded, "provisional-agenda")
    assert agenda.date < start, "the provisional agenda is issued before the meeting"
    assert not [str(w) for w in loaded.diagnostics.warnings]


def test_the_dates_meeting_yaml_gives(tmp_path: Path):
    meeting = _sample(tmp_path)
    yaml = (meeting / "meeting.yaml").read_text()
    yaml = yaml.replace("  symbol: ESCAP/NEASPEC/SOM(26)/INF/2\n",
                        "  symbol: ESCAP/NEASPEC/SOM(26)/INF/2\n  date: 2023-11-24\n")
    (meeting / "meeting.yaml").write_text(yaml + "documents_list_date: 2023-11-25\nissued: 2023-10-25\n")
    loaded = load(meeting)
    assert _made(loaded, "list-of-participants").date.isoformat() == "2023-11-24"
    assert _made(loaded, "list-of-documents").date.isoformat() == "2023-11-25"
    assert _made(loaded, "annotated-agenda").date.isoformat() == "2023-10-25"
    assert _made(loaded, "provisional-agenda").date.isoformat() == "2023-10-25"


def test_a_list_dated_before_what_it_lists_is_a_warning(tmp_path: Path):
    meeting = _sample(tmp_path)
    yaml = (meeting / "meeting.yaml").read_text()
    (meeting / "meeting.yaml").write_text(yaml + "issued: 2023-10-01\ndocuments_list_date: 2023-11-23\n")
    lines = yaml.count("\n")
    warnings = [line for line in run_cli("check", meeting).stderr.splitlines() if ": warning: " in line]
    assert warnings == [
        f"meeting.yaml:{lines + 1}:9: warning: ESCAP/NEASPEC/SOM(26)/L.1/Add.1 is dated 2023-10-01 (issued) but "
        "lists documents dated later: ESCAP/NEASPEC/SOM(26)/5a/Rev.1 (2023-10-11), ESCAP/NEASPEC/SOM(26)/5d "
        "(2023-10-06), ESCAP/NEASPEC/SOM(26)/7 (2023-10-06), ESCAP/NEASPEC/SOM(26)/7/Corr.1 (2023-10-20); "
        "date it no earlier than what it lists, or leave 'issued' out",
        f"meeting.yaml:{lines + 2}:22: warning: ESCAP/NEASPEC/SOM(26)/INF/1 is dated 2023-11-23 "
        "(documents_list_date) but lists documents dated later: ESCAP/NEASPEC/SOM(26)/4 (2023-11-24); date it no "
        "earlier than what it lists, or leave 'documents_list_date' out",
    ]


def test_a_report_citing_a_later_document_is_a_warning(tmp_path: Path):
    meeting = _sample(tmp_path)
    report = meeting / "notes" / "report.md"
    text = report.read_text().replace("date: 2023-11-24\nadopted: 2023-11-24", "date: 2023-10-08\nadopted: 2023-10-08")
    report.write_text(text)
    lines = text.split("\n")

    def at(call: str) -> str:
        line = next(n for n, words in enumerate(lines, 1) if call in words)
        return f"notes/report.md:{line}:{lines[line - 1].index(call) - 2}"

    annotated, note = at('document("annotated-agenda")'), at('document("5a-air-pollution")')
    warnings = [w for w in run_cli("check", meeting).stderr.splitlines() if "cites" in w]
    assert warnings == [
        f"{annotated}: warning: ESCAP/NEASPEC/SOM(26)/4, dated 2023-10-08, cites "
        "ESCAP/NEASPEC/SOM(26)/L.1/Add.1, dated later (2023-10-20): a document cites only documents issued before "
        "it or with it",
        f"{note}: warning: ESCAP/NEASPEC/SOM(26)/4, dated 2023-10-08, cites "
        "ESCAP/NEASPEC/SOM(26)/5a/Rev.1, dated later (2023-10-11): a document cites only documents issued before "
        "it or with it"]

