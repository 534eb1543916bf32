"""The typographer's preflight (toolkit/preflight/): each rule fires on a page that has its fault
and stays silent on a good one; the build and `toolkit check --layout` report its warnings with
the page and the source line, and never fail for them."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from conftest import REPO
from toolkit import TEMPLATES
from toolkit.cli import main
from toolkit.errors import Diagnostics
from toolkit.model.build import load
from toolkit.pipeline.jobs import plan
from toolkit.preflight import preflight, rules
from toolkit.render.layout import (CAPTION, CELL, CONTENTS, HEADING, PARAGRAPH, SUBITEM, Block, Layout, Line, Page)
from toolkit.render.pdf import environment, note_layout

BASIC = REPO / "tests" / "meetings" / "basic"
SAMPLE = REPO / "agendas" / "som-26"

# ---- synthetic pages: one fault each ---------------------------------------

LEFT, RIGHT = 141.7, 699.2


def line(text, block, top, end=RIGHT, **kw):
    return Line(text=text, block=block, top=top, bottom=top + 14, left=LEFT, right=RIGHT, start=kw.pop("start", LEFT),
                end=end, text_start=kw.pop("text_start", LEFT), **kw)


def paragraph(block, top, count, last_end=400.0):
    """A justified paragraph's lines: full to the margin but the last."""
    return [line(f"words of line {n}", block, top + 14 * n, RIGHT if n < count - 1 else last_end)
            for n in range(count)]


SPLIT = paragraph(3, 200, 5)  # two lines at the foot of page 2, three at the top of page 3
GOOD = Layout(
    blocks=(Block(HEADING, 0, name="h1"), Block(PARAGRAPH, 0, True, name="para"),
            Block(SUBITEM, 0, True, name="subitem"), Block(PARAGRAPH, 1, True, name="para"),
            Block(CONTENTS, 0, name="toc-chapter")),
    pages=(Page(1, (line("I.BACKGROUND", 4, 50, 300, leader=False), line("TITLE .... 2", 4, 50, leader=True,
                                                                          page_number=True))),
           Page(2, (line("BACKGROUND", 0, 60, 250), *paragraph(1, 80, 4), *paragraph(2, 150, 2, 220.0),
                    *SPLIT[:2])),
           Page(3, tuple(SPLIT[2:]))),
)


def test_a_good_page_gives_no_finding():
    """Last lines short, a heading at the top, a paragraph split two lines and three, a one-line
    contents entry: nothing to say."""
    assert rules.findings(GOOD) == []


def test_a_stranded_word_is_found_and_a_last_line_or_a_forced_break_is_not():
    blocks = (Block(PARAGRAPH, 0, True, name="para"), Block(PARAGRAPH, 1, False, name="para"))
    lines = (line("The Meeting may wish to", 0, 50), line("for", 0, 64, 170.0),
             line("2024 and beyond, with the words of a full line", 0, 78),
             line("Mr. Wei ZHANG", 0, 92, 240.0, forced=True), line("last", 0, 106, 200.0),
             line("flush left", 1, 120, 200.0), line("text", 1, 134, 200.0))
    found = rules.stranded(Layout(blocks, (Page(1, lines),)))
    assert [(f.page, f.block) for f in found] == [(1, 0)]
    assert "\u201cfor\u201d stands alone" in found[0].message


@pytest.mark.parametrize("end, start, why", [
    ("Car\u2010", "bon Cities", "a word with a capital letter"),
    ("Septem\u2010", "ber 2023", "a date"),
    ("12,0\u2010", "00 dollars", "a number"),
    ("ESCAP/NEAS\u2010", "PEC/SOM(26)/7", "a document symbol"),
])
def test_a_hyphenated_name_date_number_or_symbol_is_found(end, start, why):
    blocks = (Block(PARAGRAPH, 0, True, name="para"),)
    lines = (line(f"the words of the {end}", 0, 50, hyphenated=True), line(start + " and more", 0, 64, 300.0))
    found = rules.hyphenation(Layout(blocks, (Page(2, lines),)))
    assert len(found) == 1 and why in found[0].message and found[0].page == 2


def test_any_word_hyphenated_in_a_table_cell_is_found():
    blocks = (Block(CELL, 0, name="td", table=0), Block(PARAGRAPH, 0, True, name="para"))
    lines = (line("contri\u2010", 0, 50, 80.0, hyphenated=True), line("butions", 0, 64, 70.0),
             line("the contri\u2010", 1, 80, hyphenated=True), line("butions", 1, 94, 300.0))
    found = rules.hyphenation(Layout(blocks, (Page(1, lines),)))
    assert [f.block for f in found] == [0] and "a word in a table cell" in found[0].message


