"""A meeting outside the UN's documentation (tests/meetings/no-symbol): no symbols, `distribution: none`,
documents submitted by others (`author_line:`). Read back from the PDF and the DOCX."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf
import pytest

from conftest import MEETINGS, copy_meeting, read_pdf, run_cli

NO_SYMBOL = MEETINGS / "no-symbol"
NOTE = "2a-monitoring"
DOCUMENTS = ("2a-monitoring", "kei-dust", "provisional-agenda", "annotated-agenda", "list-of-documents")


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("no-symbol")
    result = run_cli("build", NO_SYMBOL, "--out", out)
    assert result.exit_code == 0, result.stderr
    return out


def _texts(path: Path) -> list[str]:
    return [line["text"].replace("\xa0", " ") for page in read_pdf(path) for line in page.lines]


@pytest.mark.slow
@pytest.mark.office
def test_no_masthead_prints_a_distribution(build: Path):
    for stem in DOCUMENTS:
        pdf_lines = _texts(build / f"{stem}.pdf")
        docx_lines = [p.text for p in docx.Document(str(build / f"{stem}.docx")).paragraphs]
        for lines in (pdf_lines, docx_lines):
            assert not any(line.startswith("Distr.") for line in lines), stem
            assert "English only" in lines, stem  # the block's other lines stay


@pytest.mark.slow
@pytest.mark.office
def test_the_author_line_and_the_metadata_author_follow_the_front_matter(build: Path):
    expected = ["2 April 2024", "English only", "JOINT COMMITTEE ON ENVIRONMENTAL COOPERATION",
                "Fifth Meeting of the Joint Committee on Environmental Cooperation", "14-15 May 2024",
                "Ulaanbaatar, Mongolia", "COOPERATION ON AIR QUALITY", "(Item 2 (a) of the provisional agenda)",
                "Air quality monitoring in the subregion", "Note by the Government of Mongolia", "CONTENTS"]
    assert _texts(build / f"{NOTE}.pdf")[: len(expected)] == expected
    document = docx.Document(str(build / f"{NOTE}.docx"))
    assert [p.text.replace("\xa0", " ") for p in document.paragraphs][: len(expected)] == expected
    assert document.core_properties.author == "Government of Mongolia"
    assert pypdf.PdfReader(build / f"{NOTE}.pdf").metadata.author == "Government of Mongolia"
    info = build / "kei-dust"
    assert "Submitted by the Korea Environment Institute" in _texts(info.with_suffix(".pdf"))
    assert "Submitted by the Korea Environment Institute" in [
        p.text for p in docx.Document(str(info.with_suffix(".docx"))).paragraphs]
    assert not any("Secretariat" in line for line in _texts(info.with_suffix(".pdf")))


@pytest.mark.slow
@pytest.mark.office
def test_pages_after_the_first_have_no_running_head(build: Path):
    pages = read_pdf(build / f"{NOTE}.pdf")
    assert len(pages) > 1
    for page in pages[1:]:
        assert all(line["top"] > 2.5 / 2.54 * 72 for line in page.lines), page.number  # nothing above the text


def test_no_empty_header_box_in_the_pdf_layout():
    """WeasyPrint lays an empty @top-right box out when `string(symbol)` is empty: none is made."""
    import weasyprint

    from toolkit.render.pdf.html import environment, render_note_html
    from toolkit.model.build import load

    templates = Path(__file__).parent.parent / "templates"
    note = next(n for n in load(NO_SYMBOL).notes if n.stem == NOTE)
    assert note.running_head is None
    html = render_note_html(note, environment(templates), meeting_root=NO_SYMBOL)
    layout = weasyprint.HTML(string=html, base_url=templates.resolve().as_uri() + "/").render()
    boxes = [[box.at_keyword for box in page._page_box.children if hasattr(box, "at_keyword")]
             for page in layout.pages]
    assert len(boxes) > 1 and all("@top-right" not in page for page in boxes)
    assert all("@bottom-center" in page for page in boxes[1:])  # the page numbers stay


@pytest.mark.slow
@pytest.mark.office
def test_the_docx_has_no_header_part(build: Path):
    document = docx.Document(str(build / f"{NOTE}.docx"))
    section = document.sections[0]
    assert section._sectPr.xpath("./w:headerReference") == []
    assert section.header.is_linked_to_previous and section.first_page_header.is_linked_to_previous
    assert not any(rel.reltype.endswith("/header") for rel in document.part.rels.values())
    assert section.footer.paragraphs  # the page number from page 2 stays


@pytest.mark.slow
@pytest.mark.office
def test_list_of_documents_has_no_symbol_and_no_distribution_column(build: Path):
    rows = _texts(build / "list-of-documents.pdf")
    assert "Title item Date" in rows  # "Agenda item" on two lines, ending on the rule
    assert "Air quality monitoring in the subregion 2 (a) 2 April 2024" in rows
    assert not any("Symbol" in row or "Distribution" in row for row in rows)
    table = docx.Document(str(build / "list-of-documents.docx")).tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Title", "Agenda item", "Date"]
    assert [cell.text for cell in table.rows[3].cells] == ["Air quality monitoring in the subregion", "2 (a)",
                                                           "2\u00a0April 2024"]


def test_the_columns_and_widths_are_the_models():
    from toolkit.model.agenda import documents_columns
    from toolkit.model.build import load

    loaded = load(NO_SYMBOL)
    columns = documents_columns(loaded.meeting, list(loaded.notes))
    assert [(key, heading) for key, heading, _ in columns] == [("title", "Title"), ("item", "Agenda item"),
                                                               ("date", "Date")]
    assert sum(width for _, _, width in columns) == pytest.approx(1)


@pytest.mark.slow
@pytest.mark.office
def test_one_document_with_a_symbol_brings_the_column_back(tmp_path: Path):
    root = copy_meeting("no-symbol", tmp_path)
    note = root / "notes" / "kei-dust.md"
    note.write_text(note.read_text().replace("kind: information\n", "kind: information\nsymbol: JCEC/5/INF/1\n"))
    out = tmp_path / "out"
    assert run_cli("build", root, "--out", out).exit_code == 0
    table = docx.Document(str(out / "list-of-documents.docx")).tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Symbol", "Title", "Agenda item", "Date"]
    assert sections_header_text(out / "kei-dust.docx") == "JCEC/5/INF/1"


def sections_header_text(path: Path) -> str:
    return docx.Document(str(path)).sections[0].header.paragraphs[0].text


@pytest.mark.parametrize("where, old, new, message", [
    ("meeting.yaml", "distribution: none", "distribution: General",
     "meeting.yaml:9:15: error: 'distribution' in meeting.yaml can only be 'none'"),
    ("notes/kei-dust.md", "date: 2024-04-01\n", "date: 2024-04-01\ndistribution: General\n",
     "notes/kei-dust.md:6:1: error: 'distribution' is not printed: meeting.yaml says 'distribution: none'"),
    ("notes/2a-monitoring.md", "author_line: Note by the Government of Mongolia", "author_line: ''",
     "notes/2a-monitoring.md:5:14: error: 'author_line' is empty"),
    ("notes/2a-monitoring.md", "author_line: Note by the Government of Mongolia", "author_line: [a, b]",
     "notes/2a-monitoring.md:5:14: error: 'author_line' must be text"),
])
def test_bad_values_name_the_line(tmp_path: Path, where: str, old: str, new: str, message: str):
    root = copy_meeting("no-symbol", tmp_path)
    path = root / where
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))
    result = run_cli("build", root, "--out", tmp_path / "out")
    assert result.exit_code != 0
    assert message in result.stderr


def test_the_report_has_no_author_line(tmp_path: Path):
    root = copy_meeting("no-symbol", tmp_path)
    (root / "notes" / "report.md").write_text("---\nkind: report\ndate: 2024-05-15\nauthor_line: By us\n---\n\nText.\n")
    result = run_cli("check", root)
    assert "notes/report.md:4:1: error: 'author_line' is not used in a document of kind report" in result.stderr
