"""The DOCX as a reader sees it when LibreOffice lays it out, against the PDF of the same sources.

Each document is laid out once per session: note_docx (which itself asks LibreOffice
for the contents page numbers), then one batch conversion of every final DOCX to PDF.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

import pytest

from conftest import announced
from test_docx_helpers import (REFERENCE, ROOT, document, documents, footnote_calls, numbered_labels,
                               printed_paragraphs, root_of)
from toolkit.errors import Diagnostics
from toolkit.model.plain import inline_text
from toolkit.render import office
from toolkit.render.docx import note_docx
from toolkit.render.docx.contents_pages import draft, settle

pdfplumber = pytest.importorskip("pdfplumber")
pytestmark = [pytest.mark.slow, pytest.mark.office,
              pytest.mark.skipif(office.find() is None, reason="LibreOffice (soffice or libreoffice) is not installed: "
                                 "apt-get install libreoffice-writer-nogui (listed in deps/debian.txt)")]

ALL = sorted(documents())
NOTES = [key for key in ALL if documents()[key].kind == "note"]
WITH_CONTENTS = [key for key in NOTES if documents()[key].contents]  # a short note has none (model/assemble.py)
# Table cells wrap differently in each layout, so their reading order differs: their
# text is compared in the DOCX XML instead (test_docx_numbering).
FLOWING = [key for key in ALL if documents()[key].kind != "documents"]
MARGIN = 60  # pt: running heads and page numbers lie outside [MARGIN, height - MARGIN]
LEFT = 70.9  # pt: the 2.5 cm margin; labels hang at +0, +1.25 cm, +2.5 cm
STEP = 35.45


@functools.cache
def laid_out() -> dict[str, tuple[bytes, list[str]]]:
    """As the build does it: the PDF's chapter pages are the first guess, LibreOffice corrects them,
    every document in the same batched LibreOffice runs (one start-up, not one a document)."""
    drafts, said = {}, {}
    with announced(f"laying {len(ALL)} documents out as PDF and DOCX, the DOCX files with LibreOffice"):
        for key in ALL:
            diags = Diagnostics()
            made = draft(document(key), REFERENCE, diags, pdf=weasy_pdf(key), meeting_root=root_of(key))
            assert made is not None, [str(d) for d in diags.items]
            drafts[key], said[key] = made, [str(d) for d in diags.items]
        settling = Diagnostics()
        settle(list(drafts.values()), settling)
    for item in settling.items:  # each names its note's source: counted against every document of that name
        for key, made in drafts.items():
            if item.position.path == made.note.source:
                said[key].append(str(item))
    return {key: (made.docx, said[key]) for key, made in drafts.items()}


@functools.cache
def office_pdfs() -> dict[str, bytes]:
    pdfs = office.convert([laid_out()[key][0] for key in ALL], office.find())
    return dict(zip(ALL, pdfs, strict=True))


@functools.cache
def weasy_pdf(key: str) -> bytes:
    from toolkit.render.pdf.html import environment
    from toolkit.render.pdf import note_pdf

    templates = ROOT / "templates"
    diags = Diagnostics()
    result = note_pdf(document(key), environment(templates), templates, root_of(key), diags)
    assert result is not None, [str(d) for d in diags.items]
    return result[0] if isinstance(result, tuple) else result


@dataclass
class Page:
    body: list[tuple[float, float, str, bool]] = field(default_factory=list)  # (top, x0, text, bold) 12 pt lines
    notes: list[tuple[float, str]] = field(default_factory=list)  # footnote lines (10 pt)
    small: list[tuple[float, float, str]] = field(default_factory=list)  # calls and markers (< 9 pt)

    @property
    def text(self) -> str:
        return squeeze("".join(t for _, _, t, _ in self.body))


def squeeze(text: str) -> str:
    """No whitespace, compatibility forms (ligatures), no contents leaders and their page numbers.

    A contents title long enough to wrap ends its second line with the page number after a
    tab that LibreOffice draws without leaders ("...NORTH-EAST ASIA 2"): that number, just
    before the next entry's numeral, goes too."""
    text = re.sub(r"\.{4,}\d*", "", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))
    return re.sub(r"(?<=[A-Z])\d{1,3}(?=(?:[IVXL]+\.|Annex[IVXL]+\.)[A-Z])", "", text)


