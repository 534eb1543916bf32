"""The report of the meeting and an information document, read back from the sample's PDF and DOCX."""

from __future__ import annotations

import pytest

import re
from pathlib import Path

import docx

from conftest import SAMPLE, read_pdf
from toolkit.model.build import load


def _text(path: Path) -> str:
    return "\n".join(page.text for page in read_pdf(path))


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
@pytest.mark.office
def test_report_sections_follow_the_agenda_whatever_the_source_order(sample_build: Path):
    from pdf_reading import heading_pages

    meeting = load(SAMPLE).meeting
    pages = read_pdf(sample_build / "report.pdf")
    found = [re.sub(r"^[IVX]+\.\s+", "", heading) for heading in heading_pages(pages)]
    # the sample writes item 4's section after item 1's and 2's... in agenda order, and every item
    titles = [item.title.upper() for item in meeting.agenda]
    found = found[:len(titles)]  # then come the annexes' own chapters (the list of participants' groups)
    assert all(title.startswith(" ".join(h.split())) for h, title in zip(found, titles, strict=True)), found
    text = _text(sample_build / "report.pdf")
    assert "(a) Air pollution" in text and "(d) Low carbon cities" in text  # sub-items, titled by the agenda


@pytest.mark.slow
@pytest.mark.office
def test_report_decisions_are_lettered_under_the_meeting(sample_build: Path):
    text = _flat(_text(sample_build / "report.pdf"))
    assert re.search(r"\d+\. The Meeting: \(a\) Took note of the outcomes of the 2nd and 3rd International Forums "
                     r"on Low Carbon Cities .*\(b\) Approved the activity plan for low carbon cities in 2023-2024\.",
                     text)
    squeezed = re.sub(r"\s+", "", text)
    assert "lowcarboncities(ESCAP/NEASPEC/SOM(26)/5d)" in squeezed  # document() printed the note's symbol
    assert "theprovisionalagenda(ESCAP/NEASPEC/SOM(26)/L.1)" in squeezed


@pytest.mark.slow
@pytest.mark.office
def test_report_paragraphs_run_through_and_the_adoption_line_closes_its_item(sample_build: Path):
    text = _text(sample_build / "report.pdf")
    # the adopted agenda (meeting.yaml agenda_in_report) has its items' own numbers: the count goes on after it
    before, rest = text.split("The Meeting adopted the following agenda:")
    agenda, after = rest.split("Adoption of the report.", 1)
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", before + after, re.M)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 15
    assert [int(n) for n in re.findall(r"^(\d+)\. ", agenda, re.M)] == list(range(1, 11))
    last_section = text.split("ADOPTION OF THE REPORT")[-1]
    assert re.search(r"\d+\. The Meeting adopted the present report on 24 November 2023\.", last_section)


def _cells(path: Path) -> list[str]:
    return [cell.text for table in docx.Document(path).tables for row in table.rows for cell in row.cells]


@pytest.mark.slow
@pytest.mark.office
def test_report_annexes_are_generated_lists(sample_build: Path):
    pages = read_pdf(sample_build / "report.pdf")
    participants = next(p for p in pages if "\nAnnex I\nList of participants" in p.text)
    assert "MEMBER STATES" in participants.text
    annex = next(p for p in pages if "\nAnnex II\nList of documents" in p.text)
    assert "ESCAP/NEASPEC/SOM(26)/L.1" in annex.text and "INF/3" in annex.text
    cells = _cells(sample_build / "report.docx")  # the same list in the DOCX, cell by cell
    for symbol in ("ESCAP/NEASPEC/SOM(26)/L.1", "ESCAP/NEASPEC/SOM(26)/5d", "ESCAP/NEASPEC/SOM(26)/INF/3",
                   "ESCAP/NEASPEC/SOM(26)/4"):
        assert symbol in cells, symbol
    assert "Information for participants" in cells
    assert not (sample_build / "report-annex-I.pdf").exists(), "a generated annex is a document already"


@pytest.mark.slow
@pytest.mark.office
def test_report_docx_has_the_same_sections_decisions_and_annex(sample_build: Path):
    paragraphs = [(p.style.name, p.text) for p in docx.Document(sample_build / "report.docx").paragraphs]
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    meeting = load(SAMPLE).meeting
    assert headings == [item.title.upper() for item in meeting.agenda]
    index = next(i for i, (_, text) in enumerate(paragraphs) if text.startswith("The Meeting:") and
                 paragraphs[i + 1][1].startswith("Took note of the outcomes"))
    assert paragraphs[index + 1][0] == paragraphs[index + 2][0] == "Sub-item"  # (a), (b): Word numbering
    assert any(text == "List of documents" for _, text in paragraphs)
    assert any(text == "List of participants" for _, text in paragraphs)


