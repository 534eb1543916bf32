"""Typography by rule, the same in the PDF and the DOCX (issue 18, point 4), read back from the pages:
the PDF's lines with pdfplumber, the DOCX's as LibreOffice lays it out.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import copy_meeting, read_pdf, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Names, titles, months, years, ranges and symbols among long lower-case words, which are hyphenated.
NAMES = ("the note by the Secretariat (ESCAP/NEASPEC/SOM(26)/4) and the report A/HRC/55/1, "
         "the representatives of Ulaanbaatar presented the Low Carbon Cities Compendium to the Science and "
         "Policy Committee of the Secretariat on 8\u00a0September 2023, with the implementation programmes "
         "for 2023/2024 and 2025-2026, the environmental considerations of Kitakyushu and Vladivostok "
         "and the intergovernmental organizations, ")
FILLER = "The Meeting heard the reports. "


def _hyphenated_words(pdf: Path) -> list[str]:
    """The words divided at a line's end (the piece before the hyphen)."""
    return [line["text"].split()[-1] for page in read_pdf(pdf) for line in page.lines
            if re.search(r"\w[-\u2010]$", line["text"].rstrip())]


def _note_built(tmp: Path, title: str, body: list[str]) -> Path:
    """The basic meeting with its note `cities` holding `body` under one chapter, built (that note only)."""
    meeting = copy_meeting("basic", tmp)
    head = ["---", "item: 2(b)", f"title: {title}", "date: 2023-10-06", "symbol: ESCAP/NEASPEC/SOM(T)/2b",
            "---", "", "# Background", ""]
    (meeting / "notes" / "cities.md").write_text("\n".join(head + body))
    out = tmp / "out"
    result = run_cli("build", meeting, "--out", out, "--only", "cities")
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def names_build(tmp_path_factory) -> Path:
    body: list[str] = []
    for n in range(14):  # the same words at every offset in the line
        body += [FILLER[: 3 * n] + NAMES * 2 + "and the intergovernmental considerations.", ""]
    # a table of narrow columns, whose words a justified paragraph would divide
    body += ["Table: Responsibilities {#plan}", "", "| " + " | ".join(["Timing"] * 5) + " |",
             "|" + " --- |" * 5]
    body += ["| " + " | ".join(["timing arrangements considerations implementation"] * 5) + " |"] * 3
    body += [""]
    return _note_built(tmp_path_factory.mktemp("names"), "Names", body)


def _office_pdf(docx: Path) -> Path:
    from toolkit.render import office

    program = office.find()
    if program is None:
        pytest.skip("LibreOffice is not installed")
    pdf = docx.with_name(docx.stem + "-docx.pdf")
    pdf.write_bytes(office.convert([docx.read_bytes()], program)[0])
    return pdf


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_no_word_with_a_capital_or_a_figure_is_hyphenated(names_build: Path, fmt: str):
    """Ulaanbaa-tar, Septem-ber 2023, Car-bon, Compen-dium, Secret-ariat, 2023-/2024: never, in either
    format; long lower-case words still are, so the justified lines stay even."""
    pdf = names_build / "cities.pdf" if fmt == "pdf" else _office_pdf(names_build / "cities.docx")
    divided = _hyphenated_words(pdf)
    assert divided, fmt  # the text is hyphenated
    # a hyphen of the text itself may end a line (LibreOffice breaks "2025-|2026" there: a range's
    # hyphen is the text's, and Word's non-breaking hyphen would change the text editors copy)
    inserted = [w for w in divided if not re.fullmatch(r"\d+-", w)]
    assert not [w for w in inserted if re.search(r"[A-Z0-9/]", w)], (fmt, divided)


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_no_table_cell_is_hyphenated(names_build: Path, fmt: str):
    pdf = names_build / "cities.pdf" if fmt == "pdf" else _office_pdf(names_build / "cities.docx")
    cells = [line["text"] for page in read_pdf(pdf) for line in page.lines
             if line["chars"] and all(c["size"] < 11 for c in line["chars"] if c["text"].strip())]
    words = [word for line in cells for word in line.split()]  # the cells side by side on a line
    assert words.count("arrangements") == 15, (fmt, cells)  # 10 pt: the table's lines
    assert not [word for word in words if re.search(r"\w[-\u2010]$", word)], (fmt, cells)


