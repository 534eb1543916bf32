"""meeting.yaml `emblem:`: a picture at the top left of every document's first page, in both
formats, with its alternative text; none without it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree

from conftest import copy_meeting, run_cli

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
STEMS = ("5d-low-carbon-cities", "provisional-agenda", "list-of-participants", "5d-low-carbon-cities-annex-II")
CORNER = 160  # points from the top left: where the emblem is drawn


def _drawn_in_corner(page) -> int:
    return sum(1 for shape in [*page.curves, *page.lines]
               if shape["x1"] < CORNER and shape["bottom"] < CORNER)


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("stem", STEMS)
def test_the_pdf_draws_the_emblem_at_the_top_left_of_the_first_page_only(sample_build: Path, stem: str):
    with pdfplumber.open(sample_build / f"{stem}.pdf") as pdf:
        assert _drawn_in_corner(pdf.pages[0]) >= 5, stem  # the globe's circles and the branches
        assert all(_drawn_in_corner(page) == 0 for page in pdf.pages[1:]), stem


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("stem", STEMS)
def test_the_docx_floats_the_emblem_in_the_first_paragraph_with_its_alternative_text(sample_build: Path, stem: str):
    body = _body(sample_build / f"{stem}.docx")
    anchors = body.findall(".//wp:anchor", NS)
    assert len(anchors) == 1, stem
    first = body.find("w:body/w:p", NS)
    assert anchors[0] in first.iter(), "anchored to the masthead's first line"
    doc_pr = anchors[0].find("wp:docPr", NS)
    assert doc_pr.get("descr") == "Emblem of the United Nations"
    assert anchors[0].find("wp:wrapNone", NS) is not None  # the symbol and distribution keep their places
    offsets = [int(p.text) for p in anchors[0].iterfind("wp:positionH/wp:posOffset", NS)]
    assert offsets == [0] and anchors[0].find("wp:positionH", NS).get("relativeFrom") == "margin"
    with zipfile.ZipFile(sample_build / f"{stem}.docx") as package:
        media = [name for name in package.namelist() if name.startswith("word/media/")]
    assert any(name.endswith(".svg") for name in media) and any(name.endswith(".png") for name in media)


@pytest.mark.slow
@pytest.mark.office
def test_a_meeting_without_an_emblem_draws_none(basic_build: Path):
    body = _body(basic_build / "cities.docx")
    assert body.findall(".//wp:anchor", NS) == []
    with pdfplumber.open(basic_build / "cities.pdf") as pdf:
        assert _drawn_in_corner(pdf.pages[0]) == 0


@pytest.mark.slow
@pytest.mark.office
def test_the_alternative_text_can_be_given(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    (meeting / "logo.png").write_bytes((Path(__file__).parent.parent / "agendas/som-26/figures/forum-participants.png")
                                       .read_bytes())
    with (meeting / "meeting.yaml").open("a") as yaml:
        yaml.write("emblem: logo.png\nemblem_alt: Emblem of ESCAP\n")
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--only", "cities", "--format", "docx")
    assert result.exit_code == 0, result.stderr
    doc_pr = _body(out / "cities.docx").find(".//wp:anchor/wp:docPr", NS)
    assert doc_pr.get("descr") == "Emblem of ESCAP"
