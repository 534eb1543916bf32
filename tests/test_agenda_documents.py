"""The agenda documents, the annexes on their own, and manifest.json of the sample build."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pypdf
import pytest

from conftest import MEETINGS, copy_meeting, read_pdf, run_cli
from toolkit.render import office


def _flat(path: Path) -> str:
    return " ".join("\n".join(p.text for p in read_pdf(path)).split())


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode()
    return " ".join(re.sub(r"<[^>]+>", " ", xml.replace("</w:p>", "\n")).split())


@pytest.mark.slow
@pytest.mark.office
def test_provisional_agenda(sample_build: Path):
    text = _flat(sample_build / "provisional-agenda.pdf")
    assert text.startswith("ESCAP/NEASPEC/SOM(26)/L.1 Distr.: Limited 6 October 2023 English only UNITED NATIONS")
    assert "Provisional agenda 1. Opening of the meeting. 2. Election of officers." in text
    assert ("5. Review of programme planning and implementation: (a) Air pollution; (b) Nature conservation and "
            "biodiversity; (c) Marine protected areas; (d) Low carbon cities; (e) Desertification and land "
            "degradation. 6. Strategic matters.") in text
    assert text.endswith("10. Adoption of the report.")


@pytest.mark.slow
@pytest.mark.office
def test_annotated_agenda_lists_annotations_and_documents(sample_build: Path):
    text = _flat(sample_build / "annotated-agenda.pdf")
    assert text.startswith("ESCAP/NEASPEC/SOM(26)/L.1/Add.1")
    assert "I. PROVISIONAL AGENDA 1. Opening of the meeting." in text
    assert "II. ANNOTATIONS 1. Opening of the meeting The Government of the Republic of Korea" in text
    assert re.search(r"\(d\) Low carbon cities .*? Documentation Low Carbon Cities \(ESCAP/NEASPEC/SOM\(26\)/5d\)",
                     text)
    assert re.search(r"\(a\) Air pollution .*? Documentation North-East Asia Clean Air Partnership "
                     r"\(ESCAP/NEASPEC/SOM\(26\)/5a/ ?Rev\.1\)", text)  # the sample's 5 (a) note is revised
    # and its Core Fund note has a corrigendum, listed under it
    assert re.search(r"7\. Core Fund .*? Documentation Core Fund \(ESCAP/NEASPEC/SOM\(26\)/7\) Core Fund: corrigendum "
                     r"\(ESCAP/NEASPEC/SOM\(26\)/7/ ?Corr\.1\)", text)


@pytest.mark.slow
@pytest.mark.office
def test_list_of_documents(sample_build: Path):
    page = read_pdf(sample_build / "list-of-documents.pdf")[0]
    rows = [line["text"].replace("\xa0", " ") for line in page.lines]
    assert "Symbol Title item Distribution Date" in rows  # "Agenda item" on two lines, ending on the rule
    for row in ("ESCAP/NEASPEC/SOM(26)/L.1 Provisional agenda 3 Limited 6 October 2023",
                "ESCAP/NEASPEC/SOM(26)/5d Low Carbon Cities 5 (d) Limited 6 October 2023"):
        assert row in rows


@pytest.mark.slow
@pytest.mark.office
def test_annex_on_its_own_names_its_note(sample_build: Path):
    pages = read_pdf(sample_build / "5d-low-carbon-cities-annex-II.pdf")
    text = " ".join(pages[0].text.split())
    # its own heading says whose annex it is; the note's title block is the note's (issue 18)
    assert ("(Item 5 (d) of the provisional agenda) Annex II to ESCAP/NEASPEC/SOM(26)/5d "
            "Report of the 3rd International Forum on Low Carbon Cities 1.") in text
    assert "Note by the Secretariat" not in text
    docx = _docx_text(sample_build / "5d-low-carbon-cities-annex-II.docx")
    assert ("(Item 5 (d) of the provisional agenda) Annex II to ESCAP/NEASPEC/SOM(26)/5d "
            "Report of the 3rd International Forum on Low Carbon Cities") in docx
    assert "Note by the Secretariat" not in docx
    labels = [line["text"].split(".")[0] for line in pages[0].lines if re.match(r"^\d+\.\s", line["text"])]
    assert labels[:2] == ["1", "2"], "paragraphs numbered from 1, on the first page after the masthead"


@pytest.mark.slow
@pytest.mark.office
def test_annex_on_its_own_numbers_footnotes_from_one(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    out = tmp_path / "out"
    assert run_cli("build", meeting, "--out", out).exit_code == 0
    in_note = _flat(out / "cities.pdf")
    alone = _flat(out / "cities-annex-I.pdf")
    assert "First paragraph of the first annex.3" in in_note and "3 A footnote of the annex." in in_note
    assert "First paragraph of the first annex.1" in alone and "1 A footnote of the annex." in alone


@pytest.mark.slow
@pytest.mark.office
def test_manifest_records_every_output(sample_build: Path):
    manifest = json.loads((sample_build / "manifest.json").read_text())
    outputs = manifest["outputs"]
    assert sorted(outputs) == sorted(p.name for p in sample_build.iterdir() if p.suffix in (".pdf", ".docx"))
    # 18 documents (the list of participants, an information note, the report, the 5 (d) note in Russian and
    # Chinese, 7-core-fund's corrigendum and its reading copy as corrected), each PDF and DOCX, and the revised
    # 5a note's Word file with tracked changes
    assert len(outputs) == 37
    for name, entry in outputs.items():
        data = (sample_build / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        if name.endswith(".pdf"):
            assert entry["pages"] == len(pypdf.PdfReader(sample_build / name).pages)
        assert entry["reason"] == "new document"
    assert outputs["5d-low-carbon-cities.pdf"]["sources"] == [
        "meeting.yaml", "notes/5d-low-carbon-cities.md", "annexes/forum-2-report.md", "annexes/forum-3-report.md",
        "annexes/activity-plan.md", "annexes/compendium.md"]
    assert "notes/5a-air-pollution.md" in outputs["annotated-agenda.pdf"]["sources"]


@pytest.mark.slow
def test_agenda_symbols_and_issue_date_can_be_given(tmp_path: Path, monkeypatch):
    meeting = copy_meeting("basic", tmp_path)
    yaml = (meeting / "meeting.yaml").read_text()
    (meeting / "meeting.yaml").write_text(yaml + "issued: 2023-09-01\nagenda_symbol: SOM/T/AGENDA\n")
    out = tmp_path / "out"
    assert run_cli("build", meeting, "--out", out, "--only", "provisional-agenda").exit_code == 0
    assert _flat(out / "provisional-agenda.pdf").startswith("SOM/T/AGENDA Distr.: Limited 1 September 2023")


@pytest.mark.slow
def test_issue_date_from_source_date_epoch_when_sources_give_none(tmp_path: Path, monkeypatch):
    meeting = copy_meeting("basic", tmp_path)
    for note in (meeting / "notes").glob("*.md"):
        note.unlink()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1696550400")  # 2023-10-06
    out = tmp_path / "out"
    assert run_cli("build", meeting, "--out", out).exit_code == 0
    assert "6 October 2023" in _flat(out / "provisional-agenda.pdf")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    out2 = tmp_path / "out2"
    assert run_cli("build", meeting, "--out", out2).exit_code == 0
    assert "30 November 2023" in _flat(out2 / "provisional-agenda.pdf"), "else the meeting's first day"


def test_annotation_errors_name_the_line(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    yaml = (meeting / "meeting.yaml").read_text()
    yaml = yaml.replace("    title: Opening of the meeting\n",
                        "    title: Opening of the meeting\n    annotation: |\n      Opens.\n\n      See[^x].\n")
    (meeting / "meeting.yaml").write_text(yaml)
    result = run_cli("check", meeting)
    assert result.exit_code == 1
    assert result.stderr.startswith("meeting.yaml:16:10: error: undefined footnote [^x]")
    (meeting / "meeting.yaml").write_text(yaml.replace("    annotation: |\n      Opens.\n\n      See[^x].\n",
                                                       "    annotation: Opens {{ meeting.chair }}.\n"))
    result = run_cli("check", meeting)
    assert result.stderr.startswith("meeting.yaml:13:23: error: unknown name in expression: meeting.chair")




@pytest.mark.slow
@pytest.mark.office
@pytest.mark.skipif(office.find() is None, reason="LibreOffice (deps/debian.txt) is not installed")
def test_agenda_numbers_that_skip_show_in_word_as_written(tmp_path: Path):
    """The generated meeting's agenda is numbered 1, 5, 6, 7: Word numbering must restart at 5."""
    out = tmp_path / "out"
    result = run_cli("build", MEETINGS / "footnote-pressure", "--out", out, "--only", "provisional-agenda",
                     "--format", "docx")
    assert result.exit_code == 0, result.stderr
    laid_out = office.convert([(out / "provisional-agenda.docx").read_bytes()], office.find())[0]
    (tmp_path / "agenda.pdf").write_bytes(laid_out)
    text = _flat(tmp_path / "agenda.pdf")
    assert ("1. Opening. 5. Review of programme planning and implementation: (a) Programme area a;" in text)
    assert "6. Strategic matters. 7. Core Fund." in text
