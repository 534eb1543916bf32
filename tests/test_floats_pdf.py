"""Tables, figures and cross-references as a reader of the PDF sees them (pdfplumber)."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from conftest import MEETINGS, read_pdf, run_cli

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = {}
    for name in ("tables", "figures", "refs"):
        folder = tmp_path_factory.mktemp(name)
        result = run_cli("build", MEETINGS / name, "--out", folder, "--format", "pdf", "-j", "1")
        assert result.exit_code == 0, result.stderr
        out[name] = folder
    return out


def _text(path: Path) -> str:
    return "\n".join(page.text for page in read_pdf(path))


def test_table_captions_number_the_tables_through_the_note_and_its_annex(built):
    text = _text(built["tables"] / "fund.pdf")
    captions = re.findall(r"^Table (\d+)$", text, re.M)
    assert captions == ["1", "2", "3", "4"]  # 1-3 in the body, 4 in the annex
    assert "Contributions to the Core Fund, 2021-2023 (United States dollars)" in text
    annex = _text(built["tables"] / "fund-annex-I.pdf")
    assert re.search(r"^Table 4$", annex, re.M), "an annex issued alone keeps the note's table number"


def test_spreadsheet_cells_print_as_written_with_numbers_right_aligned(built):
    with pdfplumber.open(built["tables"] / "fund.pdf") as pdf:
        page = next(p for p in pdf.pages if "125,000" in (p.extract_text() or ""))
        words = page.extract_words()
    def numbers_of(label: str) -> list[dict]:
        first = next(w for w in words if w["text"] == label)
        return [w for w in words if abs(w["top"] - first["top"]) < 2 and re.fullmatch(r"[\d,.]+\S*", w["text"])]
    korea = [w["text"] for w in numbers_of("Korea")]
    assert korea == ["120,000", "125,000", "130,000"]  # "#,##0" as Excel shows it
    # right-aligned: the numbers of each column share one right edge, whatever their width
    for column in range(3):
        rights = [round(numbers_of(label)[column]["x1"]) for label in ("China", "Mongolia", "Total")]
        assert max(rights) - min(rights) <= 1, (column, rights)
    lefts = [round(numbers_of(label)[0]["x0"]) for label in ("China", "Mongolia")]
    assert lefts[1] > lefts[0] + 5, "a shorter number starts further right"


def test_total_row_is_bold_and_table_notes_are_lettered(built):
    pages = read_pdf(built["tables"] / "fund.pdf")
    page = next(p for p in pages if "315,000" in p.text)
    total = next(line for line in page.lines if line["text"].startswith("Total") and "315,000" in line["text"])
    assert all("Bold" in c["fontname"] for c in total["chars"] if not c["text"].isspace())
    # the xlsx cell "40,000^p^" calls note p, lettered a (first called in its table)
    russian = next(line for line in page.lines if line["text"].startswith("Russian Federation"))
    assert russian["text"].endswith("40,000a")
    assert any(line["text"].startswith("a Pledged; received in the following year.") for line in page.lines)
    assert any(line["text"].startswith("Source: Secretariat records.") for line in page.lines)


def test_long_table_repeats_its_header_and_never_splits_a_row(built):
    pages = read_pdf(built["tables"] / "fund.pdf")
    row = re.compile(r"^City (\d\d) (China|Japan|Mongolia|Republic of Korea|Russian Federation) (\d+) (\d)$")
    seen = []
    holding = [p for p in pages if any(row.match(line["text"]) for line in p.lines)]
    assert len(holding) >= 2, "the 70-row table runs onto a second page"
    for page in holding:
        texts = [line["text"] for line in page.lines]
        first_row = next(i for i, t in enumerate(texts) if row.match(t))
        assert texts[first_row - 1] == "City Country Participants Sessions", \
            f"page {page.number}: the rows are not under the header: {texts[first_row - 1]!r}"
        seen += [row.match(t).group(1) for t in texts if row.match(t)]
    assert seen == [f"{i:02d}" for i in range(1, 71)], "every row once, whole (all its cells on one line), in order"


def test_figures_are_numbered_in_roman_with_title_picture_and_source(built):
    text = _text(built["figures"] / "progress.pdf")
    assert re.findall(r"^Figure ([IVX]+)$", text, re.M) == ["I", "II", "III"]
    assert "Emissions of four partner cities, 2015-2022 (illustrative)" in text
    assert "Source: Illustrative figures" in text
    with pdfplumber.open(built["figures"] / "progress.pdf") as pdf:
        images = [image for page in pdf.pages for image in page.images]
        width = pdf.pages[1].width - 2 * 2.5 * 72 / 2.54
    assert len(images) >= 2  # the PNGs are images (the SVG is drawn as vectors)
    assert all(image["x1"] - image["x0"] <= width + 1 for image in images), "no wider than the text"


def test_refs_print_the_un_words_and_link_to_their_target(built):
    text = " ".join(_text(built["refs"] / "refs.pdf").split())
    assert "As set out in annex I, the network meets once a year; see also paragraph 2 of annex I." in text
    assert "Chapter I recalls the mandate" in text
    assert "The plan is in annex II." in text
    assert "Table 1 lists the milestones." in text
    assert "recall paragraph 1 and consider paragraph 4 and Annex II." in text
    assert "See paragraph 1 above." in text  # a ref inside a footnote
    assert "act on the proposal in paragraph 7." in text  # a labelled consideration
    with pdfplumber.open(built["refs"] / "refs.pdf") as pdf:
        links = [a for page in pdf.pages for a in page.annots if a.get("uri") is None]
    assert len(links) >= 6, "each ref is an internal link"


def test_an_annex_issued_alone_keeps_refs_outside_it_as_words(built):
    path = built["refs"] / "refs-annex-I.pdf"
    text = " ".join(_text(path).split())
    assert "as paragraph 1 of the note recalls." in text  # the note's paragraph: same words
    with pdfplumber.open(path) as pdf:
        links = [a for page in pdf.pages for a in page.annots if a.get("uri") is None]
    assert links == [], "its target is not in this document: no link to nowhere"