@pytest.mark.slow
@pytest.mark.office
def test_information_document_has_its_own_masthead_and_inf_symbol(sample_build: Path):
    text = _text(sample_build / "information-note.pdf")
    assert text.startswith("ESCAP/NEASPEC/SOM(26)/INF/")
    assert "Distr.: General" in text and "Information for participants" in text
    assert "(Item" not in text and "Note by the Secretariat" not in text
    assert re.search(r"^Table 1$", text, re.M)
    paragraphs = [p.text for p in docx.Document(sample_build / "information-note.docx").paragraphs]
    assert "Note by the Secretariat" not in paragraphs and "Information for participants" in paragraphs


@pytest.mark.slow
@pytest.mark.office
def test_the_list_of_documents_and_annotated_agenda_place_them(sample_build: Path):
    cells = _cells(sample_build / "list-of-documents.docx")
    assert {"Information for participants", "ESCAP/NEASPEC/SOM(26)/INF/3", "ESCAP/NEASPEC/SOM(26)/4"} <= set(cells)
    report_row = cells.index("ESCAP/NEASPEC/SOM(26)/4")
    assert cells[report_row + 2] == "10"  # listed under "Adoption of the report"
    listed = _flat(_text(sample_build / "list-of-documents.pdf"))
    assert "Report of the 10 General" in listed and "INF/3" in listed  # its title wraps in its column
    # the annotated agenda lists what is issued before the meeting: the report is drafted at it
    annotated = _flat(_text(sample_build / "annotated-agenda.pdf"))
    assert "ESCAP/NEASPEC/SOM(26)/4" not in re.sub(r"\s+", "", annotated)


def test_sections_written_out_of_order_are_set_in_the_agendas_order(tmp_path: Path):
    from conftest import copy_meeting
    from toolkit.model.plain import inline_text

    meeting = copy_meeting("basic", tmp_path)
    (meeting / "notes" / "report.md").write_text("---\nkind: report\ndate: 2023-12-01\n---\n# 3\n\nLast.\n\n"
                                                 "# 1\n\nFirst.\n\n# 2\n\n## 2 (b)\n\nMiddle.\n")
    loaded = load(meeting)
    report = next(n for n in loaded.notes if n.kind == "report")
    assert [inline_text(c.title) for c in report.chapters] == ["OPENING OF THE MEETING",
                                                               "REVIEW OF PROGRAMME PLANNING AND IMPLEMENTATION",
                                                               "OTHER MATTERS"]
    texts = [inline_text(b.content) for c in report.chapters for b in c.blocks]
    assert texts == ["First.", "(b) Low carbon cities", "Middle.", "Last."]
    assert [b.number for c in report.chapters for b in c.blocks if hasattr(b, "number")] == [1, 2, 3]
    assert not loaded.diagnostics.errors and not loaded.diagnostics.warnings


@pytest.mark.slow
def test_a_new_registration_rebuilds_the_list_and_the_reports_annex_nothing_else(tmp_path: Path):
    import shutil

    from conftest import run_cli

    meeting, out = tmp_path / "som-26", tmp_path / "out"
    shutil.copytree(SAMPLE, meeting)
    assert run_cli("build", meeting, "--format", "pdf", "--out", out, "-q").exit_code == 0
    export = meeting / "registrations" / "som-26-registrations.csv"
    lines = export.read_text(encoding="utf-8").splitlines()
    # one more member of an existing delegation, as the registration system would add her
    lines.append("99,Haruka Kobayashi,Ms.,Haruka,Kobayashi,h.kobayashi@example.org,Ministry of the Environment,"
                 "Officer,Japan,+81 3 0000 0199,Member State,,2023-11-10,Complete")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("build", meeting, "--format", "pdf", "--out", out, "-v")
    assert result.exit_code == 0, result.stderr
    built = sorted(line.split()[1].rstrip(":") for line in result.stdout.splitlines() if line.startswith("built "))
    assert built == ["list-of-participants.pdf", "report.pdf"], result.stdout
    assert "KOBAYASHI" in _text(out / "report.pdf") and "KOBAYASHI" in _text(out / "list-of-participants.pdf")
