"""Tables, figures and cross-references in the DOCX: SEQ caption numbers, REF fields to
bookmarks with the model's numbers cached, pictures with their alternative text, and
what LibreOffice shows when it lays the DOCX out (it recomputes every field)."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import re
import zipfile

import pytest
from lxml import etree

from test_docx_helpers import NS, REFERENCE, ROOT, W, paragraph_text, part
from test_docx_numbering import word_numbering
from toolkit.errors import Diagnostics
from toolkit.model.document import (Emphasis, Figure, Image, Paragraph, Ref, Table, TableNote, TableNoteRef, Text)
from toolkit.render import office
from toolkit.render.docx import note_docx
from toolkit.render.docx.write.fields import ref_bookmark
from toolkit.model.build import load

MEETINGS = ROOT / "tests" / "meetings"
FIGURES = MEETINGS / "figures"  # the pictures of the synthetic figures below are this meeting's files
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
EMU_PER_TWIP = 635


def _val(node, default=None):
    return default if node is None else node.get(f"{{{W}}}val", default)


def _image(rel: str, fmt: str, width: float, height: float) -> Image:
    data = (FIGURES / rel).read_bytes()
    return Image(rel, hashlib.sha256(data).hexdigest(), fmt, width, height)


@functools.cache
def refs_note():
    return load(MEETINGS / "refs").notes[0]


@functools.cache
def floats_note():
    """The refs note with, as the numbering pass would give them, a table with notes and
    totals and two figures (SVG and PNG) in chapter II, and a paragraph citing the figures."""
    note = refs_note()
    table = Table(header=((Text("Member State"),), (Text("2022"),), (Text("2023"),)),
                  rows=(((Text("China"),), (Text("100"),), (Text("120"),), ),
                        ((Text("Japan"),), (Text("80"), TableNoteRef("p", "a")), (Text("90"),)),
                        ((Text("Total"),), (Text("180"),), (Text("210"),))),
                  widths=(0.5, 0.25, 0.25), title=(Text("Contributions, 2022-2023"),), number="2",
                  caption_word="Table", align=("left", "right", "right"), totals=(2,),
                  source=(Emphasis((Text("Source:"),)), Text(" Secretariat records.")),
                  notes=(TableNote("p", "a", (Text("Pledged."),)),), ident="money", anchor="_Ref010")
    svg = Figure(_image("figures/emissions.svg", "svg", 400, 200), "Bar chart: emissions fell",
                 (Text("Emissions"),), (Emphasis((Text("Source:"),)), Text(" Illustrative.")), number="I",
                 caption_word="Figure", ident="emissions", anchor="_Ref011")
    png = Figure(_image("figures/forum.png", "png", 600, 300), "Bar chart: participants in the forums",
                 (Text("Participants"),), number="II", caption_word="Figure", ident="forum", anchor="_Ref012")
    cites = Paragraph(None, (Ref("forum", False, "figure", "figure ", "II", "", "_Ref012"), Text(" and "),
                             Ref("money", True, "table", "Table ", "2", "", "_Ref010"), Text(" follow.")),
                      numbered=False)
    chapters = list(note.chapters)
    chapters[1] = dataclasses.replace(chapters[1], blocks=(*chapters[1].blocks, cites, table, svg, png))
    return dataclasses.replace(note, chapters=tuple(chapters))


@functools.cache
def docx(which: str) -> bytes:
    note = refs_note() if which == "refs" else floats_note()
    diags = Diagnostics()
    pages = {e.anchor: 2 for e in note.contents if e.kind == "chapter"}
    data = note_docx(note, REFERENCE, diags, pages=pages, soffice=None, meeting_root=FIGURES)
    assert data is not None, [str(d) for d in diags.items]
    return data


def fields(body: etree._Element) -> list[tuple[str, str, etree._Element]]:
    """(instruction, cached result, first run of the field) of each complex field, in order."""
    out = []
    code = result = None
    start = None
    for r in body.iter(f"{{{W}}}r"):
        char = r.find("w:fldChar", NS)
        if char is not None and _val(char, None) is None:
            kind = char.get(f"{{{W}}}fldCharType")
            if kind == "begin":
                code, result, start = "", None, r
            elif kind == "separate":
                result = ""
            elif kind == "end" and code is not None:
                out.append((code, result or "", start))
                code = result = None
            continue
        instr = r.find("w:instrText", NS)
        if instr is not None and code is not None:
            code += instr.text
        elif result is not None:
            result += "".join(t.text or "" for t in r.iterfind("w:t", NS))
    return out


def refs_of(note) -> list[Ref]:
    from toolkit.model.walk import nodes

    return list(nodes((note.chapters, note.annexes, note.footnotes), Ref))


def bookmarked(body: etree._Element, name: str) -> tuple[etree._Element, str, list[str]]:
    """(paragraph, text between bookmarkStart and bookmarkEnd, field instructions inside) of bookmark name."""
    starts = [b for b in body.iter(f"{{{W}}}bookmarkStart") if b.get(f"{{{W}}}name") == name]
    assert len(starts) == 1, f"bookmark {name}: {len(starts)} found"
    start = starts[0]
    ident = start.get(f"{{{W}}}id")
    texts, codes = [], []
    node = start.getnext()
    while not (node.tag == f"{{{W}}}bookmarkEnd" and node.get(f"{{{W}}}id") == ident):
        texts += [t.text or "" for t in node.iter(f"{{{W}}}t")]
        codes += [t.text for t in node.iter(f"{{{W}}}instrText")]
        node = node.getnext()
        assert node is not None, f"bookmark {name} does not end in its paragraph"
    return start.getparent(), "".join(texts), codes


# ---- cross-references ------------------------------------------------------------


@pytest.mark.parametrize("which", ["refs", "floats"])
def test_each_ref_is_a_ref_field_with_the_model_number_cached(which):
    note = refs_note() if which == "refs" else floats_note()
    body = part(docx(which), "word/document.xml")
    footnotes = part(docx(which), "word/footnotes.xml")
    found = [(code, result) for code, result, _ in fields(body) + fields(footnotes) if code.startswith(" REF ")]
    linked = [r for r in refs_of(note) if r.anchor]
    assert linked, "the fixture cites something"
    expected = []
    for ref in linked:
        switch = "\\r " if ref.kind in ("paragraph", "chapter") else ""
        expected.append((f" REF {ref_bookmark(ref.anchor)} {switch}\\h ", ref.number))
    assert sorted(found) == sorted(expected)
    text = " ".join(paragraph_text(p) for p in (*body.iter(f"{{{W}}}p"), *footnotes.iter(f"{{{W}}}p")))
    for ref in linked:
        assert ref.text in text, ref.text


@pytest.mark.parametrize("which", ["refs", "floats"])
def test_bookmarks_wrap_what_the_ref_shows(which):
    note = refs_note() if which == "refs" else floats_note()
    data = docx(which)
    body = part(data, "word/document.xml")
    shown = word_numbering(data, body)  # kept: its w:p proxies stay alive, so their ids stay theirs
    numbered = {id(p): label for label, _, _, p in shown if label}
    for ref in {r.anchor: r for r in refs_of(note) if r.anchor}.values():
        p, text, codes = bookmarked(body, ref_bookmark(ref.anchor))
        if ref.kind in ("paragraph", "chapter"):  # REF \r: the number Word gives the paragraph
            assert numbered.get(id(p)) == f"{ref.number}.", (ref, text)
            assert not re.match(r"[\dIVX]+\.", text), "the number is not typed"
        elif ref.kind == "annex":
            assert text == ref.number and _val(p.find("w:pPr/w:pStyle", NS)) == "AnnexHeading"
            assert paragraph_text(p).startswith(f"Annex {ref.number}")
        else:  # table, figure: the SEQ field of the caption, its cached result the number
            assert text == ref.number and len(codes) == 1 and codes[0].startswith(" SEQ ")
            assert _val(p.find("w:pPr/w:pStyle", NS)) == "Caption"


def test_a_ref_outside_the_document_is_plain_text():
    annex_alone = next(n for n in load(MEETINGS / "refs").annexes if n.stem.endswith("-I"))
    outside = [r for r in refs_of(annex_alone) if r.anchor is None]
    assert outside, "the annex issued alone cites the note"
    diags = Diagnostics()
    data = note_docx(annex_alone, REFERENCE, diags, soffice=None)
    body = part(data, "word/document.xml")
    assert not [code for code, *_ in fields(body) if code.startswith(" REF ")]
    text = " ".join(paragraph_text(p) for p in body.iter(f"{{{W}}}p"))
    assert all(r.text in text for r in outside)


def test_chapter_headings_are_numbered_by_word_not_typed():
    data = docx("refs")
    body = part(data, "word/document.xml")
    headings = [p for p in body.iter(f"{{{W}}}p") if _val(p.find("w:pPr/w:pStyle", NS)) in ("Heading1",)]
    numerals = [c.label for c in refs_note().chapters if c.numeral]
    assert [paragraph_text(p) for p in headings] == [
        "".join(t.text for t in c.title) for c in refs_note().chapters if c.numeral]
    numbering = word_numbering(data, body)  # kept: its w:p proxies stay alive, so their ids stay theirs
    shown = {id(p): label for label, _, _, p in numbering}
    assert [shown.get(id(p)) for p in headings] == numerals == ["I.", "II.", "III."]
    styles = {s.get(f"{{{W}}}styleId"): s for s in part(data, "word/styles.xml").iterfind("w:style", NS)}
    assert styles["Heading1"].find("w:pPr/w:numPr/w:numId", NS) is not None  # the style carries the list
    numbering = part(data, "word/numbering.xml")
    level = [a for a in numbering.iterfind("w:abstractNum", NS)
             if _val(a.find("w:lvl/w:pStyle", NS)) == "Heading1"][0].find("w:lvl", NS)
    assert (_val(level.find("w:numFmt", NS)), _val(level.find("w:lvlText", NS))) == ("upperRoman", "%1.")


# ---- tables -------------------------------------------------------------------------


def _note_table(body):
    return [t for t in body.iter(f"{{{W}}}tbl") if _val(t.find("w:tblPr/w:tblStyle", NS)) == "NEASPECTable"]


def test_note_tables_have_a_caption_above_and_rows_that_repeat_and_never_split():
    body = part(docx("floats"), "word/document.xml")
    tables = _note_table(body)
    assert len(tables) == 2  # the refs note's Milestones and the contributions table
    seqs = [(code, result) for code, result, _ in fields(body) if code.startswith(" SEQ Table")]
    assert seqs == [(" SEQ Table \\* ARABIC ", "1"), (" SEQ Table \\* ARABIC ", "2")]
    for tbl, number, title in zip(tables, ("1", "2"), ("Milestones", "Contributions, 2022-2023"), strict=True):
        caption = tbl.getprevious()
        assert _val(caption.find("w:pPr/w:pStyle", NS)) == "Caption"
        assert paragraph_text(caption) == f"Table {number} {title}"  # a line break between
        assert caption.find("w:r/w:br", NS) is not None
        rows = tbl.findall("w:tr", NS)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
        assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
    styles = {s.get(f"{{{W}}}styleId"): s for s in part(docx("floats"), "word/styles.xml").iterfind("w:style", NS)}
    assert styles["Caption"].find("w:pPr/w:keepNext", NS) is not None
    assert _val(styles["Caption"].find("w:name", NS)) == "caption"  # Word's built-in style
    borders = styles["NEASPECTable"].find("w:tblPr/w:tblBorders", NS)
    assert {etree.QName(b).localname for b in borders} == {"top", "bottom"}
    assert styles["NEASPECTable"].find("w:tblStylePr[@w:type='firstRow']/w:tcPr/w:tcBorders/w:bottom", NS) is not None


def test_note_table_cells_align_totals_are_bold_and_notes_follow():
    body = part(docx("floats"), "word/document.xml")
    tbl = _note_table(body)[1]
    rows = tbl.findall("w:tr", NS)
    styles = {_val(s.find("w:name", NS)): s for s in part(docx("floats"), "word/styles.xml").iterfind("w:style", NS)}
    for index, row in enumerate(rows):
        names = [_val(c.find("w:p/w:pPr/w:pStyle", NS)) for c in row.findall("w:tc", NS)]
        wanted = ["TableColumnHeading", "TableColumnHeadingRight"] if index == 0 else ["TableText", "TableFigures"]
        assert names == [wanted[0], wanted[1], wanted[1]]  # aligned by style, no direct formatting
    assert _val(styles["Table Figures"].find("w:pPr/w:jc", NS)) == "right"
    assert _val(styles["Table Column Heading Right"].find("w:pPr/w:jc", NS)) == "right"
    total = rows[-1]
    assert all(c.find("w:tcPr/w:tcBorders/w:top", NS) is not None for c in total.findall("w:tc", NS))
    assert all(_val(r.find("w:rPr/w:rStyle", NS)) == "Strong" for r in total.iter(f"{{{W}}}r"))
    assert not any(c.find("w:tcPr/w:tcBorders", NS) is not None for row in rows[:-1] for c in row.findall("w:tc", NS))
    after = [tbl.getnext(), tbl.getnext().getnext()]
    assert [_val(p.find("w:pPr/w:pStyle", NS)) for p in after] == ["TableNote", "TableNote"]
    assert [paragraph_text(p) for p in after] == ["Source: Secretariat records.", "a Pledged."]
    letter = after[1].find("w:r/w:rPr/w:rStyle", NS)
    assert _val(letter) == "FootnoteReference"


# ---- figures -------------------------------------------------------------------------


def test_figures_have_captions_pictures_with_alt_text_and_an_svg_with_its_png():
    data = docx("floats")
    body = part(data, "word/document.xml")
    seqs = [(code, result) for code, result, _ in fields(body) if code.startswith(" SEQ Figure")]
    assert seqs == [(" SEQ Figure \\* ROMAN ", "I"), (" SEQ Figure \\* ROMAN ", "II")]
    drawings = list(body.iter(f"{{{WP}}}inline"))
    figures = [b for c in floats_note().chapters for b in c.blocks if isinstance(b, Figure)]
    assert len(drawings) == len(figures) == 2
    rels = part(data, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    text_width = (11906 - 2 * 1418) * EMU_PER_TWIP
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode()
        for drawing, figure in zip(drawings, figures, strict=True):
            doc_pr = drawing.find(f"{{{WP}}}docPr")
            assert doc_pr.get("descr") == figure.alt and doc_pr.get("title") == figure.alt
            extent = drawing.find(f"{{{WP}}}extent")
            cx, cy = int(extent.get("cx")), int(extent.get("cy"))
            assert cx <= text_width and abs(cx / cy - figure.image.width / figure.image.height) < 0.01
            caption = drawing.getparent().getparent().getparent().getprevious()
            assert paragraph_text(caption) == f"Figure {figure.number} {''.join(t.text for t in figure.title)}"
            blip = drawing.find(f".//{{{A}}}blip")
            png = archive.read("word/" + targets[blip.get(f"{{{NS['r']}}}embed")])
            assert png.startswith(b"\x89PNG")
            svg_blip = blip.find(f".//{{{ASVG}}}svgBlip")
            if figure.image.format == "svg":
                assert cx == text_width  # as in the PDF: an SVG spans the text width
                svg = archive.read("word/" + targets[svg_blip.get(f"{{{NS['r']}}}embed")])
                assert svg == (FIGURES / figure.image.path).read_bytes()
                assert 'Extension="svg" ContentType="image/svg+xml"' in types or "image/svg+xml" in types
            else:
                assert svg_blip is None and png == (FIGURES / figure.image.path).read_bytes()
                assert cx == 600 * 9525  # 600 pixels at 96 an inch fit the text width


def test_a_figure_without_the_meeting_folder_is_an_error():
    diags = Diagnostics()
    assert note_docx(floats_note(), REFERENCE, diags, soffice=None) is None
    assert any("figures/emissions.svg" in str(d) and "meeting folder" in str(d) for d in diags.items)


def test_a_changed_picture_is_an_error(tmp_path):
    import shutil

    shutil.copytree(FIGURES, tmp_path / "figures-meeting")
    (tmp_path / "figures-meeting" / "figures" / "forum.png").write_bytes(b"\x89PNG changed")
    diags = Diagnostics()
    assert note_docx(floats_note(), REFERENCE, diags, soffice=None, meeting_root=tmp_path / "figures-meeting") is None
    assert any("forum.png" in str(d) and "changed" in str(d) for d in diags.items)


# ---- laid out by LibreOffice ----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.skipif(office.find() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_the_model_numbers():
    """LibreOffice recomputes SEQ and REF fields and list numbers: what it prints is what
    an editor sees after updating fields in Word."""
    from toolkit.render.docx.chapter_pages import pdf_page_texts

    text = "\n".join(pdf_page_texts(office.convert([docx("floats")], office.find())[0]))
    flat = re.sub(r"\s+", " ", text)
    for words in ("Table 1 Milestones", "Table 2 Contributions, 2022-2023", "Figure I Emissions",
                  "Figure II Participants", "figure II and Table 2 follow.", "Table 1 lists the milestones",
                  "see also paragraph 2 of annex I.", "Chapter I recalls", "The plan is in annex II.",
                  "recall paragraph 1 and consider paragraph 4 and Annex II.", "See paragraph 1 above.",
                  "as paragraph 1 of the note recalls", "Source: Secretariat records.", "a Pledged."):
        assert words in flat, words
    headings = re.findall(r"^\s*([IVX]+\.)\s+[A-Z ]+$", text, re.M)
    assert headings == ["I.", "II.", "III."]  # the headings (contents lines end in leaders and pages)


# ---- whole meetings (once the spreadsheet and picture readers are in) ------------------


def _meeting_note(name: str):
    pytest.importorskip("toolkit.sources.spreadsheet", reason="tables from .xlsx/.csv need the spreadsheet reader")
    pytest.importorskip("toolkit.sources.images", reason="figures need the picture reader")
    meeting = load(MEETINGS / name)
    assert not [d for d in meeting.diagnostics.items if d.severity == "error"]
    return meeting.notes[0]


@pytest.mark.parametrize("name", ["tables", "figures"])
def test_fixture_meetings_number_their_floats_in_the_docx(name):
    note = _meeting_note(name)
    diags = Diagnostics()
    data = note_docx(note, REFERENCE, diags, soffice=None, meeting_root=MEETINGS / name,
                     pages={e.anchor: 2 for e in note.contents if e.kind == "chapter"})
    assert data is not None, [str(d) for d in diags.items]
    body = part(data, "word/document.xml")
    floats = [b for c in (*note.chapters, *(c for a in note.annexes for c in a.chapters)) for b in c.blocks
              if isinstance(b, (Table, Figure)) and b.number]
    seqs = [result for code, result, _ in fields(body) if code.startswith(" SEQ ")]
    assert seqs == [b.number for b in floats]
    for ref in (r for r in refs_of(note) if r.anchor):
        _, text, _ = bookmarked(body, ref_bookmark(ref.anchor))
        assert ref.kind not in ("table", "figure") or text == ref.number
