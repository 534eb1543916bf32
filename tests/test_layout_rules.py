"""The layout rules a UN editor checks, read back from the PDF and the DOCX (issue 12, part 4).

A lead-in paragraph stays on the page of its first item, a heading on the page of its first
paragraph; a document symbol never breaks; the running head alternates; line spacing does not
change with the script of a line; Chinese and Japanese words are never letter-spaced.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import copy_meeting, read_pdf, run_cli
from toolkit.model.scripts import HAN_OR_KANA

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


@pytest.mark.slow
@pytest.mark.office
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


@pytest.mark.slow
@pytest.mark.office
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


@pytest.mark.slow
@pytest.mark.office
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


CAPITALS = ("the Meeting heard the REPRESENTATIVES of INTERGOVERNMENTAL ORGANIZATIONS and of ENVIRONMENTAL "
            "PROGRAMMES, among them NEASPEC, NEAMPAN and UNESCAP, on the PARTNERSHIP and the SECRETARIAT’s "
            "PROGRAMMES, ")


@pytest.mark.slow
def test_words_in_capitals_are_never_hyphenated(tmp_path: Path):
    """The PDF hyphenates justified text, but never a word in capitals (NEASPEC, PROGRAMMES), as Word's
    doNotHyphenateCaps does for the DOCX; other long words still are, so the lines stay even."""
    meeting = copy_meeting("basic", tmp_path)
    body = ["---", "item: 2(b)", "title: Capitals", "date: 2023-10-06", "symbol: ESCAP/NEASPEC/SOM(T)/2b",
            "---", "", "# Background", ""]
    for n in range(12):  # the same words at every offset in the line
        body += [FILLER[: 7 * n] + CAPITALS * 3 + "and the intergovernmental considerations.", ""]
    (meeting / "notes" / "cities.md").write_text("\n".join(body))
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--only", "cities", "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    ends = [line["text"].split()[-1] for page in read_pdf(out / "cities.pdf") for line in page.lines
            if line["text"].strip().endswith(("-", "\u2010"))]
    assert ends  # the text is hyphenated
    assert not [word for word in ends if re.fullmatch(r"[A-Z]{2,}[-\u2010]", word)], ends
    from toolkit.render.pdf import weasyprint_fix

    assert weasyprint_fix.install()  # False: this WeasyPrint's line breaking is not the one patched


@pytest.mark.parametrize("word,whole", [("NEASPEC", True), ("PROGRAMMES,", True), ("SECRETARIAT’s", True),
                                        ("INTERGOVERNMENTAL", True), ("Secretariat’s", True),
                                        ("programmes", False), ("intergovernmental", False)])
def test_the_dictionary_weasyprint_asks_finds_no_break_in_capitals(word: str, whole: bool):
    """Possessives and plurals of words in capitals (SECRETARIAT’s, NGOs) count as capitals, and so does
    a capitalized word (render/hyphenation.py; tests/test_typography.py)."""
    from weasyprint.text import line_break

    from toolkit.render.pdf import weasyprint_fix

    assert weasyprint_fix.install()
    points = list(line_break.pyphen.Pyphen(lang="en_GB", left=3, right=3).iterate(word))
    assert (points == []) == whole, points


# ---- the sample meeting ---------------------------------------------------------

NOTE = "5d-low-carbon-cities"


@pytest.fixture(scope="module")
def sample_docx_pdfs(sample_build: Path) -> dict[str, Path]:
    """The sample's list of documents and 5 (d) note as LibreOffice lays their DOCX out."""
    from toolkit.render import office

    program = office.find()
    if program is None:
        pytest.skip("LibreOffice is not installed")
    names = ["list-of-documents", NOTE]
    pdfs = office.convert([(sample_build / f"{n}.docx").read_bytes() for n in names], program)
    out = {}
    for name, data in zip(names, pdfs, strict=True):
        out[name] = sample_build.parent / f"{sample_build.name}-{name}-docx.pdf"
        out[name].write_bytes(data)
    return out


def _documents_rows(pdf: Path) -> list[str]:
    """The table's rows (the masthead's symbol stands alone on its line)."""
    return [line["text"] for line in read_pdf(pdf)[0].lines
            if line["text"].startswith("ESCAP/") and len(line["text"].split()) > 1]


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_list_of_documents_symbols_and_dates_stay_on_one_line(sample_build: Path, sample_docx_pdfs, fmt: str):
    pdf = sample_build / "list-of-documents.pdf" if fmt == "pdf" else sample_docx_pdfs["list-of-documents"]
    pages = read_pdf(pdf)
    rows = _documents_rows(pdf)
    symbols = [row.split()[0] for row in rows]
    assert "ESCAP/NEASPEC/SOM(26)/L.1/Add.1" in symbols and "ESCAP/NEASPEC/SOM(26)/INF/3" in symbols
    assert all(re.fullmatch(r"ESCAP/NEASPEC/SOM\(26\)/\S+", s) for s in symbols)
    # every date whole on its row's line: "6 October 2023", never "6 October" above "2023"
    for row in rows:
        assert re.search(r"\d{1,2}\s(January|February|March|April|May|June|July|August|September|October|"
                         r"November|December) 20\d\d$", row), row
    text = pages[0].text
    assert not re.search(r"^(INF/\d|Add\.1|1/Add\.1|20\d\d)$", text, re.M)