@functools.cache
def read(pdf: bytes) -> list[Page]:
    pages = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            inside = page.crop((0, MARGIN, page.width, page.height - MARGIN), strict=False)
            result = Page()
            body = inside.filter(lambda o: o.get("object_type") != "char" or o["size"] > 10.2)
            result.body = [(ln["top"], ln["x0"], ln["text"], "Bold" in ln["chars"][0]["fontname"])
                           for ln in body.extract_text_lines()]
            notes = inside.filter(lambda o: o.get("object_type") != "char" or 9.5 <= o["size"] <= 10.2)
            result.notes = [(ln["top"], ln["text"]) for ln in notes.extract_text_lines()]
            # calls and markers: under 8.5 pt (the 9 pt notes under tables are text, not calls)
            small = inside.filter(lambda o: o.get("object_type") != "char" or o["size"] < 8.5)
            result.small = [(w["top"], w["x0"], w["text"]) for w in small.extract_words(x_tolerance=1)]
            pages.append(result)
    return pages


def _expected(key: str) -> list[str]:
    """The 12 pt text (read() leaves smaller type apart: table cells, table notes, footnotes)."""
    return [squeeze(f"{label}{text}") for label, text in printed_paragraphs(document(key), small=False)]


@pytest.mark.parametrize("key", FLOWING)
def test_the_docx_reads_as_the_pdf_paragraph_by_paragraph(key):
    # Both formats hyphenate justified lines, each its own way: hyphens are left out of the comparison.
    def unhyphenated(text: str) -> str:
        return text.replace("-", "").replace("\u2010", "")

    docx_text = unhyphenated("".join(page.text for page in read(office_pdfs()[key])))
    pdf_text = unhyphenated("".join(page.text for page in read(weasy_pdf(key))))
    at = 0
    for index, paragraph in enumerate(unhyphenated(p) for p in _expected(key)):
        in_docx, in_pdf = docx_text[at:at + len(paragraph)], pdf_text[at:at + len(paragraph)]
        assert in_docx == in_pdf == paragraph, f"paragraph {index}: DOCX {in_docx!r}, PDF {in_pdf!r}"
        at += len(paragraph)
    assert docx_text[at:] == pdf_text[at:] == ""


@pytest.mark.parametrize("key", FLOWING)
def test_word_numbers_show_in_order(key):
    shown = []
    for page in read(office_pdfs()[key]):
        for _, x0, text, bold in page.body:
            first = text.split()[0]
            column = round((x0 - LEFT) / STEP)
            if abs(x0 - LEFT - column * STEP) > 2:
                continue
            if bold:  # a heading: its chapter numeral (the annotated agenda types item numbers in others)
                if column == 0 and re.fullmatch(r"[IVXLC]+\.", first):
                    shown.append(first)
                continue
            if (column == 0 and re.fullmatch(r"\d+\.", first)) or \
                    (column in (1, 2) and re.fullmatch(r"\(?(?:[a-z]{1,2}|[ivx]+)\)|\u2022", first)):  # (a); a) fr, ru
                shown.append(None if first == "\u2022" else first)
    assert shown == numbered_labels(document(key))
    own = _own_numbers(document(key))  # a list that keeps its own numbers (the report's adopted agenda)
    numbered = [int(label[:-1]) for label in shown if label and label[0].isdigit()]
    assert len(numbered) == len(own)
    for counted in (False, True):
        numbers = [n for n, is_own in zip(numbered, own, strict=True) if is_own == counted]
        # 1..N through the note, from 1 again in each annex (and in each list with its own numbers)
        assert numbers[:1] in ([], [1]) and all(b in (a + 1, 1) for a, b in itertools.pairwise(numbers)), numbers


def _own_numbers(note) -> list[bool]:
    """For each numbered paragraph of the note and its annexes, in order: whether it keeps a number of
    its own (an agenda item in the report) rather than the note's count of paragraphs."""
    from toolkit.model.document import Paragraph

    chapters = [*note.chapters, *(c for annex in note.annexes for c in annex.chapters)]
    return [block.own_number for chapter in chapters for block in chapter.blocks
            if isinstance(block, Paragraph) and block.label and block.label[0].isdigit()]


