"""The layout rules a UN editor checks, read back from the PDF and the DOCX (issue 12, part 4).

A lead-in paragraph stays on the page of its first item, a heading on the page of its first
paragraph; a document symbol never breaks; the running head alternates; line spacing does not
change with the script of a line.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import copy_meeting, read_pdf, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FILLER = ("The Secretariat reported on the work of the partnership, its meetings and its publications "
          "over the period, with the support of member States and partner institutions. ")


def _keep_meeting(tmp_path: Path) -> Path:
    """A note whose lead-ins and sub-headings fall at every height of the page: paragraphs of
    one to nine lines before each, lead-ins of one or two lines, so some land on a page's last lines."""
    meeting = copy_meeting("basic", tmp_path)
    body = ["---", "item: 2(b)", "title: Keeping together", "date: 2023-10-06", "symbol: ESCAP/NEASPEC/SOM(T)/2b",
            "---", "", "# Background", ""]
    words = FILLER.split()
    for n in range(40):
        count = 14 * (1 + n % 9) + n % 4
        body += [" ".join(words[i % len(words)] for i in range(count)) + ".", ""]
        if n % 3 == 2:
            body += [f"## Sub-heading {n}", ""]
        else:
            longer = " after hearing the reports of the Secretariat and of the partners" * (n % 2)
            body += [f"Lead-in {n}: the Meeting{longer} may wish to request member States to:", "",
                     f"1. first item of lead-in {n};", f"2. second item of lead-in {n}.", ""]
    body += [FILLER, ""]
    (meeting / "notes" / "cities.md").write_text("\n".join(body))
    return meeting


@pytest.fixture(scope="module")
def keep_build(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("keep")
    out = tmp / "out"
    result = run_cli("build", _keep_meeting(tmp), "--out", out, "--only", "cities")
    assert result.exit_code == 0, result.stderr
    return out


def _first_body_line(page) -> str:
    lines = [line["text"] for line in page.lines if line["text"].strip()]
    return lines[1] if len(lines) > 1 else ""  # lines[0]: the running head


def _last_body_line(page) -> str:
    lines = [line["text"] for line in page.lines if line["text"].strip() and not re.fullmatch(r"\d+", line["text"])]
    return lines[-1] if lines else ""


def test_pdf_lead_in_stays_with_its_first_item(keep_build: Path):
    pages = read_pdf(keep_build / "cities.pdf")
    assert len(pages) > 8
    lead_ins = [p for p in pages if "Lead-in" in p.text]
    assert lead_ins
    for page in pages[1:]:
        first = _first_body_line(page)
        assert not first.startswith("(a)"), f"page {page.number} starts with the first item of a lead-in on " \
                                            f"page {page.number - 1}"
        assert not _last_body_line(page).rstrip().endswith("States to:"), page.number


def test_pdf_heading_stays_with_its_first_paragraph(keep_build: Path):
    for page in read_pdf(keep_build / "cities.pdf")[1:]:
        assert not _last_body_line(page).startswith("(Sub-heading"), page.number


def _docx_paragraphs(path: Path) -> list[etree._Element]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return root.findall(f".//{W}body/{W}p")


def _style_props(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/styles.xml"))
    return {s.get(f"{W}styleId"): s for s in root.findall(f"{W}style")}


def _keeps(paragraph: etree._Element, styles: dict[str, etree._Element]) -> bool:
    """w:keepNext on the paragraph or (through basedOn) its style."""
    if paragraph.find(f"{W}pPr/{W}keepNext") is not None:
        return paragraph.find(f"{W}pPr/{W}keepNext").get(f"{W}val", "1") not in ("0", "false")
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    style_id = style.get(f"{W}val") if style is not None else "Normal"
    while style_id:
        node = styles[style_id]
        keep = node.find(f"{W}pPr/{W}keepNext")
        if keep is not None:
            return keep.get(f"{W}val", "1") not in ("0", "false")
        based = node.find(f"{W}basedOn")
        style_id = based.get(f"{W}val") if based is not None else None
    return False


def _text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def test_docx_lead_ins_and_headings_keep_with_next(keep_build: Path):
    docx = keep_build / "cities.docx"
    styles = _style_props(docx)
    paragraphs = _docx_paragraphs(docx)
    lead_ins = [p for p in paragraphs if _text(p).startswith("Lead-in")]
    headings = [p for p in paragraphs if _text(p).startswith("(Sub-heading") or _text(p) == "BACKGROUND"]
    assert len(lead_ins) == 27 and len(headings) == 14
    assert all(_keeps(p, styles) for p in lead_ins + headings)
    # only the lead-in keeps with its next paragraph: its items and the body do not
    items = [p for p in paragraphs if _text(p).startswith("first item")]
    assert items and not any(_keeps(p, styles) for p in items)
    others = [p for p in paragraphs if _text(p).startswith("The Secretariat reported")]
    assert others and not any(_keeps(p, styles) for p in others)
