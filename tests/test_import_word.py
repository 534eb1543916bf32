"""`toolkit import` of notes as the secretariat types them in Word, of what cannot be carried
(warnings at their paragraph), and of hostile or damaged files (refused, nothing written)."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from PIL import Image

from tests.conftest import SAMPLE, run_cli
from toolkit.model.document import Paragraph
from toolkit.model.plain import inline_text
from toolkit.model.build import load

MASTHEAD = ["ESCAP/NEASPEC/SOM(26)/6", "Distr.: Limited", "12 October 2023", "English only", "UNITED NATIONS",
            "ECONOMIC AND SOCIAL COMMISSION FOR ASIA AND THE PACIFIC",
            "Twenty-sixth Senior Officials Meeting (SOM-26) of NEASPEC", "23-24 November 2023",
            "Seoul, Republic of Korea", "STRATEGIC MATTERS", "(Item 6 of the provisional agenda)",
            "Thirty Years of NEASPEC", "Note by the Secretariat"]


def meeting(tmp_path: Path) -> Path:
    root = tmp_path / "m"
    root.mkdir()
    shutil.copy(SAMPLE / "meeting.yaml", root)
    shutil.copytree(SAMPLE / "registrations", root / "registrations")
    (root / "figures").mkdir()
    shutil.copy(SAMPLE / "figures" / "emblem.svg", root / "figures")  # meeting.yaml's emblem
    return root


def typed_note(path: Path, heading_styles: bool, item: str = "({})") -> None:
    """A note typed by hand: numbers "1.<tab>", "(a)<tab>" (or "a)" with item "{})"), chapters "I.<tab>"
    (or Heading 1)."""
    doc = docx.Document()
    for line in MASTHEAD:
        doc.add_paragraph(line)
    doc.add_paragraph("CONTENTS")
    doc.add_paragraph("Page")
    doc.add_paragraph("I.\tBackground\t2")
    doc.add_paragraph("II.\tIssues for consideration\t3")
    doc.add_paragraph("Annex I.\tDraft commemorative statement\t4")

    def chapter(numeral: str, title: str) -> None:
        if heading_styles:
            doc.add_paragraph(title, style="Heading 1")
        else:
            doc.add_paragraph(f"{numeral}.\t{title.upper()}")

    chapter("I", "Background")
    p = doc.add_paragraph("1.\tNEASPEC was launched in 1993 by the ")
    p.add_run("six member States").italic = True
    p.add_run(" of North-East Asia.")
    doc.add_paragraph("2.\tThe Secretariat has prepared two texts:")
    doc.add_paragraph(f"{item.format('a')}\tA draft statement;")
    doc.add_paragraph(f"{item.format('b')}\tA summary of thirty years of cooperation.")
    doc.add_paragraph("(The draft statement)")
    doc.add_paragraph("3.\tThe draft is annexed to this note.")
    doc.add_paragraph("Table 1")
    doc.add_paragraph("Sessions of the Senior Officials Meeting")
    table = doc.add_table(rows=3, cols=2)
    for r, row in enumerate((("Decade", "Sessions"), ("1993-2002", "8"), ("2003-2012", "9"))):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_paragraph("Source: Secretariat.")
    chapter("II", "Issues for consideration")
    doc.add_paragraph("4.\tThe Meeting may wish to:")
    doc.add_paragraph(f"{item.format('a')}\tAdopt the statement; and")
    doc.add_paragraph(f"{item.format('b')}\tRequest the Secretariat to publish it.")
    doc.add_paragraph("Annex I")
    doc.add_paragraph("Draft commemorative statement")
    doc.add_paragraph("1.\tWe, the member States of NEASPEC, recall its launch in 1993.")
    doc.save(path)


@pytest.mark.parametrize("heading_styles", [False, True], ids=["typed-chapters", "heading-styles"])
def test_a_note_typed_in_word(tmp_path: Path, heading_styles: bool) -> None:
    source = tmp_path / "statement.docx"
    typed_note(source, heading_styles)
    root = meeting(tmp_path)
    result = run_cli("import", source, "--meeting", root)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    text = (root / "notes" / "6-thirty-years-of-neaspec.md").read_text(encoding="utf-8")
    assert text.startswith("---\nitem: '6'\ntitle: Thirty Years of NEASPEC\ndate: 2023-10-12\n"
                           "distribution: Limited\nlanguage: en\nsymbol: ESCAP/NEASPEC/SOM(26)/6\n")
    assert "\n# Background\n" in text and "\n## The draft statement\n" in text
    note = next(n for n in load(root).notes if n.stem == "6-thirty-years-of-neaspec")
    assert [(c.numeral, inline_text(c.title)) for c in note.chapters] == [("I", "BACKGROUND"),
                                                                         ("II", "ISSUES FOR CONSIDERATION")]
    paragraphs = [b for c in note.chapters for b in c.blocks if isinstance(b, Paragraph)]
    assert [(p.number, inline_text(p.content)) for p in paragraphs] == [
        (1, "NEASPEC was launched in 1993 by the six member States of North-East Asia."),
        (2, "The Secretariat has prepared two texts:"),
        (3, "The draft is annexed to this note."),
        (4, "The Meeting may wish to:")]
    assert [(i.label, inline_text(i.content)) for i in paragraphs[1].subitems] == [
        ("(a)", "A draft statement;"), ("(b)", "A summary of thirty years of cooperation.")]
    assert [i.label for i in paragraphs[3].subitems] == ["(a)", "(b)"]
    assert "considerations:" in text and "*six member States*" in text
    assert "Table: Sessions of the Senior Officials Meeting\n\n| Decade | Sessions |" in text
    annex, = note.annexes
    assert (annex.heading, inline_text(annex.title)) == ("Annex I", "Draft commemorative statement")
    assert inline_text(annex.chapters[0].blocks[0].content).startswith("We, the member States")


def test_items_typed_the_french_way_are_items_too(tmp_path: Path) -> None:
    """"a)<tab>" as French and Russian documents letter them: the same sub-items as "(a)"."""
    source = tmp_path / "statement.docx"
    typed_note(source, False, item="{})")
    root = meeting(tmp_path)
    result = run_cli("import", source, "--meeting", root)
    assert result.exit_code == 0, result.stderr
    note = next(n for n in load(root).notes if n.stem == "6-thirty-years-of-neaspec")
    paragraphs = [b for c in note.chapters for b in c.blocks if isinstance(b, Paragraph)]
    assert [(i.label, inline_text(i.content)) for i in paragraphs[1].subitems] == [
        ("(a)", "A draft statement;"), ("(b)", "A summary of thirty years of cooperation.")]
    assert [i.label for i in paragraphs[3].subitems] == ["(a)", "(b)"]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(out, "PNG")
    return out.getvalue()


def test_what_cannot_be_carried_is_a_warning_at_its_paragraph(tmp_path: Path) -> None:
    doc = docx.Document()
    for line in MASTHEAD:
        doc.add_paragraph(line)
    doc.add_paragraph("1.\tThe Forum heard from the cities.").add_run().add_picture(io.BytesIO(_png()))
    changed = doc.add_paragraph("2.\tThe Meeting ")
    changed._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="X" w:date="2023-01-01T00:00:00Z">'
                                '<w:r><w:t>warmly </w:t></w:r></w:ins>'))
    changed._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="X" w:date="2023-01-01T00:00:00Z">'
                                '<w:r><w:delText>coldly </w:delText></w:r></w:del>'))
    changed.add_run("welcomed the plan.")
    boxed = doc.add_paragraph("3.\tA paragraph with a text box.")
    boxed._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
        '<w:txbxContent><w:p><w:r><w:t>Boxed words</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>'
        '</w:pict></w:r>'))
    commented = doc.add_paragraph("4.\tA paragraph with a comment.")
    commented._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:commentReference w:id="0"/></w:r>'))
    dated = doc.add_paragraph("5.\tPrinted on ")
    dated._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" DATE "><w:r><w:t>1 May</w:t></w:r>'
                              '</w:fldSimple>'))
    doc.add_paragraph("A remark typed without a number.")
    source = tmp_path / "statement.docx"
    doc.save(source)
    root = meeting(tmp_path)
    result = run_cli("import", source, "--meeting", root, "--name", "statement")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith('statement.docx: paragraph 14 ("1. The Forum heard from the c')
    assert "warning: a picture is not carried over" in lines[0]
    assert any(line.startswith('statement.docx: paragraph 15 ("2. The Meeting warmly welcomed')
               and "tracked change" in line for line in lines)
    assert any(line.startswith("statement.docx: paragraph 16") and "a text box is not carried over" in line
               for line in lines)
    assert any(line.startswith("statement.docx: paragraph 17") and "a comment is not carried over" in line
               for line in lines)
    assert any(line.startswith("statement.docx: paragraph 18") and "a DATE field" in line for line in lines)
    assert lines[-1] == ('statement.docx: paragraph 19 ("A remark typed without a numbe..."): warning: '
                         "a paragraph without a number becomes a numbered paragraph")
    text = (root / "notes" / "statement.md").read_text(encoding="utf-8")
    assert "The Meeting warmly welcomed the plan." in text and "coldly" not in text
    assert "Boxed words" not in text


def _docx_bytes() -> bytes:
    doc = docx.Document()
    for line in MASTHEAD:
        doc.add_paragraph(line)
    doc.add_paragraph("1.\tA paragraph.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _rewrite(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info)))
        if change("extra", None):
            target.writestr("word/media/bomb.bin", change("extra", None))
    return out.getvalue()


def _with_dtd(name: str, body: bytes | None) -> bytes | None:
    if name == "word/document.xml":
        return body.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
    return body


def _with_bomb(name: str, body: bytes | None) -> bytes | None:
    return b"\0" * (300 * 2**20) if name == "extra" else body


def _as_docm(name: str, body: bytes | None) -> bytes | None:
    if name == "[Content_Types].xml":
        return body.replace(b"wordprocessingml.document.main+xml",
                            b"ms-word.document.macroEnabled.main+xml")
    return body


@pytest.mark.parametrize("case, words", [
    ("dtd", "declares a DTD"),
    ("bomb", "zip bomb"),
    ("docm", "macro"),
    ("text", "is not a Word document"),
    ("damaged", "is not a Word document"),
])
def test_a_hostile_or_damaged_file_is_refused(tmp_path: Path, case: str, words: str) -> None:
    data = _docx_bytes()
    made = {"dtd": lambda: _rewrite(data, _with_dtd), "bomb": lambda: _rewrite(data, _with_bomb),
            "docm": lambda: _rewrite(data, _as_docm), "text": lambda: b"Dear colleagues,\n",
            "damaged": lambda: data[: len(data) // 2]}[case]()
    source = tmp_path / "note.docx"
    source.write_bytes(made)
    root = meeting(tmp_path)
    result = run_cli("import", source, "--meeting", root)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source}: error: ") and words in result.stderr, result.stderr  # as given
    assert not (root / "notes").exists()


def test_markdown_and_expression_characters_in_word_text_stay_text(tmp_path: Path) -> None:
    words = "Costs {{ meeting.title }} rose 5*3 [sic] <b> {#x} by_far _x_ `c` \\ end."
    doc = docx.Document()
    for line in MASTHEAD:
        doc.add_paragraph(line)
    doc.add_paragraph(f"1.\t{words}")
    source = tmp_path / "a.docx"
    doc.save(source)
    root = meeting(tmp_path)
    assert run_cli("import", source, "--meeting", root, "--name", "a").exit_code == 0
    note = next(n for n in load(root).notes if n.stem == "a")
    assert inline_text(note.chapters[0].blocks[0].content) == words


def test_a_note_by_a_government_keeps_its_author_line(tmp_path: Path) -> None:
    """"Note by the Government of Mongolia" under the title becomes author_line:, and builds back."""
    source = tmp_path / "statement.docx"
    typed_note(source, heading_styles=False)
    doc = docx.Document(source)
    author = next(p for p in doc.paragraphs if p.text == "Note by the Secretariat")
    author.text = "Note by the Government of Mongolia"
    doc.save(source)
    root = meeting(tmp_path)
    result = run_cli("import", source, "--meeting", root)
    assert result.exit_code == 0, result.stderr
    text = (root / "notes" / "6-thirty-years-of-neaspec.md").read_text(encoding="utf-8")
    assert "\nauthor_line: Note by the Government of Mongolia\n" in text
    note = next(n for n in load(root).notes if n.stem == "6-thirty-years-of-neaspec")
    assert note.masthead.author_line == "Note by the Government of Mongolia"
    assert note.title == "Thirty Years of NEASPEC"