@pytest.mark.slow
@pytest.mark.office
def test_list_of_documents_column_headings_sit_on_the_rule_in_both_formats(sample_build: Path):
    from conftest import read_pdf as _read

    heading = [line for line in _read(sample_build / "list-of-documents.pdf")[0].lines
               if line["text"].startswith("Symbol")][0]
    assert heading["text"].split() == ["Symbol", "Title", "item", "Distribution", "Date"]  # "Agenda / item"
    with zipfile.ZipFile(sample_build / "list-of-documents.docx") as z:
        root = etree.fromstring(z.read("word/document.xml"))
    header_cells = root.findall(f".//{W}tbl/{W}tr[1]/{W}tc")
    assert header_cells and all(c.find(f"{W}tcPr/{W}vAlign").get(f"{W}val") == "bottom" for c in header_cells)


@pytest.mark.slow
@pytest.mark.office
def test_agenda_documents_belong_to_the_adoption_of_the_agenda(sample_build: Path):
    rows = {row.split()[0]: row for row in _documents_rows(sample_build / "list-of-documents.pdf")}
    assert re.search(r"Provisional agenda\s+3\s+Limited", rows["ESCAP/NEASPEC/SOM(26)/L.1"])
    assert re.search(r"\s3\s+Limited", rows["ESCAP/NEASPEC/SOM(26)/L.1/Add.1"])
    text = "\n".join(p.text for p in read_pdf(sample_build / "annotated-agenda.pdf"))
    start = text.index("3. Adoption of the agenda\nThe Meeting")
    item3 = text[start:text.index("4. Issues related", start)]
    assert "Documentation\nProvisional agenda (ESCAP/NEASPEC/SOM(26)/L.1)\n" \
           "Annotated provisional agenda (ESCAP/NEASPEC/SOM(26)/L.1/Add.1)" in item3
    docx = "".join(_text(p) + "\n" for p in _docx_paragraphs(sample_build / "annotated-agenda.docx"))
    assert "3. Adoption of the agenda\nThe Meeting will be invited" in docx
    assert "Annotated provisional agenda (ESCAP/NEASPEC/SOM(26)/L.1/Add.1)" in docx


