"""Figures a document states about the meeting, printed from the list of participants (issue 18, point 3):
`{{ participants.count }}` and kin, so that a report and its annex cannot disagree."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import SAMPLE, copy_meeting, run_cli
from toolkit.model.build import load
from toolkit.model.plain import note_strings

ROWS = [["Wei", "Zhang", "China", "Member State"], ["Lina", "Chen", "China", "Member State"],
        ["Kenta", "Mori", "Japan", "Member State"], ["Hana", "Kwon", "AFoCO", "Intergovernmental"],
        ["Tomas", "Berg", "UNEP", "United Nations"], ["Soojin", "Lee", "ESCAP", "Secretariat"]]


def _meeting(tmp_path: Path, text: str, rows: list[list[str]] = ROWS) -> Path:
    meeting = copy_meeting("basic", tmp_path)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([["First Name", "Last Name", "Country", "Participant Type"],
                                                    *rows])
    (meeting / "reg.csv").write_text(out.getvalue(), encoding="utf-8")
    with (meeting / "meeting.yaml").open("a") as yaml:
        yaml.write("participants:\n  file: reg.csv\n")
    note = meeting / "notes" / "cities.md"
    note.write_text(note.read_text().replace("# Background\n", f"# Background\n\n{text}\n", 1))
    return meeting


def _strings(meeting: Path, stem: str = "cities") -> str:
    loaded = load(meeting)
    return " ".join(note_strings(next(n for n in loaded.notes if n.stem == stem)))


def test_the_figures_of_the_list(tmp_path: Path):
    text = ("Count {{ participants.count }}; States {{ participants.states }}; delegates "
            "{{ participants.delegates }}; organizations {{ participants.organizations }}; Secretariat "
            "{{ participants.secretariat }}; sum {{ participants.count + 10 }}.")
    assert ("Count six; States two; delegates three; organizations two; Secretariat one; sum 16."
            in _strings(_meeting(tmp_path, text)))


def test_figures_from_ten_are_printed_in_figures(tmp_path: Path):
    rows = [[f"Given{n}", f"Family{n}", "Japan", "Member State"] for n in range(12)]
    assert "12 participants" in _strings(_meeting(tmp_path, "{{ participants.count }} participants.", rows))


def test_the_sample_report_states_what_its_annex_lists():
    loaded = load(SAMPLE)
    report = " ".join(note_strings(next(n for n in loaded.notes if n.kind == "report")))
    assert f"{len(loaded.participants)} participants" in report
    assert "five member States" in report
    assert "Some 40" not in report


def test_without_a_list_a_figure_is_an_error(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    note = meeting / "notes" / "cities.md"
    note.write_text(note.read_text().replace("# Background\n", "# Background\n\n{{ participants.count }} came.\n", 1))
    errors = [line for line in run_cli("check", meeting).stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith("notes/cities.md:")
    assert errors[0].endswith("participants.count counts the list of participants: name the registration export "
                              "under participants: in meeting.yaml")


def test_an_unknown_figure_is_named(tmp_path: Path):
    meeting = _meeting(tmp_path, "{{ participants.countries }} came.")
    errors = [line for line in run_cli("check", meeting).stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and "participants.countries is not defined" in errors[0], errors


def test_a_figure_too_large_to_compute_is_refused(tmp_path: Path):
    meeting = _meeting(tmp_path, "{{ participants.count ** 99999999 }} and {{ 'x' * 10 ** 9 }}.")
    errors = [line for line in run_cli("check", meeting).stderr.splitlines() if ": error: " in line]
    assert [e.split(": error: ")[1] for e in errors] == ["expression is too large to evaluate"] * 2, errors


def test_a_document_in_another_language_prints_figures(tmp_path: Path):
    meeting = _meeting(tmp_path, "États : {{ participants.states }} ; participants : {{ participants.count }}.")
    with (meeting / "meeting.yaml").open("a") as yaml:
        yaml.write("language: fr\n")  # the meeting's documents are written in French
    assert "États : 2 ; participants : 6." in _strings(meeting)