def test_a_hyphenated_common_word_is_not_found_but_a_split_symbol_or_range_is():
    blocks = (Block(PARAGRAPH, 0, True, name="para"),)
    common = (line("the contri\u2010", 0, 50, hyphenated=True), line("butions of", 0, 64, 300.0))
    assert rules.hyphenation(Layout(blocks, (Page(1, common),))) == []
    symbol = (line("the note (ESCAP/", 0, 50), line("NEASPEC/SOM(26)/7).", 0, 64, 300.0))
    years = (line("in the years 2023-", 0, 50), line("2024 it", 0, 64, 300.0))
    for lines, why in ((symbol, "a document symbol"), (years, "a range of numbers")):
        found = rules.hyphenation(Layout(blocks, (Page(1, lines),)))
        assert len(found) == 1 and f"{why} is split across two lines" in found[0].message


def test_a_contents_entry_whose_leaders_wrap_is_found():
    blocks = (Block(CONTENTS, 0, name="toc-chapter"), Block(CONTENTS, 1, name="toc-chapter"),
              Block(CONTENTS, 2, name="toc-chapter"))
    lines = (
        # leaders alone on the second line
        line("ISSUES RELATED TO SUSTAINABLE DEVELOPMENT IN NORTH-EAST ASIA", 0, 50, label="IV.", start=94.5,
             text_start=130.0),
        line(".......................... 3", 0, 64, start=130.0, leader=True, page_number=True),
        # wraps to the margin, under the number
        line("A LONG TITLE THAT WRAPS", 1, 80, label="II.", start=94.5, text_start=130.0),
        line("TO THE MARGIN ........ 2", 1, 94, start=94.5, text_start=94.5, leader=True, page_number=True),
        # wraps under its title, leaders and number on the last line: good
        line("A LONG TITLE THAT WRAPS", 2, 110, label="III.", start=94.5, text_start=130.0),
        line("UNDER ITS TITLE ........ 2", 2, 124, start=130.0, text_start=130.0, leader=True, page_number=True),
    )
    found = rules.contents_leaders(Layout(blocks, (Page(1, lines),)))
    assert [f.block for f in found] == [0, 1]
    assert "leader dots wrap" in found[0].message and "wraps to the margin" in found[1].message


def test_a_table_broken_after_one_row_is_found():
    blocks = (Block(PARAGRAPH, 0, True, name="para"),)
    broken = Layout(blocks, (Page(1, (), ((0, 0),)), Page(2, (), ((0, 1), (0, 2), (0, 3)))))
    assert [(f.page, f.table) for f in rules.table_breaks(broken)] == [(1, 0)]
    carried = Layout(blocks, (Page(1, (), ((0, 0), (0, 1), (0, 2))), Page(2, (), ((0, 3),))))
    assert [f.page for f in rules.table_breaks(carried)] == [2]
    whole = Layout(blocks, (Page(1, (), ((0, 0), (0, 1))), Page(2, (), ((0, 2), (0, 3)))))
    assert rules.table_breaks(whole) == []


def test_a_heading_alone_at_the_foot_of_a_page_is_found():
    blocks = (Block(PARAGRAPH, 0, True, name="para"), Block(HEADING, 0, name="h1"),
              Block(CAPTION, 0, name="table-caption"))
    pages = (Page(1, (*paragraph(0, 50, 2), line("III. OUTLOOK", 1, 700, 250.0))),
             Page(2, (line("Table 1", 2, 50, 150.0),)))
    found = rules.lone_headings(Layout(blocks, pages))
    assert [(f.page, f.block) for f in found] == [(1, 1)], "the last page's last line is no foot"


def test_a_widow_and_an_orphan_are_found():
    blocks = (Block(PARAGRAPH, 0, True, name="para"), Block(PARAGRAPH, 1, True, name="para"))
    lines = paragraph(0, 50, 4) + paragraph(1, 50, 4)
    pages = (Page(1, (*lines[:4], lines[4])), Page(2, tuple(lines[5:])))  # paragraph 1 split 1 + 3: an orphan
    found = rules.widows_and_orphans(Layout(blocks, pages))
    assert [(f.page, f.block) for f in found] == [(1, 1)] and "orphan" in found[0].message
    pages = (Page(1, tuple(lines[:7])), Page(2, (lines[7],)))  # split 3 + 1: a widow
    found = rules.widows_and_orphans(Layout(blocks, pages))
    assert [(f.page, f.block) for f in found] == [(2, 1)] and "widow" in found[0].message


