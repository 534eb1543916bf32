"""Issuing a document (toolkit issue), and its revision, corrigendum and addendum."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SAMPLE, copy_built, copy_meeting, read_pdf, run_cli
from toolkit.errors import Diagnostics
from toolkit.issuing import record as records


def _flat(path: Path) -> str:
    return " ".join("\n".join(p.text for p in read_pdf(path)).split())


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode()
    return " ".join(re.sub(r"<[^>]+>", " ", xml.replace("</w:p>", "\n")).split())


def _inserted(path: Path) -> str:
    """The words a DOCX with tracked changes shows as inserted."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode()
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", "".join(re.findall(r"<w:ins [^>]*>.*?</w:ins>", xml))))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _corrected(meeting: Path) -> Path:
    """The issued note with one word corrected and Corr.1 declared for it; its path."""
    note = meeting / "notes" / "cities.md"
    _edit(note, "First paragraph of the background.", "First paragraph of the introduction.")
    _edit(note, "symbol: ESCAP/NEASPEC/SOM(T)/2b", "symbol: ESCAP/NEASPEC/SOM(T)/2b\ncorrigendum:\n  number: 1\n"
                                                    "  date: 2023-10-20")
    return note


@pytest.fixture
def issued(issued_basic, tmp_path: Path) -> tuple[Path, Path]:
    """The basic meeting with its note built and recorded as issued: a copy of the session's."""
    return copy_built(issued_basic, tmp_path)


@pytest.mark.office
@pytest.mark.slow
def test_issue_records_each_source_and_output(issued):
    meeting, out = issued
    path = meeting / "issued" / "cities.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (data["document"], data["symbol"], str(data["date"]), data["revision"]) == (
        "cities", "ESCAP/NEASPEC/SOM(T)/2b", "2023-10-06", 0)
    kept = {s["file"]: s for s in data["sources"]}
    assert list(kept) == ["meeting.yaml", "notes/cities.md", "annexes/first.md", "annexes/plan.md"]
    for file, source in kept.items():  # the whole text, as a block a diff in git shows line by line
        text = (meeting / file).read_text(encoding="utf-8")
        assert source["text"] == text and source["sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert "    text: |2\n      ---\n      item: 2(b)\n" in path.read_text(encoding="utf-8")
    assert {o["file"]: o["sha256"] for o in data["outputs"]} == {
        name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in ("cities.pdf", "cities.docx")}
    assert run_cli("check", meeting).stderr == ""


@pytest.mark.office
@pytest.mark.slow
def test_issue_refuses_what_was_not_built_from_the_sources(tmp_path: Path):
    meeting, out = copy_meeting("basic", tmp_path), tmp_path / "out"
    refused = run_cli("issue", meeting, "cities", "--out", out)
    assert refused.exit_code == 1 and "build first" in refused.stderr
    run_cli("build", meeting, "--out", out, "--only", "cities", "-q")
    _edit(meeting / "notes" / "cities.md", "Fourth paragraph", "Fourth, changed paragraph")
    stale = run_cli("issue", meeting, "cities", "--out", out)
    assert stale.exit_code == 1 and "cities.docx, cities.pdf in" in stale.stderr and "not built" in stale.stderr
    unknown = run_cli("issue", meeting, "citys", "--out", out)
    assert unknown.exit_code == 2 and "'citys' is not a document" in unknown.stderr
    _edit(meeting / "notes" / "cities.md", "item: 2(b)", "item: 9")
    broken = run_cli("issue", meeting, "cities", "--out", out)
    assert broken.exit_code == 1 and "notes/cities.md:2:7: error: unknown agenda item '9'" in broken.stderr
    assert not (meeting / "issued").exists()


@pytest.mark.office
@pytest.mark.slow
def test_issue_again_only_with_force(issued):
    meeting, out = issued
    again = run_cli("issue", meeting, "cities", "--out", out)
    assert again.exit_code == 1
    assert "issued/cities.yaml records ESCAP/NEASPEC/SOM(T)/2b as issued on 6 October 2023" in again.stderr
    assert "--force" in again.stderr
    assert run_cli("issue", meeting, "cities", "--out", out, "--force").exit_code == 0


@pytest.mark.office
@pytest.mark.slow
def test_check_warns_when_an_issued_document_changes(issued):
    meeting, _ = issued
    # a part of meeting.yaml the note does not show: no change to the document
    _edit(meeting / "meeting.yaml", "venue: Virtual meeting", "venue: Virtual meeting\nprevious_venue: Tokyo")
    assert run_cli("check", meeting).stderr == ""
    _edit(meeting / "notes" / "cities.md", "Fourth paragraph", "Fourth, changed paragraph")
    result = run_cli("check", meeting)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "notes/cities.md:1: warning: issued as ESCAP/NEASPEC/SOM(T)/2b on 6 October 2023; its sources have changed "
        "since (notes/cities.md): declare 'revision: 1' or 'corrigendum' (number 1 and its date) before it goes out "
        "again (until then it is built as issued, the changes as cities-draft), or, if the version recorded was never "
        "sent, delete issued/cities.yaml and issue it again"]


