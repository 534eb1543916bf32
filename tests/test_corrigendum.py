"""The corrections of a corrigendum, computed from the issued and the current version of a note.

tests/meetings/revisions/issued is the note as issued; current/ has exactly: a number
changed in paragraph 5 (on its third printed line), paragraph 7 rewritten, a paragraph
inserted after it, and footnote 1 changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkit.model.document import Emphasis, Paragraph, Text
from toolkit.revisions.corrections import corrections, text_lines
from toolkit.render.pdf.lines import issued_lines
from toolkit.model.build import load

from conftest import MEETINGS, REPO, read_pdf, run_cli

REVISIONS = MEETINGS / "revisions"
TEMPLATES = REPO / "templates"


@pytest.fixture(scope="module")
def issued():
    return load(REVISIONS / "issued").notes[0]


@pytest.fixture(scope="module")
def lines(issued):
    return issued_lines(issued, TEMPLATES, REVISIONS / "issued")


def _current(tmp_path: Path, edit) -> object:
    """The issued meeting copied and edited: its note as it now reads."""
    folder = tmp_path / "edited"
    shutil.copytree(REVISIONS / "issued", folder)
    for name, (old, new) in edit.items():
        path = folder / name
        text = path.read_text()
        assert old in text, old
        path.write_text(text.replace(old, new))
    return load(folder).notes[0]


def test_the_four_edits_in_un_form(issued, lines):
    current = load(REVISIONS / "current").notes[0]
    assert text_lines(corrections(issued, current, lines)) == [
        "Footnote 1: For 2022 read 2023",
        "Paragraph 5, line 3: For 150 read 200",
        "Paragraph 7: Replace the paragraph by the following:",
        "An exchange visit of city officials to Ulaanbaatar took place in June 2023, with the support of the "
        "Government of Mongolia.",
        "After paragraph 7, insert a new paragraph reading:",
        "A fourth forum is planned for 2024, to be hosted by a city of the subregion.",
        "Subsequent paragraphs should be renumbered accordingly.",
    ]


def test_without_the_layout_the_line_is_left_out(issued):
    current = load(REVISIONS / "current").notes[0]
    assert text_lines(corrections(issued, current))[1] == "Paragraph 5: For 150 read 200"


def test_for_and_read_are_italic_and_the_blocks_are_unnumbered(issued, lines):
    current = load(REVISIONS / "current").notes[0]
    number = corrections(issued, current, lines)[1]
    blocks = number.blocks()
    assert all(isinstance(b, Paragraph) and b.number is None for b in blocks)
    assert blocks[0].content == (Text("Paragraph 5, line 3"),)
    assert blocks[1].content == (Emphasis((Text("For"),)), Text(" "), Text("150"), Text(" "),
                                 Emphasis((Text("read"),)), Text(" "), Text("200"))


@pytest.mark.slow
def test_the_line_is_that_of_the_issued_pdf(issued, lines, tmp_path):
    """The lines read from the layout are the lines of the issued PDF: "150" on the third line of paragraph 5."""
    assert run_cli("build", REVISIONS / "issued", "--out", tmp_path, "--format", "pdf").exit_code == 0
    printed = [line["text"] for page in read_pdf(tmp_path / "cities.pdf") for line in page.lines]
    first = next(i for i, text in enumerate(printed) if text.startswith("5. Since the last session"))
    assert "150" in printed[first + 2] and "150" not in printed[first + 1]
    laid_out = lines.lines[(0, 6, None)]
    assert [" ".join(x.split()) for x in laid_out[1:]] == printed[first + 1:first + len(laid_out)]


def test_a_deleted_paragraph_a_word_added_and_a_table_cell(tmp_path, issued, lines):
    current = _current(tmp_path, {
        "notes/cities.md": ("The Forum serves as a venue", "The annual Forum serves as a venue"),
        "annexes/fund.md": ("| Mongolia | 10 | 11 |", "| Mongolia | 12 | 11 |"),
    })
    assert text_lines(corrections(issued, current, lines)) == [
        "Paragraph 4, line 1: For The Forum read The annual Forum",
        "Annex I, table 1, row Mongolia, column 2022: For 10 read 12",
    ]


def test_deleting_a_paragraph_renumbers_the_rest(tmp_path, issued, lines):
    current = _current(tmp_path, {"notes/cities.md": (
        "The second forum was held in Incheon on 20 October 2022 and gathered experts from national and local "
        "governments.\n\n", "")})
    assert text_lines(corrections(issued, current, lines)) == [
        "Paragraph 6: Delete", "Subsequent paragraphs should be renumbered accordingly."]


def test_a_table_changed_in_shape_is_replaced(tmp_path, issued, lines):
    current = _current(tmp_path, {"annexes/fund.md": ("| Republic of Korea | 30 | 30 |",
                                                      "| Republic of Korea | 30 | 30 |\n| Japan | 5 | 5 |")})
    found = text_lines(corrections(issued, current, lines))
    assert found[0] == "Annex I, table 1: Replace the table by the following:"
    assert found[-1] == "Japan | 5 | 5"


def test_no_change_no_correction(issued, lines):
    assert corrections(issued, issued, lines) == ()


def test_both_renderers_print_the_corrections(tmp_path, issued, lines):
    """The corrections as the body of a document: the PDF and the DOCX show the same words."""
    from dataclasses import replace

    from toolkit.errors import Diagnostics
    from toolkit.model.document import Chapter
    from toolkit.render.docx import note_docx
    from toolkit.render.pdf import note_pdf
    from toolkit.render.pdf.html import environment
    import io
    import zipfile

    current = load(REVISIONS / "current").notes[0]
    blocks = tuple(b for c in corrections(issued, current, lines) for b in c.blocks())
    corr = replace(current, chapters=(Chapter(None, (), blocks, anchor="", headed=False),), annexes=(),
                   footnotes=(), contents=(), contents_heading=None)
    diags = Diagnostics()
    pdf = note_pdf(corr, environment(TEMPLATES), TEMPLATES, REVISIONS / "current", diags)
    docx = note_docx(corr, REPO / "templates" / "reference.docx", diags, soffice=None)
    assert pdf is not None and docx is not None, diags
    (tmp_path / "corr.pdf").write_bytes(pdf[0])
    printed = " ".join(page.text for page in read_pdf(tmp_path / "corr.pdf"))
    from lxml import etree
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    xml = " ".join("".join(t.text or "" for t in p.iter(f"{w}t")) for p in body.iter(f"{w}p"))
    for words in ("Paragraph 5, line 3", "After paragraph 7, insert a new paragraph reading:",
                  "Subsequent paragraphs should be renumbered accordingly."):
        assert words in " ".join(printed.split()) and words in xml