@pytest.mark.slow
@pytest.mark.office
def test_a_symbol_is_never_broken_in_the_pdf(names_build: Path):
    """"(ESCAP/" | "NEASPEC/SOM(26)/4)": a symbol stays on one line (the DOCX, as LibreOffice lays
    it out, may still break one after a slash: OOXML has no run that does not break)."""
    lines = [line["text"] for page in read_pdf(names_build / "cities.pdf") for line in page.lines]
    assert sum("ESCAP/NEASPEC/SOM(26)/4)" in line for line in lines) >= 20
    assert not [line for line in lines if re.search(r"[A-Z]/$", line.rstrip())], lines


@pytest.mark.slow
@pytest.mark.office
def test_docx_marks_the_words_kept_whole(names_build: Path):
    with zipfile.ZipFile(names_build / "cities.docx") as z:
        root = etree.fromstring(z.read("word/document.xml"))
    marked = {"".join(t.text for t in r.iter(f"{W}t")) for r in root.iter(f"{W}r")
              if r.find(f"{W}rPr/{W}noProof") is not None}
    assert {"Ulaanbaatar", "Low Carbon Cities Compendium", "2023/2024", "8\u00a0September 2023,"} <= marked
    assert not [m for m in marked if not re.search(r"[A-Z0-9]", m)], marked
    languages = {r.find(f"{W}rPr/{W}lang").get(f"{W}val") for r in root.iter(f"{W}r")
                 if r.find(f"{W}rPr/{W}noProof") is not None}
    assert languages == {"zxx"}  # LibreOffice reads no w:noProof: the language keeps them whole


@pytest.mark.parametrize("word,whole", [("Ulaanbaatar", True), ("September", True), ("2023/2024", True),
                                        ("SOM(26)", True), ("Secretariat’s", True), ("secretariat", False),
                                        ("implementation", False)])
def test_the_rule_is_one_for_both_formats(word: str, whole: bool):
    from weasyprint.text import line_break

    from toolkit.render.docx.write.inline import whole_words
    from toolkit.render.pdf import weasyprint_fix

    assert weasyprint_fix.install()
    points = list(line_break.pyphen.Pyphen(lang="en_GB", left=3, right=3).iterate(word))
    assert (points == []) == whole, points
    runs = whole_words(f"the {word} here", None)
    assert [r.find(f"{W}rPr/{W}noProof") is not None for r in runs] == ([False, True, False] if whole else [False])


# ---- the sample meeting ---------------------------------------------------------


@pytest.fixture(scope="module")
def sample_docx_pdf(sample_build: Path, tmp_path_factory) -> dict[str, Path]:
    """The sample's DOCX, as LibreOffice lays them out, by name."""
    from toolkit.render import office

    program = office.find()
    if program is None:
        pytest.skip("LibreOffice is not installed")
    names = ["list-of-documents", "5d-low-carbon-cities", "report", "7-core-fund", "information-note",
             "5d-low-carbon-cities.ru", "5d-low-carbon-cities-annex-III", "5a-air-pollution"]
    out = tmp_path_factory.mktemp("sample-docx")
    pdfs = office.convert([(sample_build / f"{n}.docx").read_bytes() for n in names], program)
    for name, data in zip(names, pdfs, strict=True):
        (out / f"{name}.pdf").write_bytes(data)
    return {name: out / f"{name}.pdf" for name in names}