# ---- real layouts: the source line, the build, check --layout --------------

def _laid_out(root, name):
    loaded = load(root)
    job = next(job for job in plan(loaded) if job.name == name)
    diags = Diagnostics()
    layout = note_layout(job.document, environment(TEMPLATES), TEMPLATES, root, diags)
    assert layout is not None, diags.items
    return job, layout


def _stranded_fixture(tmp_path):
    """The basic meeting with a paragraph whose first word is pushed alone by an unbreakable one."""
    meeting = tmp_path / "meeting"
    shutil.copytree(BASIC, meeting)
    note = meeting / "notes" / "cities.md"
    text = note.read_text(encoding="utf-8")
    note.write_text(text + "\nfor `" + "1234567890" * 7 + "` and then a few more words so that the paragraph runs "
                    "on to a third line of text, as a longer paragraph of a real note would.\n", encoding="utf-8")
    return meeting, len(text.splitlines()) + 2


def _silent(root, names=None):
    loaded = load(root)
    checked = 0
    for job in plan(loaded):
        if "pdf" not in job.formats or job.changes is not None or (names and job.name not in names):
            continue
        diags = Diagnostics()
        layout = note_layout(job.document, environment(TEMPLATES), TEMPLATES, root, diags)
        assert layout is not None and layout.pages
        assert preflight(job.document, layout, job.output("pdf"), diags) == 0, [str(d) for d in diags.items]
        checked += 1
    assert checked


def test_every_document_of_the_basic_meeting_passes_the_preflight():
    """Footnote calls at a line's end, last lines, sub-items, headings, the masthead, the contents."""
    _silent(BASIC)


# Every meeting the tests build: the fixtures (revisions/issued is the issued side of revisions/current)
# and the sample. A new fixture meeting joins this list by being in tests/meetings/.
MEETINGS = sorted(str(path.parent.relative_to(REPO / "tests" / "meetings"))
                  for path in (REPO / "tests" / "meetings").rglob("meeting.yaml"))


def test_the_list_holds_every_fixture_meeting():
    assert {"basic", "figures", "footnote-pressure", "languages", "multilingual", "no-symbol",
            "revisions/current", "revisions/issued", "tables"} <= set(MEETINGS)


@pytest.mark.slow
@pytest.mark.parametrize("meeting", [m for m in MEETINGS if m != "basic"])
def test_every_test_meeting_passes_the_preflight(meeting):
    """Figures, cross-references, long tables broken with their header repeated, dense footnotes,
    four languages, meetings without symbols, revisions."""
    _silent(REPO / "tests" / "meetings" / meeting)


@pytest.mark.slow
def test_the_sample_lists_pass_the_preflight():
    """A line ended by a line break (each participant's name, title and ministry), centred
    lines, table cells, the agenda's items: not stranded words."""
    _silent(SAMPLE, {"list-of-participants", "provisional-agenda", "list-of-documents"})


def test_a_real_layout_points_the_warning_at_the_source_line(tmp_path):
    meeting, number = _stranded_fixture(tmp_path)
    job, layout = _laid_out(meeting, "cities")
    diags = Diagnostics()
    assert preflight(job.document, layout, "cities.pdf", diags) == 1
    (warning,) = diags.items
    assert warning.severity == "warning"
    assert (warning.position.path, warning.position.line) == ("notes/cities.md", number)
    assert warning.message.startswith("page 2: \u201cfor\u201d stands alone") and "(in cities.pdf)" in warning.message


def test_the_layout_reads_numbers_rows_and_contents_from_the_pdf_layout():
    job, layout = _laid_out(REPO / "tests" / "meetings" / "tables", "fund")
    names = {block.name for block in layout.blocks}
    assert {"para", "td", "table-caption"} <= names
    assert any(page.rows for page in layout.pages)
    paragraphs = [line for page in layout.pages for line in page.lines if layout.blocks[line.block].name == "para"]
    assert paragraphs[0].label == "1." and not paragraphs[0].text.startswith("1.")