@pytest.mark.office
@pytest.mark.slow
def test_the_files_issued_stay_byte_for_byte_while_changes_wait_in_a_draft(issued):
    meeting, out = issued
    sent = {o["file"]: o["sha256"] for o in yaml.safe_load((meeting / "issued" / "cities.yaml").read_text())["outputs"]}
    _edit(meeting / "notes" / "cities.md", "Fourth paragraph", "Fourth, changed paragraph")
    result = run_cli("build", meeting, "--out", out, "-q")
    assert result.exit_code == 0, result.stderr
    assert {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in sent} == sent
    assert "Fourth, changed paragraph" in _flat(out / "cities-draft.pdf")
    assert "Fourth, changed paragraph" in _docx_text(out / "cities-draft.docx")
    # the record deleted (that version was never sent): the document is its sources again, and no draft
    (meeting / "issued" / "cities.yaml").unlink()
    assert run_cli("build", meeting, "--out", out, "-q").exit_code == 0
    assert "Fourth, changed paragraph" in _flat(out / "cities.pdf") and not (out / "cities-draft.pdf").exists()


@pytest.mark.office
@pytest.mark.slow
def test_a_revision_is_built_under_its_symbol_with_its_date(issued):
    meeting, out = issued
    note = meeting / "notes" / "cities.md"
    _edit(note, "date: 2023-10-06", "date: 2023-10-09\nrevision: 1")
    _edit(note, "Fourth paragraph", "Fourth, revised paragraph")
    result = run_cli("build", meeting, "--out", out, "-q")
    assert result.exit_code == 0, result.stderr
    assert _flat(out / "cities.pdf").startswith("ESCAP/NEASPEC/SOM(T)/2b/Rev.1 Distr.: Limited 9 October 2023")
    assert _docx_text(out / "cities.docx").startswith("ESCAP/NEASPEC/SOM(T)/2b/Rev.1 Distr.: Limited 9 October 2023")
    assert _flat(out / "cities-annex-I.pdf").startswith("ESCAP/NEASPEC/SOM(T)/2b/Rev.1")
    assert _inserted(out / "cities-rev1-changes.docx") == ", revised"
    assert not (out / "cities-rev1-changes.pdf").exists()
    assert "ESCAP/NEASPEC/SOM(T)/2b/Rev.1 Cities of SOM-T 2 (b) Limited 9 October 2023" in \
        _flat(out / "list-of-documents.pdf")  # the symbol on one line

    assert run_cli("check", meeting).stderr == ""  # declared: no warning
    # issuing the revision replaces the record (no --force: it is the next revision) and ends the changes file
    assert run_cli("issue", meeting, "cities", "--out", out).exit_code == 0
    assert "revision: 1\n" in (meeting / "issued" / "cities.yaml").read_text()
    again = run_cli("build", meeting, "--out", out, "-v")
    assert "removed cities-rev1-changes.docx" in again.stdout