def _rules(pdf: Path) -> list[float]:
    """The heights of the horizontal rules on page 1 (a rule drawn cell by cell counts once)."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        return sorted({round(line["top"]) for line in page.lines
                       if abs(line["top"] - line["bottom"]) < 1 and line["x1"] - line["x0"] > 40})


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_list_of_documents_is_ruled_in_the_un_manner(sample_build: Path, sample_docx_pdf, fmt: str):
    """Rules at the top, under the column heads and at the bottom, none between rows; the documents
    under no agenda item by their symbols as one reads them (INF/2 before INF/3)."""
    pdf = sample_build / "list-of-documents.pdf" if fmt == "pdf" else sample_docx_pdf["list-of-documents"]
    assert len(_rules(pdf)) == 3, (fmt, _rules(pdf))
    symbols = [line["text"].split()[0] for line in read_pdf(pdf)[0].lines
               if line["text"].startswith("ESCAP/") and len(line["text"].split()) > 1]
    assert symbols[-2:] == ["ESCAP/NEASPEC/SOM(26)/INF/2", "ESCAP/NEASPEC/SOM(26)/INF/3"], symbols


def _word_gaps(pdf: Path, first: str, last: str) -> list[float]:
    """The space between words on each line of a paragraph but its last (from the line holding
    `first` to the one holding `last`, on one page)."""
    for page in read_pdf(pdf):
        texts = [line["text"] for line in page.lines]
        start = next((i for i, t in enumerate(texts) if first in t), None)
        if start is None:
            continue
        end = next(i for i, t in enumerate(texts) if last in t and i >= start)
        gaps = []
        for line in page.lines[start:end]:  # the last line is never stretched
            chars = [c for c in line["chars"] if c["text"].strip()]
            spaces = [b["x0"] - a["x1"] for a, b in itertools.pairwise(chars)]
            gaps += [gap for gap in spaces if 1.5 < gap < 10]  # not the number's tab
        return gaps
    raise AssertionError(f"{first!r} not found in {pdf.name}")


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_paragraph_quoting_chinese_is_set_alike_in_both_formats(sample_build: Path, sample_docx_pdf, fmt: str):
    """Paragraph 10 of the 5 (d) note (Kitakyushu (北九州市)) flush left in both formats, its words a
    space apart (3 pt at 12 pt: under 3.2), as the DOCX must set it (docx/write/ideographs.py); the paragraph after
    it justified in both."""
    name = "5d-low-carbon-cities"
    pdf = sample_build / f"{name}.pdf" if fmt == "pdf" else sample_docx_pdf[name]
    quoting = _word_gaps(pdf, "Participants took stock", "Russian Federation.")
    assert len(quoting) > 20 and max(quoting) < 3.2, (fmt, sorted(quoting)[-5:])
    justified = _word_gaps(pdf, "Following on from the first two editions", "mate goals")
    assert max(justified) > 3.2, (fmt, sorted(justified)[-5:])


@pytest.mark.slow
@pytest.mark.office
def test_no_word_stranded_before_the_last_line_of_an_item(sample_build: Path):
    """Decision (b) of the Core Fund note: "for" was alone on a line, its last line pushed below (a
    space after an item's last word made WeasyPrint think that last line too long)."""
    lines = [line["text"] for page in read_pdf(sample_build / "7-core-fund.pdf") for line in page.lines]
    at = next(i for i, line in enumerate(lines) if line.startswith("(b) Encourage member States"))
    assert lines[at + 1] == "for 2024, so that the activities proposed under agenda item 5 can be carried out.", \
        lines[at:at + 3]


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("name,numeral", [("report", "IV."), ("5d-low-carbon-cities.ru", "II.")])
def test_a_long_contents_entry_wraps_under_its_title(sample_build: Path, sample_docx_pdf, fmt: str, name: str,
                                                     numeral: str):
    """The report's entry IV and the Russian note's entry II: the second line starts under the title,
    not at the numeral, and carries the title's last word, the leaders and the page number."""
    pdf = sample_build / f"{name}.pdf" if fmt == "pdf" else sample_docx_pdf[name]
    lines = read_pdf(pdf)[0].lines
    at = next(i for i, line in enumerate(lines) if line["text"].startswith(numeral + " "))
    first, second = lines[at], lines[at + 1]
    title_x = next(c["x0"] for c in first["chars"][len(numeral):] if c["text"].strip())
    assert abs(second["x0"] - title_x) < 1, (fmt, first["text"], second["text"], second["x0"], title_x)
    assert re.fullmatch(r"\w[\w\u2010 -]*?\s*\.{5,}\s*\d+", second["text"]), (fmt, second["text"])


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_footnote_rule_stands_clear_of_the_first_note(sample_build: Path, sample_docx_pdf, fmt: str):
    """The short rule above the notes and the first note's number: at least 4 pt apart (6 pt of space)."""
    import pdfplumber

    pdf = sample_build / "5a-air-pollution.pdf" if fmt == "pdf" else sample_docx_pdf["5a-air-pollution"]
    with pdfplumber.open(pdf) as document:
        page = next(p for p in document.pages if "Particles with a diameter" in (p.extract_text() or ""))
        rules = [shape for shape in page.lines + page.rects
                 if shape["top"] > page.height / 2 and 100 < shape["x1"] - shape["x0"] < 200]
        assert rules, fmt
        rule = max(shape["bottom"] for shape in rules)
        first = min(c["top"] for c in page.chars if c["top"] > rule)
    assert first - rule > 4, (fmt, rule, first)


@pytest.fixture(scope="module")
def tables_build(tmp_path_factory) -> Path:
    """Four-row tables after paragraphs of one to eight lines: some fall on a page's last lines."""
    body: list[str] = []
    sentence = "The Secretariat reported on the work of the partnership over the period under review. "
    for n in range(16):
        body += [sentence * (2 + (n * 5) % 13), ""]
        body += [f"Table: Plan {n}", "", "| Activity | Timing |", "| --- | --- |"]
        body += [f"| Table {n} row {r} of the plan | 2024 |" for r in range(1, 5)]
        body += [""]
    return _note_built(tmp_path_factory.mktemp("short-tables"), "Tables", body)


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_short_table_is_never_broken(tables_build: Path, fmt: str):
    pdf = tables_build / "cities.pdf" if fmt == "pdf" else _office_pdf(tables_build / "cities.docx")
    where: dict[int, set[int]] = {}
    for page in read_pdf(pdf):
        for match in re.finditer(r"Table (\d+) row \d", page.text):
            where.setdefault(int(match.group(1)), set()).add(page.number)
    assert len(where) == 16, (fmt, where)
    broken = {n: pages for n, pages in where.items() if len(pages) > 1}
    assert not broken, (fmt, broken)


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("name", ["5d-low-carbon-cities", "report"])
def test_the_first_heading_of_a_page_has_no_space_above_it(sample_build: Path, sample_docx_pdf, name: str):
    """Page 2 starts with the first chapter's heading at the top of the text, in both formats alike."""
    tops = []
    for pdf in (sample_build / f"{name}.pdf", sample_docx_pdf[name]):
        page = read_pdf(pdf)[1]
        heading = next(line for line in page.lines if line["text"].startswith("I. "))
        tops.append(heading["top"])
    assert abs(tops[0] - tops[1]) < 3, tops


@pytest.mark.slow
@pytest.mark.office
def test_a_short_document_has_no_contents(sample_build: Path):
    """The information note (no annex, about 190 words) starts its text on page 1, under the masthead,
    in both formats; a longer note keeps its contents (model/assemble.py: SHORT_DOCUMENT)."""
    first = read_pdf(sample_build / "information-note.pdf")[0].text
    assert "CONTENTS" not in first and "1. This note gives practical information" in first
    with zipfile.ZipFile(sample_build / "information-note.docx") as z:
        assert "TOC \\" not in z.read("word/document.xml").decode()
    for name in ("7-core-fund", "5d-low-carbon-cities"):
        assert "CONTENTS" in read_pdf(sample_build / f"{name}.pdf")[0].text, name