def _contents_page(pages: list[Page], key: str) -> int:
    heading = squeeze(document(key).contents_heading)
    return next(i for i, page in enumerate(pages) if page.text.startswith(heading) or heading in page.text)


@pytest.mark.parametrize("key", WITH_CONTENTS)
def test_contents_page_numbers_are_the_pages_where_chapters_start(key):
    note = document(key)
    pages = read(office_pdfs()[key])
    contents = _contents_page(pages, key)
    raw = "".join(squeeze(t) if not re.search(r"\.{4,}", t) else re.sub(r"\s+", "", t)
                  for _, _, t, _ in pages[contents].body)
    for entry in (e for e in note.contents if e.kind == "chapter"):
        entry_key = squeeze(entry.label + inline_text(entry.title))
        printed = re.search(re.escape(entry_key) + r"\.{4,}(\d+)", raw)
        assert printed, f"no page number for {entry_key} in {raw}"
        start = next(i for i in range(contents + 1, len(pages)) if entry_key in pages[i].text)
        assert int(printed.group(1)) == start + 1, entry_key
    assert laid_out()[key][1] == [], "the layout rounds settled without warnings"


@pytest.mark.parametrize("key", NOTES)
def test_annexes_start_new_pages(key):
    pages = read(office_pdfs()[key])
    for annex in document(key).annexes:
        heading = squeeze(annex.heading + inline_text(annex.title))
        starts = [i for i, page in enumerate(pages) if heading in page.text]
        assert len(starts) == 1 and pages[starts[0]].text.startswith(heading), annex.heading


@pytest.mark.parametrize("key", [k for k in FLOWING if document(k).footnotes])
def test_footnotes_sit_at_the_foot_of_the_page_that_calls_them(key):
    note = document(key)
    pages = read(office_pdfs()[key])
    calls: list[tuple[int, str]] = []
    for number, page in enumerate(pages):
        # Table cells share the footnotes' size: the footnote area is the small text after the
        # page's last line of body text, and it must hold every footnote (checked below).
        last_body = max((top for top, *_ in page.body), default=0.0)
        area = min((top for top, _ in page.notes if top > last_body), default=float("inf"))
        calls += [(number, text) for top, _, text in sorted(page.small)
                  if top < area - 4 and text.isdigit()]  # table notes are lettered: not footnote calls
    assert [text for _, text in calls] == [str(c.number) for c in footnote_calls(note)]
    texts = {f.number: squeeze(inline_text(f.content))[:30] for f in note.footnotes}
    for (number, _), call in zip(calls, footnote_calls(note), strict=True):
        if call.first:
            notes = squeeze("".join(t for _, t in pages[number].notes))
            assert texts[call.number] in notes, f"footnote {call.number} is not on page {number + 1}"


def test_wrong_first_guesses_are_corrected_by_the_layout():
    key = "som-26/5d-low-carbon-cities"
    diags = Diagnostics()
    data = note_docx(document(key), REFERENCE, diags, pages={"chI": 9, "chII": 9, "chIII": 9},
                     meeting_root=root_of(key))
    assert diags.items == []
    assert data == laid_out()[key][0]


def test_a_reference_saved_again_by_an_office_program_still_serves(tmp_path):
    """As when a secretariat restyles templates/reference.docx and saves it: style ids change."""
    from test_docx_numbering import word_numbering

    resaved = tmp_path / REFERENCE.name
    resaved.write_bytes(office.convert([REFERENCE.read_bytes()], office.find(), target="docx:MS Word 2007 XML")[0])
    key = "tm-1/2a-lists"
    diags = Diagnostics()
    data = note_docx(document(key), resaved, diags, soffice=None, pages={"chI": 2, "chII": 2, "chIII": 2},
                     meeting_root=root_of(key))
    assert data is not None and [d.severity for d in diags.items] == ["warning"], [str(d) for d in diags.items]
    assert [label for label, *_ in word_numbering(data)] == numbered_labels(document(key))