@pytest.mark.office
@pytest.mark.slow
def test_the_changes_file_has_word_tracked_changes(issued):
    meeting, out = issued
    _edit(meeting / "notes" / "cities.md", "date: 2023-10-06", "date: 2023-10-09\nrevision: 1")
    _edit(meeting / "notes" / "cities.md", "Fourth paragraph, in the second chapter",
          "Fourth, revised paragraph, in the last chapter")
    run_cli("build", meeting, "--out", out, "-q", "--format", "docx")
    with zipfile.ZipFile(out / "cities-rev1-changes.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert "<w:ins " in xml and "<w:del " in xml and 'w:date="2023-10-09T00:00:00Z"' in xml


@pytest.mark.office
@pytest.mark.slow
def test_a_corrigendum_lists_the_corrections_as_issued(issued):
    meeting, out = issued
    note = _corrected(meeting)
    result = run_cli("build", meeting, "--out", out, "-q")
    assert result.exit_code == 0, result.stderr
    text = _flat(out / "cities-corr1.pdf")
    assert text.startswith("ESCAP/NEASPEC/SOM(T)/2b/Corr.1 Distr.: Limited 20 October 2023")
    assert text.endswith("Note by the Secretariat Corrigendum Paragraph 1, line 1 For background read introduction")
    assert _docx_text(out / "cities-corr1.docx").endswith("Corrigendum Paragraph 1, line 1 For background read "
                                                          "introduction")
    # the document stays as issued; the corrected text is a reading copy, marked (issue 18)
    issued_pdf, copy_pdf = _flat(out / "cities.pdf"), _flat(out / "cities-as-corrected.pdf")
    assert issued_pdf.startswith("ESCAP/NEASPEC/SOM(T)/2b Distr.: Limited 6 October 2023")
    assert "First paragraph of the background." in issued_pdf and "introduction" not in issued_pdf
    assert "First paragraph of the background." in _docx_text(out / "cities.docx")
    assert copy_pdf.startswith("ESCAP/NEASPEC/SOM(T)/2b Distr.: Limited 6 October 2023")
    assert "First paragraph of the introduction." in copy_pdf
    mark = "Reading copy, not an issued document: the text of ESCAP/NEASPEC/SOM(T)/2b as corrected by " \
        "ESCAP/NEASPEC/SOM(T)/2b/Corr.1"
    assert mark in copy_pdf and mark in _docx_text(out / "cities-as-corrected.docx")
    assert "Reading copy" not in issued_pdf
    sent = {o["file"]: o["sha256"] for o in yaml.safe_load((meeting / "issued" / "cities.yaml").read_text())["outputs"]}
    assert {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in sent} == sent, "the files sent"
    rows = [line["text"] for line in read_pdf(out / "list-of-documents.pdf")[0].lines]
    assert rows.index("ESCAP/NEASPEC/SOM(T)/2b Cities of SOM-T 2 (b) Limited 6 October 2023") + 1 == \
        next(i for i, r in enumerate(rows) if r.startswith("ESCAP/NEASPEC/SOM(T)/2b/Corr.1 Cities of SOM-T:"))
    assert re.search(r"Documentation Cities of SOM-T \(ESCAP/NEASPEC/SOM\(T\)/2b\) Cities of SOM-T: corrigendum "
                     r"\(ESCAP/NEASPEC/SOM\(T\)/2b/Corr\.1\)", _flat(out / "annotated-agenda.pdf"))
    # issuing the document itself would lose what the corrigendum corrects
    refused = run_cli("issue", meeting, "cities", "--out", out)
    assert refused.exit_code == 1 and "issue the corrigendum" in refused.stderr
    assert run_cli("issue", meeting, "cities-corr1", "--out", out).exit_code == 0
    assert "corrigendum: 1\nbase: cities\n" in (meeting / "issued" / "cities-corr1.yaml").read_text()
    assert run_cli("check", meeting).stderr == ""
    _edit(note, "Second paragraph", "Second, corrected paragraph")
    assert "declare 'revision: 1' or 'corrigendum' (number 2" in run_cli("check", meeting).stderr


@pytest.mark.slow
def test_an_addendum_has_its_base_documents_symbol(tmp_path: Path):
    meeting, out = copy_meeting("basic", tmp_path), tmp_path / "out"
    (meeting / "notes" / "cities-statement.md").write_text(
        "---\nitem: 2 (b)\ntitle: Statement on cities\ndate: 2023-10-07\naddendum_to: cities\n---\n\nA text.\n",
        encoding="utf-8")
    assert run_cli("build", meeting, "--out", out, "-q", "--format", "pdf").exit_code == 0
    assert _flat(out / "cities-statement.pdf").startswith("ESCAP/NEASPEC/SOM(T)/2b/Add.1 Distr.: Limited 7 October")
    assert "Statement on cities Note by the Secretariat Addendum 1. A text." in _flat(out / "cities-statement.pdf")
    assert re.search(r"\(ESCAP/NEASPEC/SOM\(T\)/2b\) Statement on cities: addendum "
                     r"\(ESCAP/NEASPEC/SOM\(T\)/2b/Add\.1\)", _flat(out / "annotated-agenda.pdf"))


@pytest.mark.office
@pytest.mark.slow
@pytest.mark.parametrize("declared,expected", [
    ("revision: 2", "notes/cities.md:5:11: error: 'revision: 2' skips a number: the version issued is the original "
                    "version (issued/cities.yaml), so the next revision is 1"),
    ("corrigendum:\n  number: 1\n  date: 2023-10-20", "notes/cities.md:5:1: error: 'corrigendum: 1', but nothing "
                                                      "differs from the version issued as ESCAP/NEASPEC/SOM(T)/2b on "
                                                      "6 October 2023"),
    ("corrigendum:\n  number: 2\n  date: 2023-10-20", "notes/cities.md:5:1: error: corrigendum 2 follows Corr.1, "
                                                      "which was never issued"),
    ("revision: 1", "notes/cities.md:4:7: warning: 'revision: 1' keeps the date of the version issued"),
    ("addendum_to: cites", "notes/cities.md:5:14: error: 'addendum_to': no document 'cites' in notes/"),
])
def test_declarations_checked_against_the_record(issued, declared: str, expected: str):
    meeting, _ = issued
    _edit(meeting / "notes" / "cities.md", "date: 2023-10-06\n", f"date: 2023-10-06\n{declared}\n")
    result = run_cli("check", meeting)
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr


def test_a_declaration_on_a_document_never_issued(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    _edit(meeting / "notes" / "cities.md", "date: 2023-10-06\n", "date: 2023-10-06\nrevision: 1\n")
    result = run_cli("check", meeting)
    assert result.exit_code == 1
    assert result.stderr.startswith("notes/cities.md:5:11: error: 'revision' of a document never issued (there is no "
                                    "issued/cities.yaml): first record the version sent out")


@pytest.mark.office
@pytest.mark.slow
def test_a_tampered_record_is_refused_at_its_line(issued):
    meeting, _ = issued
    _edit(meeting / "notes" / "cities.md", "date: 2023-10-06\n", "date: 2023-10-09\nrevision: 1\n")
    path = meeting / "issued" / "cities.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("First paragraph of the background.", "First paragraph, edited."), encoding="utf-8")
    line = next(i for i, written in enumerate(text.split("\n"), 1)
                if written.startswith("  - file: notes/cities.md")) + 2
    result = run_cli("check", meeting)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"issued/cities.yaml:{line}:11: error: the text kept for notes/cities.md does "
                                    "not match its sha256")


@pytest.mark.office
@pytest.mark.slow
def test_check_lays_out_nothing_for_a_corrigendum(issued):
    """The model makes the corrigendum without the lines of the issued PDF: checking never renders."""
    meeting, _ = issued
    _corrected(meeting)
    code = ("import sys; from pathlib import Path; from toolkit.pipeline.build import check; "
            f"loaded = check(Path({str(meeting)!r})); "
            "corr = next(n for n in loaded.notes if n.kind == 'corrigendum'); "
            "print(corr.chapters[0].blocks[0].content[0].text, sorted(loaded.issuing.counts)); "
            "print([m for m in ('weasyprint', 'toolkit.render.pdf.lines') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Paragraph 1 ['cities-corr1']", "[]"]


@pytest.mark.office
@pytest.mark.slow
def test_the_corrigendum_lines_are_counted_with_the_builds_templates(issued, tmp_path: Path):
    """A narrow text column in --templates puts the corrected word on a later line of the issued PDF."""
    meeting, out = issued
    _corrected(meeting)
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    with (templates / "note.css").open("a", encoding="utf-8") as css:
        css.write("\n.para { padding-right: 12cm; }\n")
    result = run_cli("build", meeting, "--out", out, "--only", "cities-corr1", "--format", "pdf", "-q",
                     "--templates", templates)
    assert result.exit_code == 0, result.stderr
    text = _flat(out / "cities-corr1.pdf")
    line = re.search(r"Paragraph 1, lines? (\d+)[ \w]* For background read introduction", text)
    assert line and int(line.group(1)) > 1, text


@pytest.mark.office
@pytest.mark.slow
def test_a_record_change_rebuilds_the_corrigendum_and_the_document_as_issued(issued):
    meeting, out = issued
    _corrected(meeting)
    run_cli("build", meeting, "--out", out, "-q", "--format", "pdf")
    first = (out / "cities-corr1.pdf").read_bytes()
    assert "built 0," in run_cli("build", meeting, "--out", out, "--format", "pdf").stdout
    # the record now says the second paragraph was issued otherwise: one more correction
    path = meeting / "issued" / "cities.yaml"
    made = records.read(meeting, "issued/cities.yaml", Diagnostics())
    old = made.source("notes/cities.md").text
    changed = old.replace("Second paragraph", "Second paragraf")
    sources = tuple(records.Source(s.file, records.text_digest(changed), text=changed) if s.file == "notes/cities.md"
                    else s for s in made.sources)
    path.write_text(records.dump(records.Record(**{**made.__dict__, "sources": sources})), encoding="utf-8")
    result = run_cli("build", meeting, "--out", out, "--format", "pdf", "-v")
    assert "built cities-corr1.pdf: content changed: issued/cities.yaml" in result.stdout
    # the document is written as issued, so from its record (issue 18); the reading copy is not
    assert "built cities.pdf: content changed: issued/cities.yaml" in result.stdout
    assert "built 2," in result.stdout
    assert "Second paragraf" in _flat(out / "cities.pdf")
    assert "Paragraph 2, line 1 For paragraf read paragraph" in _flat(out / "cities-corr1.pdf")
    assert (out / "cities-corr1.pdf").read_bytes() != first


@pytest.mark.office
@pytest.mark.slow
def test_same_sources_give_the_same_bytes(issued, tmp_path: Path):
    meeting, _ = issued
    _edit(meeting / "notes" / "cities.md", "date: 2023-10-06", "date: 2023-10-09\nrevision: 1")
    _edit(meeting / "notes" / "cities.md", "Fourth paragraph", "Fourth, revised paragraph")
    one, two = tmp_path / "one", tmp_path / "two"
    for out in (one, two):
        assert run_cli("build", meeting, "--out", out, "-q", "--only", "cities").exit_code == 0
    for name in ("cities.pdf", "cities.docx", "cities-rev1-changes.docx"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


@pytest.mark.office
@pytest.mark.slow
@pytest.mark.parametrize("stem", ["5a-air-pollution", "7-core-fund"])
def test_the_samples_records_are_what_toolkit_issue_writes(tmp_path: Path, stem: str):
    """The issued version set back from the committed record, built and issued again, gives the same record
    (the outputs' sha256 aside: they depend on the fonts and LibreOffice installed)."""
    meeting, out = tmp_path / "som-26", tmp_path / "out"
    shutil.copytree(SAMPLE, meeting)
    committed = (SAMPLE / "issued" / f"{stem}.yaml").read_text(encoding="utf-8")
    made = records.read(SAMPLE, f"issued/{stem}.yaml", Diagnostics())
    for source in made.sources:
        if source.text is not None:
            (meeting / source.file).write_text(source.text, encoding="utf-8")
        else:
            shutil.copy(SAMPLE / source.copy, meeting / source.file)
    assert run_cli("build", meeting, "--out", out, "--only", stem, "-q").exit_code == 0
    assert run_cli("issue", meeting, stem, "--out", out, "--force").exit_code == 0
    again = (meeting / "issued" / f"{stem}.yaml").read_text(encoding="utf-8")

    def without_outputs(text: str) -> str:
        return text.split("\noutputs:\n")[0]

    assert without_outputs(again) == without_outputs(committed)
    assert re.findall(r"- file: (\S+)", again.split("\noutputs:\n")[1]) == [f"{stem}.pdf", f"{stem}.docx"]