@pytest.mark.parametrize("mark", [None, "-"])
def test_a_word_the_layout_hyphenates_is_read_as_hyphenated_whatever_the_hyphen(tmp_path, mark):
    """WeasyPrint adds its hyphenate-character (U+2010 unless a template says otherwise); a
    template that makes it "-", which the sources also write, is read through the source text."""
    meeting = tmp_path / "meeting"
    shutil.copytree(BASIC, meeting)
    note = meeting / "notes" / "cities.md"
    # A long word the layout hyphenates, and a compound that can break only at its own hyphens.
    note.write_text(note.read_text(encoding="utf-8") + "\n" + " ".join(
        ["the internationalisation of responsibilities and " + "North-East-" * 30 + "Asia"] * 3) + ".\n",
        encoding="utf-8")
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    if mark:
        with (templates / "note.css").open("a", encoding="utf-8") as css:
            css.write(f'\n.para {{ hyphenate-character: "{mark}"; }}\n')
    loaded = load(meeting)
    job = next(job for job in plan(loaded) if job.name == "cities")
    layout = note_layout(job.document, environment(templates), templates, meeting, Diagnostics())
    lines = [line for page in layout.pages for line in page.lines]
    ends = [line.text.split()[-1] for line in lines if line.hyphenated]
    assert ends and all(end.endswith(mark or "\u2010") and "North-East-" not in end for end in ends), ends
    assert any(line.text.endswith("East-") and not line.hyphenated for line in lines), "a break at a written hyphen"


@pytest.mark.slow
def test_the_build_prints_the_preflight_warning_and_writes_the_pdf(tmp_path):
    meeting, number = _stranded_fixture(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(meeting), "--out", str(out), "--format", "pdf", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert f"notes/cities.md:{number}:1: warning: page 2: \u201cfor\u201d stands alone" in result.output
    assert (out / "cities.pdf").is_file()


def test_check_layout_without_libreoffice_runs_the_preflight_and_writes_nothing(tmp_path, monkeypatch):
    meeting, number = _stranded_fixture(tmp_path)
    from toolkit.render import office

    monkeypatch.setattr(office, "find", lambda: None)
    result = CliRunner().invoke(main, ["check", "--layout", str(meeting)])
    assert result.exit_code == 0, result.output
    assert f"notes/cities.md:{number}:1: warning: page 2: \u201cfor\u201d stands alone" in result.output
    assert "LibreOffice (soffice or libreoffice) is not installed" in result.output
    assert not (tmp_path / "build").exists() and not (meeting / "build").exists()


@pytest.mark.slow
@pytest.mark.office
def test_check_layout_finds_a_pdf_page_break_the_docx_does_not_share(tmp_path):
    """A forced page break in the DOCX alone (its layout differs): the PDF's page 2 starts
    elsewhere than any DOCX page."""
    from toolkit.preflight import docx_breaks
    from toolkit.render import office
    from toolkit.render.docx import draft

    job, layout = _laid_out(BASIC, "cities")
    made = draft(job.document, TEMPLATES / "reference.docx", Diagnostics(), meeting_root=BASIC)
    pdf = office.convert([made.docx], office.find())[0]
    assert docx_breaks(job.document, layout, pdf) == [], "the same note: the same breaks"
    # The DOCX cut to its first page: every PDF page break after it is now unshared.
    moved = [(where, page) for where, page, _ in docx_breaks(job.document, layout, _first_page_only(pdf))]
    assert moved and all(page >= 2 for _, page in moved)
    # The whole command on the same meeting: every PDF and DOCX laid out, nothing to say.
    result = CliRunner().invoke(main, ["check", "--layout", str(BASIC)])
    assert result.exit_code == 0 and "warning" not in result.output, result.output


def _first_page_only(pdf: bytes) -> bytes:
    import pikepdf
    import io

    with pikepdf.open(io.BytesIO(pdf)) as document:
        del document.pages[1:]
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


@pytest.mark.slow
def test_the_sample_builds_with_no_preflight_warning():
    loaded = load(SAMPLE)
    found = []
    for job in plan(loaded):
        if "pdf" not in job.formats or job.changes is not None:
            continue
        diags = Diagnostics()
        layout = note_layout(job.document, environment(TEMPLATES), TEMPLATES, SAMPLE, diags)
        assert layout is not None, diags.items
        preflight(job.document, layout, job.output("pdf"), diags)
        found += [str(d) for d in diags.items]
    assert found == []
