"""The PDF and the DOCX show the same numbers: every paragraph, table, figure and reference.

Each fixture meeting is built in both formats by the CLI; the DOCX is laid out by
LibreOffice (which recomputes Word's list numbers, SEQ and REF fields, so what it prints
is what an editor sees after updating fields), and both texts are read the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MEETINGS, SAMPLE, announced, run_cli
from toolkit.model.document import Figure, Paragraph, Ref, Table
from toolkit.model.walk import nodes
from toolkit.render import office
from toolkit.render.docx.chapter_pages import pdf_page_texts
from toolkit.model.build import load

pytestmark = [pytest.mark.slow, pytest.mark.office,
              pytest.mark.skipif(office.find() is None, reason="LibreOffice is not installed (deps/debian.txt)")]

CASES = [(MEETINGS / "refs", "refs"), (MEETINGS / "tables", "fund"), (MEETINGS / "figures", "progress"),
         (MEETINGS / "figures", "progress-annex-I"), (SAMPLE, "7-core-fund"), (SAMPLE, "5d-low-carbon-cities"),
         (SAMPLE, "information-note"), (SAMPLE, "report")]


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """document -> (PDF text, DOCX-laid-out-by-LibreOffice text), whitespace squeezed per line."""
    built: dict[Path, Path] = {}
    with announced(f"building {len({root for root, _ in CASES})} meetings and laying {len(CASES)} of their DOCX "
                   "files out with LibreOffice"):
        for root, _ in CASES:
            if root not in built:
                out = tmp_path_factory.mktemp(root.name)
                result = run_cli("build", root, "--out", out, "-j", "2")
                assert result.exit_code == 0, result.stderr
                built[root] = out
        names = [name for _, name in CASES]
        docx = [(built[root] / f"{name}.docx").read_bytes() for root, name in CASES]
        laid_out = office.convert(docx, office.find())
    out = {}
    for (root, name), office_pdf in zip(CASES, laid_out, strict=True):
        pdf = (built[root] / f"{name}.pdf").read_bytes()
        out[name] = (_lines(pdf), _lines(office_pdf))
    assert set(out) == set(names)
    return out


def _lines(pdf: bytes) -> str:
    return "\n".join(" ".join(line.split()) for page in pdf_page_texts(pdf) for line in page.splitlines()
                     if line.strip())


def _document(name: str):
    root = next(r for r, n in CASES if n == name)
    loaded = load(root)
    return next(d for d in (*loaded.notes, *loaded.annexes) if d.stem == name)


def _walk(document):
    for chapter in (*document.chapters, *(c for a in document.annexes for c in a.chapters)):
        yield from chapter.blocks


def _refs(document) -> list[str]:
    return [ref.text for ref in nodes((document.chapters, document.annexes, document.footnotes), Ref)]


@pytest.mark.parametrize("name", [name for _, name in CASES])
def test_paragraph_numbers_are_the_same_in_both(texts, name):
    pdf, docx = texts[name]
    numbers = [str(b.number) for b in _walk(_document(name)) if isinstance(b, Paragraph) and b.number]
    label = re.compile(r"^(\d+)\. \S", re.M)
    assert label.findall(pdf) == label.findall(docx) == numbers


@pytest.mark.parametrize("name", [name for _, name in CASES])
def test_table_and_figure_numbers_are_the_same_in_both(texts, name):
    pdf, docx = texts[name]
    document = _document(name)
    captions = [b.caption for b in _walk(document) if isinstance(b, (Table, Figure)) and b.caption]
    caption = re.compile(r"^((?:Table \d+)|(?:Figure [IVXLC]+))\b", re.M)
    assert caption.findall(pdf) == caption.findall(docx) == captions


@pytest.mark.parametrize("name", [name for _, name in CASES])
def test_every_reference_reads_the_same_in_both(texts, name):
    pdf, docx = (" ".join(t.split()) for t in texts[name])
    refs = _refs(_document(name))
    for words in refs:
        assert pdf.count(words) == docx.count(words) >= 1, \
            f"{words!r}: PDF {pdf.count(words)}, DOCX {docx.count(words)}"


def test_the_cases_hold_what_they_are_for():
    """Not vacuous: the cases hold numbered paragraphs, tables, figures and references."""
    documents = [_document(name) for _, name in CASES]
    assert sum(isinstance(b, Table) and b.caption is not None for d in documents for b in _walk(d)) >= 5
    assert sum(isinstance(b, Figure) for d in documents for b in _walk(d)) >= 3
    assert sum(len(_refs(d)) for d in documents) >= 12