def _outline(pdf: Path) -> list[tuple[int, str]]:
    from pypdf import PdfReader

    found: list[tuple[int, str]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(PdfReader(pdf).outline, 0)
    return found


@pytest.mark.slow
@pytest.mark.office
def test_pdf_bookmarks_read_as_written_and_annex_headings_nest_under_their_annex(sample_build: Path):
    outline = _outline(sample_build / f"{NOTE}.pdf")
    assert outline[:2] == [(0, "I. Background"), (0, "II. Progress of the activities on low carbon cities")]
    assert (0, "III. Issues for consideration") in outline
    annex = outline.index((0, "Annex I. Report of the 2nd International Forum on Low Carbon Cities"))
    assert outline[annex + 1] == (1, "(Summary of discussions)")
    assert outline[annex - 1] == (0, "III. Issues for consideration")
    report = _outline(sample_build / "report.pdf")
    members = report.index((1, "I. Member States"))
    assert report[members - 1] == (0, "Annex I. List of participants") and report[members + 1] == (2, "China")


@pytest.mark.slow
@pytest.mark.office
def test_contents_dot_leaders_alike_on_every_line(sample_build: Path):
    for name in (NOTE, "report", "7-core-fund"):
        ends, starts, gaps = set(), set(), set()
        for line in read_pdf(sample_build / f"{name}.pdf")[0].lines:
            dots = [c for c in line["chars"] if c["text"] == "." and c["x0"] > 150]
            if len(dots) < 5:
                continue
            number = [c for c in line["chars"] if c["x0"] > dots[-1]["x1"]]
            assert {round(b["x0"] - a["x0"], 2) for a, b in itertools.pairwise(dots)} == {3.0}, line["text"]
            ends.add(round(dots[-1]["x1"], 2))
            starts.add(round(number[0]["x0"], 2))
            gaps.add(round(number[0]["x0"] - dots[-1]["x1"], 2))
        assert len(ends) == 1 and len(starts) == 1 and len(gaps) == 1, (name, ends, starts, gaps)


@pytest.mark.slow
@pytest.mark.office
def test_lines_with_korean_chinese_or_japanese_keep_the_line_pitch(sample_build: Path, sample_docx_pdfs):
    """Both formats (the DOCX as LibreOffice lays it out): every line of the paragraph 14.4 pt apart."""
    for pdf in (sample_build / f"{NOTE}.pdf", sample_docx_pdfs[NOTE]):
        page = next(p for p in read_pdf(pdf) if "(北九州市)" in p.text)
        baselines = sorted({round(c["bottom"], 1) for c in page.chars
                            if "Liberation" in c["fontname"] and abs(c["size"] - 12) < 0.2})
        rows = [line for line in page.lines if "Shanghai" in line["text"] or "北九州市" in line["text"]]
        assert rows  # the paragraph naming Shanghai (上海), Kyoto (京都), Kitakyushu (北九州市), Seoul (서울)
        paragraph = [b for b in baselines if rows[0]["top"] - 30 < b < rows[-1]["bottom"] + 20]
        assert len(paragraph) >= 4, pdf.name
        assert {round(b - a, 1) for a, b in itertools.pairwise(paragraph)} == {14.4}, pdf.name


def _han_gaps(pdf: Path) -> list[float]:
    """The space between every two Han characters side by side on a line."""
    gaps = []
    for page in read_pdf(pdf):
        for line in page.lines:
            for left, right in itertools.pairwise(line["chars"]):
                if HAN_OR_KANA.match(left["text"]) and HAN_OR_KANA.match(right["text"]):
                    gaps.append(right["x0"] - left["x1"])
    return gaps


@pytest.mark.slow
@pytest.mark.office
def test_chinese_words_in_an_english_note_are_never_letter_spaced(sample_build: Path, sample_docx_pdfs):
    """上海, 京都, 北九州市 in paragraph 10 of the 5 (d) note: set solid in the PDF, and in the DOCX as
    LibreOffice lays it out; their paragraph is flush left in both (docx/write/ideographs.py)."""
    for pdf in (sample_build / f"{NOTE}.pdf", sample_docx_pdfs[NOTE]):
        gaps = _han_gaps(pdf)
        assert len(gaps) >= 5, pdf.name  # 上海 京都 北九州市 at least
        assert all(abs(gap) < 0.05 for gap in gaps), (pdf.name, gaps)
    paragraphs = _docx_paragraphs(sample_build / f"{NOTE}.docx")
    quoting = [p for p in paragraphs if "北九州市" in _text(p)]
    assert quoting and all(p.find(f"{W}pPr/{W}jc").get(f"{W}val") == "left" for p in quoting)
    others = [p for p in paragraphs if "Incheon" in _text(p) and not HAN_OR_KANA.search(_text(p))]
    assert others and all(p.find(f"{W}pPr/{W}jc") is None for p in others)  # justified by their style


@pytest.mark.slow
@pytest.mark.office
def test_running_head_on_the_outer_side(sample_build: Path, sample_docx_pdfs):
    for pdf in (sample_build / f"{NOTE}.pdf", sample_docx_pdfs[NOTE]):
        pages = read_pdf(pdf)
        for page in pages[1:4]:
            head = [c for c in page.chars if c["top"] < 70]
            assert "".join(c["text"] for c in head) == "ESCAP/NEASPEC/SOM(26)/5d", (pdf.name, page.number)
            x0, x1 = min(c["x0"] for c in head), max(c["x1"] for c in head)
            if page.number % 2:  # odd: right margin
                assert abs(x1 - (595.3 - 70.9)) < 2, (pdf.name, page.number, x1)
            else:  # even: left margin
                assert abs(x0 - 70.9) < 2, (pdf.name, page.number, x0)


@pytest.mark.slow
@pytest.mark.office
def test_docx_alternates_headers_and_hyphenates(sample_build: Path):
    with zipfile.ZipFile(sample_build / f"{NOTE}.docx") as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
        document = etree.fromstring(z.read("word/document.xml"))
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        even = document.find(f".//{W}sectPr/{W}headerReference[@{W}type='even']")
        R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
        header = etree.fromstring(z.read("word/" + targets[even.get(f"{R}id")]))
        even_footer = document.find(f".//{W}sectPr/{W}footerReference[@{W}type='even']")
    for name in ("evenAndOddHeaders", "autoHyphenation", "doNotHyphenateCaps"):
        assert settings.find(f"{W}{name}") is not None, name
    assert "".join(t.text for t in header.iter(f"{W}t")) == "ESCAP/NEASPEC/SOM(26)/5d"
    assert header.find(f".//{W}pPr/{W}jc").get(f"{W}val") == "left"
    assert even_footer is not None  # page numbers on even pages too


def test_dates_keep_day_and_month_together():
    import datetime as dt

    from toolkit.model.wording import for_language

    english, french, russian = for_language("en"), for_language("fr"), for_language("ru")
    assert english.date(dt.date(2023, 9, 8)) == "8\u00a0September 2023"
    assert english.date_range(dt.date(2023, 11, 30), dt.date(2023, 12, 1)) == "30\u00a0November-1\u00a0December 2023"
    assert french.date(dt.date(2023, 9, 8)) == "8\u00a0septembre 2023"
    assert russian.date_range(dt.date(2023, 11, 23), dt.date(2023, 11, 24)) == "23-24\u00a0ноября 2023 года"
