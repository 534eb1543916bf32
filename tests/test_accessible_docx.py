"""Accessible DOCX, read from the XML of every sample document: title and language, headings,
pictures' alternative text, table header rows, no empty paragraphs for spacing, readable
footnote marks."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from test_accessible_pdf import SAMPLE_PDFS

pytestmark = [pytest.mark.slow, pytest.mark.office]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "dc": "http://purl.org/dc/elements/1.1/",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
HEADING_STYLES = {"Heading1", "Heading2", "Heading3", "AnnexChapterHeading", "AgendaItemHeading"}


def _parts(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as z:
        return {name: etree.fromstring(z.read(name)) for name in
                ("docProps/core.xml", "word/document.xml", "word/styles.xml")}


def _style(p: etree._Element) -> str | None:
    style = p.find("w:pPr/w:pStyle", NS)
    return None if style is None else style.get(f"{{{W}}}val")


def _outline_level(styles: etree._Element, style_id: str) -> int | None:
    """A paragraph style's outline level, inherited along basedOn."""
    by_id = {s.get(f"{{{W}}}styleId"): s for s in styles.iterfind("w:style", NS)}
    while style_id in by_id:
        style = by_id[style_id]
        level = style.find("w:pPr/w:outlineLvl", NS)
        if level is not None:
            return int(level.get(f"{{{W}}}val"))
        based = style.find("w:basedOn", NS)
        style_id = None if based is None else based.get(f"{{{W}}}val")
    return None


def language_of(name: str) -> str:
    """The sample's translations are NAME.ru and NAME.zh; the rest is English."""
    return {"ru": "ru", "zh": "zh-CN"}.get(name.rpartition(".")[2], "en") if "." in name else "en"


@pytest.mark.parametrize("name", SAMPLE_PDFS)
def test_title_and_language_in_the_core_properties(sample_build: Path, name: str):
    core = _parts(sample_build / f"{name}.docx")["docProps/core.xml"]
    assert core.findtext("dc:title", namespaces=NS).strip()
    assert core.findtext("dc:language", namespaces=NS) == language_of(name)


@pytest.mark.parametrize("name", SAMPLE_PDFS)
def test_headings_are_heading_styles_with_outline_levels(sample_build: Path, name: str):
    parts = _parts(sample_build / f"{name}.docx")
    body = parts["word/document.xml"]
    used = {_style(p) for p in body.iter(f"{{{W}}}p")} & HEADING_STYLES
    for style in used:
        assert _outline_level(parts["word/styles.xml"], style) in (0, 1), style
    if name in ("5d-low-carbon-cities", "report", "list-of-participants"):
        assert used


@pytest.mark.parametrize("name", SAMPLE_PDFS)
def test_every_picture_has_alternative_text(sample_build: Path, name: str):
    body = _parts(sample_build / f"{name}.docx")["word/document.xml"]
    for picture in body.iter(f"{{{NS['wp']}}}docPr"):
        assert (picture.get("descr") or "").strip(), etree.tostring(picture)


def test_the_sample_has_a_picture_to_check(sample_build: Path):
    body = _parts(sample_build / "5d-low-carbon-cities.docx")["word/document.xml"]
    alts = [picture.get("descr") for picture in body.iter(f"{{{NS['wp']}}}docPr")]
    assert any(alt.startswith("Bar chart of forum participants.") for alt in alts)


@pytest.mark.parametrize("name", SAMPLE_PDFS)
def test_tables_mark_their_header_row(sample_build: Path, name: str):
    body = _parts(sample_build / f"{name}.docx")["word/document.xml"]
    for table in body.iter(f"{{{W}}}tbl"):
        first = table.find("w:tr", NS)
        assert first.find("w:trPr/w:tblHeader", NS) is not None


@pytest.mark.parametrize("name", SAMPLE_PDFS)
def test_no_empty_paragraph_makes_space(sample_build: Path, name: str):
    body = _parts(sample_build / f"{name}.docx")["word/document.xml"]
    for p in body.iter(f"{{{W}}}p"):
        if "".join(p.itertext()).strip() or p.find(".//w:drawing", NS) is not None:
            continue
        if p.find(".//w:fldChar", NS) is not None or p.find(".//w:br", NS) is not None:
            continue  # a field (the contents) or a page break
        assert etree.QName(p.getparent()).localname == "tc", "an empty paragraph outside a table cell"


def test_footnote_marks_print_at_eight_points_at_least(sample_build: Path):
    styles = _parts(sample_build / "5d-low-carbon-cities.docx")["word/styles.xml"]
    (reference,) = [s for s in styles.iterfind("w:style", NS) if s.get(f"{{{W}}}styleId") == "FootnoteReference"]
    size = int(reference.find("w:rPr/w:sz", NS).get(f"{{{W}}}val")) / 2
    superscript = reference.find("w:rPr/w:vertAlign", NS).get(f"{{{W}}}val") == "superscript"
    # LibreOffice draws a footnote mark as a superscript at 58% in any case (Word at about 2/3)
    assert superscript and size * 0.58 >= 8
