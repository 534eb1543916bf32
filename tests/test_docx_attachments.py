"""Annexes appended as they are, in the DOCX: a PDF's pages as pictures, a Word file's body in our styles."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import pickle
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Cm
from lxml import etree

from conftest import copy_meeting
from test_docx_helpers import NS, REFERENCE, W, paragraph_text, part, part_names
from toolkit.errors import Diagnostics, Position
from toolkit.render import office
from toolkit.render.docx import note_docx, render_docx
from toolkit.render.docx.attached.annex import load_attachments
from toolkit.model.build import load

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
ALL_NS = NS | {"wp": WP, "a": A, "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture"}
EMU_PER_TWIP = 635
PAGES = {"chI": 2, "chII": 2, "chIII": 3}  # contents page numbers, so no LibreOffice is needed
needs_office = pytest.mark.skipif(office.find() is None,
                                  reason="LibreOffice (soffice or libreoffice) is not installed: "
                                         "apt-get install libreoffice-writer-nogui (listed in deps/debian.txt)")


# ---- the attached files, made here ---------------------------------------------------

@functools.cache
def attached_pdf() -> bytes:
    """Three pages: two A4 portrait, one A4 landscape, each saying which it is."""
    import weasyprint

    html = """<style>@page { size: A4; margin: 2cm } @page wide { size: A4 landscape }
              .wide { page: wide } section { break-after: page; font: 24pt serif }</style>
              <section>Attached page one</section><section>Attached page two</section>
              <section class="wide">Attached page three, landscape</section>"""
    return weasyprint.HTML(string=html).write_pdf()


def tiny_png(width: int = 4, height: int = 2) -> bytes:
    """A red PNG, written by hand (zlib and struct) so the test needs no imaging library."""
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _w(tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    node = OxmlElement(tag)
    for name, value in attrs.items():
        node.set(qn(f"w:{name}"), value)
    if text is not None:
        node.text = text
    return node


def _run(text: str) -> etree._Element:
    r = _w("w:r")
    r.append(_w("w:t", text))
    return r


def _hyperlink(paragraph, url: str, text: str) -> None:
    link = _w("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    link.append(_run(text))
    paragraph._p.append(link)


def _complex_field(paragraph, code: str, result: str) -> None:
    for node in (_w("w:fldChar", fldCharType="begin"), _w("w:instrText", code), _w("w:fldChar", fldCharType="separate"),
                 None, _w("w:fldChar", fldCharType="end")):
        r = _run(result) if node is None else _w("w:r")
        if node is not None:
            r.append(node)
        paragraph._p.append(r)


@functools.cache
def attached_docx() -> bytes:
    d = docx.Document()
    d.add_heading("Joint statement", level=0)  # style Title: our reference has none
    d.add_heading("Background", level=1)
    p = d.add_paragraph("The partners agree on ")
    p.add_run("bold words").bold = True
    p.add_run(" and ")
    p.add_run("italic words").italic = True
    p.add_run(".")
    d.add_comment(p.runs[1], text="Check the wording", author="Editor")
    d.styles.add_style("Signature Block", WD_STYLE_TYPE.PARAGRAPH)
    signed = d.add_paragraph("Signed for the partners", style="Signature Block")
    signed._p.insert(1, _w("w:bookmarkStart", id="7", name="_TocchI"))  # one of our bookmark names
    signed._p.insert(2, _w("w:bookmarkStart", id="8", name="Signed"))
    signed._p.append(_w("w:bookmarkEnd", id="7"))
    signed._p.append(_w("w:bookmarkEnd", id="8"))
    d.add_paragraph("First numbered point", style="List Number")
    d.add_paragraph("Second numbered point", style="List Number")
    table = d.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for row, words in zip(table.rows, (("Partner", "Role"), ("KEI", "Host")), strict=True):
        for cell, word in zip(row.cells, words, strict=True):
            cell.text = word
    d.add_picture(io.BytesIO(tiny_png()), width=Cm(4))
    links = d.add_paragraph("See ")
    _hyperlink(links, "https://example.org/statement", "the statement online")
    links.add_run(" or ")
    _hyperlink(links, "file:///C:/Users/drafter/secret.docx", "the local copy")
    links.add_run(".")
    fields = d.add_paragraph("Fields: ")
    _complex_field(fields, ' INCLUDETEXT "C:\\\\secret.docx" ', "included text")
    _complex_field(fields, ' HYPERLINK "https://example.org/field" ', "a web field")
    simple = _w("w:fldSimple", instr=' INCLUDEPICTURE "file:///secret.png" ')
    simple.append(_run("included picture"))
    fields._p.append(simple)
    note = d.add_paragraph("A sentence with a footnote.")
    marker = _w("w:r")
    marker.append(_w("w:footnoteReference", id="1"))
    note._p.append(marker)
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    alternate = etree.fromstring(
        f'<mc:AlternateContent xmlns:mc="{mc}" xmlns:w="{W}"><mc:Choice Requires="wps"><w:t>choice text</w:t>'
        '</mc:Choice><mc:Fallback><w:t>fallback text</w:t></mc:Fallback></mc:AlternateContent>')
    r = _w("w:r")
    r.append(alternate)
    d.add_paragraph("Shape: ")._p.append(r)
    d.add_paragraph("A bullet of the source", style="List Bullet")  # our reference has this style too
    contents = etree.fromstring(  # Word's contents: a building block holding a TOC field
        f'<w:sdt xmlns:w="{W}"><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        '</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:hyperlink w:anchor="_Toc1"><w:r><w:rPr><w:webHidden/></w:rPr><w:t>Background</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '</w:p></w:sdtContent></w:sdt>')
    d.element.body.sectPr.addprevious(contents)
    d.add_page_break()
    d.add_paragraph("After the break")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


# ---- a meeting with the file as Annex II ------------------------------------------------

def meeting_with(tmp_path: Path, name: str, data: bytes) -> Path:
    """The basic meeting, with `name` as Annex II (Annex III, Plan of work, comes after it)."""
    meeting = copy_meeting("basic", tmp_path)
    note = meeting / "notes" / "cities.md"
    note.write_text(note.read_text().replace(
        "  - title: Plan of work\n", f"  - title: A signed statement\n    file: annexes/{name}\n"
                                     "  - title: Plan of work\n"))
    (meeting / "annexes" / name).write_bytes(data)
    return meeting


def documents_of(meeting: Path):
    loaded = load(meeting)
    return loaded.notes[0], next(a for a in loaded.annexes if a.stem == "cities-annex-II")


def render(note, meeting: Path | None) -> tuple[bytes, Diagnostics]:
    diags = Diagnostics()
    data = note_docx(note, REFERENCE, diags, pages=PAGES, soffice=None, meeting_root=meeting)
    assert data is not None and not diags.errors, [str(d) for d in diags.items]
    return data, diags


@pytest.fixture(scope="module")
def with_pdf(tmp_path_factory):
    meeting = meeting_with(tmp_path_factory.mktemp("pdf"), "statement.pdf", attached_pdf())
    note, alone = documents_of(meeting)
    return meeting, note, alone, render(note, meeting)[0]


@pytest.fixture(scope="module")
def with_docx(tmp_path_factory):
    meeting = meeting_with(tmp_path_factory.mktemp("docx"), "statement.docx", attached_docx())
    note, alone = documents_of(meeting)
    data, diags = render(note, meeting)
    return meeting, note, alone, data, diags


# ---- reading our DOCX ---------------------------------------------------------------------

def body_of(data: bytes) -> list[etree._Element]:
    return list(part(data, "word/document.xml").find("w:body", NS))


def style_of(node: etree._Element) -> str | None:
    found = node.find("w:pPr/w:pStyle", NS)
    return None if found is None else found.get(f"{{{W}}}val")


def annex_ii_and_next(data: bytes) -> tuple[list[etree._Element], etree._Element]:
    """The body elements after Annex II's title up to the next annex heading (or the body's
    sectPr), and that next element."""
    body = body_of(data)
    start = next(i for i, node in enumerate(body) if style_of(node) in ("AnnexHeading", "MastheadAnnexHeading")
                 and paragraph_text(node) in ("Annex II", "Annex II to ESCAP/NEASPEC/SOM(T)/2b"))
    assert style_of(body[start + 1]) == "AnnexTitle" and paragraph_text(body[start + 1]) == "A signed statement"
    rest = body[start + 2:]
    end = next((i for i, node in enumerate(rest) if style_of(node) == "AnnexHeading"), len(rest) - 1)
    return rest[:end], rest[end]


def annex_ii(data: bytes) -> list[etree._Element]:
    return annex_ii_and_next(data)[0]


def relationships(data: bytes) -> dict[str, etree._Element]:
    rels = part(data, "word/_rels/document.xml.rels")
    return {rel.get("Id"): rel for rel in rels.iterfind(f"{{{RELS}}}Relationship")}


def read(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", png[16:24])


def assert_whole(data: bytes, tmp_path: Path) -> docx.document.Document:
    path = tmp_path / "annexed.docx"
    path.write_bytes(data)
    if shutil.which("unzip"):
        tested = subprocess.run(["unzip", "-t", str(path)], capture_output=True, text=True)
        assert tested.returncode == 0, tested.stdout + tested.stderr
    return docx.Document(io.BytesIO(data))


def office_pages(data: bytes) -> list:
    """(text, number of images) of each page, as LibreOffice lays the DOCX out."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(office.convert([data], office.find())[0])) as pdf:
        return [((page.extract_text() or ""), len(page.images)) for page in pdf.pages]


def text_area(data: bytes) -> tuple[int, int]:
    """Width and height of our page's text area, in EMU."""
    section = docx.Document(io.BytesIO(data)).sections[0]
    return (section.page_width - section.left_margin - section.right_margin,
            section.page_height - section.top_margin - section.bottom_margin)


def pictures(nodes: list[etree._Element]) -> list[etree._Element]:
    return [inline for node in nodes for inline in node.iterfind(".//wp:inline", ALL_NS)]


def picture_bytes(data: bytes, inline: etree._Element) -> bytes:
    r_id = inline.find(".//a:blip", ALL_NS).get(f"{{{NS['r']}}}embed")
    rel = relationships(data)[r_id]
    assert rel.get("Type").endswith("/image") and rel.get("TargetMode") is None
    return read(data, "word/" + rel.get("Target"))


# ---- an attached PDF: its pages as pictures ---------------------------------------------

def test_each_pdf_page_follows_as_a_picture_on_its_own_page(with_pdf):
    *_, data = with_pdf
    nodes = annex_ii(data)
    assert [style_of(n) for n in nodes] == ["AttachmentPage"] * 3
    assert [len(pictures([n])) for n in nodes] == [1, 1, 1], "one page, one picture, one paragraph"
    assert [p.find("wp:docPr", ALL_NS).get("descr") for p in pictures(nodes)] == [
        f"Annex II. A signed statement, page {n} of 3 of the attached document" for n in (1, 2, 3)]
    after = annex_ii_and_next(data)[1]
    assert (style_of(after), paragraph_text(after)) == ("AnnexHeading", "Annex III")
    styles = part(data, "word/styles.xml")
    page_style = styles.find("w:style[@w:styleId='AttachmentPage']", NS)
    assert page_style.find("w:name", NS).get(f"{{{W}}}val") == "Attachment Page"
    assert page_style.find("w:pPr/w:pageBreakBefore", NS) is not None, "each picture starts a page"


def test_page_pictures_are_pngs_fitted_to_the_text_area(with_pdf):
    *_, data = with_pdf
    width, height = text_area(data)
    sizes = []
    for inline in pictures(annex_ii(data)):
        png = picture_bytes(data, inline)
        pixels = png_size(png)
        extent = inline.find("wp:extent", ALL_NS)
        cx, cy = int(extent.get("cx")), int(extent.get("cy"))
        assert cx <= width and cy <= height
        assert max(cx / width, cy / height) > 0.99, "as large as the text area allows"
        assert abs(cx / cy - pixels[0] / pixels[1]) < 0.01, "its proportions kept"
        sizes.append(pixels)
    a4 = (round(210 / 25.4 * 150), round(297 / 25.4 * 150))  # 150 dpi
    for (w, h), expected in zip(sizes, [a4, a4, a4[::-1]], strict=True):
        assert abs(w - expected[0]) <= 2 and abs(h - expected[1]) <= 2


def test_the_docx_with_pdf_pages_is_whole_and_the_same_each_time(with_pdf, tmp_path):
    meeting, note, _, data = with_pdf
    reopened = assert_whole(data, tmp_path)
    assert len(reopened.inline_shapes) == 3
    assert render(note, meeting)[0] == data, "the same sources give the same bytes"
    assert len([n for n in part_names(data) if n.startswith("word/media/")]) == 3


def test_an_annex_issued_alone_carries_the_pdf_pages(with_pdf):
    meeting, _, alone, _ = with_pdf
    data = render(alone, meeting)[0]
    nodes = annex_ii(data)
    assert style_of(nodes[0]) == "AttachmentPage" and len(nodes) == 3
    # issued alone, it is named as its note's annex (issue 18)
    assert pictures(nodes)[0].find("wp:docPr", ALL_NS).get("descr") == \
        "Annex II to ESCAP/NEASPEC/SOM(T)/2b. A signed statement, page 1 of 3 of the attached document"


def test_a_translated_notes_pages_are_described_in_its_language_in_both_formats(tmp_path):
    """The model's wording describes an attached page once, in the document's language: the DOCX
    picture's description is the PDF's alternative text (it was English in the DOCX)."""
    from toolkit.render.pdf.html import environment, render_note_html
    from toolkit import TEMPLATES

    meeting = meeting_with(tmp_path, "statement.pdf", attached_pdf())
    settings = meeting / "meeting.yaml"
    settings.write_text("language: ru\n" + settings.read_text(encoding="utf-8"), encoding="utf-8")
    note, _ = documents_of(meeting)
    annex = note.annexes[1]
    assert annex.heading == "Приложение II"
    pages = [node for node in body_of(render(note, meeting)[0]) if style_of(node) == "AttachmentPage"]
    described = [inline.find("wp:docPr", ALL_NS).get("descr") for inline in pictures(pages)]
    expected = [f"Приложение II. A signed statement, страница {n} из 3 прилагаемого документа" for n in (1, 2, 3)]
    assert described == expected
    html = render_note_html(note, environment(TEMPLATES), {annex.anchor: 3}, meeting)
    assert [f'data-pdf-alt="{alt}"' in html for alt in expected] == [True] * 3


@pytest.mark.slow
@pytest.mark.office
@needs_office
def test_libreoffice_lays_the_pages_out_after_the_annex_heading_page(with_pdf):
    *_, note, _, data = with_pdf
    pages = office_pages(data)
    heading = next(i for i, (text, _) in enumerate(pages) if text.split("\n")[1:3] == ["Annex II",
                                                                                       "A signed statement"])
    furniture = {note.running_head, *(str(n) for n in range(1, len(pages) + 1))}
    for text, images in pages[heading + 1:heading + 4]:
        assert images == 1 and set(text.split("\n")) <= furniture, text
    assert "Annex III" in pages[heading + 4][0]


# ---- problems with the file: errors naming it ---------------------------------------------

def test_without_the_meeting_folder_the_attachment_is_an_error(with_pdf):
    _, note, _, _ = with_pdf
    diags = Diagnostics()
    assert note_docx(note, REFERENCE, diags, pages=PAGES, soffice=None) is None
    assert [d.position for d in diags.errors] == [Position("annexes/statement.pdf", 1)]
    assert "'annexes/statement.pdf'" in diags.errors[0].message


def _damaged_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    return out.getvalue()


def _with_macros() -> bytes:
    """The attached Word file, marked as a macro-enabled document (.docm) renamed .docx."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(attached_docx())) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"officedocument.wordprocessingml.document.main+xml",
                                    b"ms-word.document.macroEnabled.main+xml")
            target.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("name, damaged, words", [
    ("statement.pdf", b"%PDF-1.7\nnot really a PDF", "is not a readable PDF"),
    ("statement.docx", _damaged_zip(), "is not a readable Word document"),
    ("statement.docx", _with_macros(), "is a Word file with macros"),
    ("statement.pdf", None, "cannot be read for the DOCX"),
])
def test_an_unreadable_attachment_is_an_error_naming_it(tmp_path, name, damaged, words):
    meeting = meeting_with(tmp_path, name, attached_pdf() if name.endswith(".pdf") else attached_docx())
    note, _ = documents_of(meeting)  # checked whole when read; damaged afterwards, as a disk might
    path = meeting / "annexes" / name
    if damaged is None:
        path.unlink()
    else:
        path.write_bytes(damaged)
        digest = hashlib.sha256(damaged).hexdigest()
        note = dataclasses.replace(note, annexes=tuple(
            dataclasses.replace(a, attachment=dataclasses.replace(a.attachment, sha256=digest)) if a.attachment
            else a for a in note.annexes))
    diags = Diagnostics()
    assert note_docx(note, REFERENCE, diags, pages=PAGES, soffice=None, meeting_root=meeting) is None
    assert [d.position for d in diags.errors] == [Position(f"annexes/{name}", 1)]
    assert words in diags.errors[0].message and f"'annexes/{name}'" in diags.errors[0].message


def test_a_file_changed_after_the_meeting_was_read_is_an_error(tmp_path):
    meeting = meeting_with(tmp_path, "statement.pdf", attached_pdf())
    note, _ = documents_of(meeting)
    (meeting / "annexes" / "statement.pdf").write_bytes(attached_pdf() + b"\n% appended")
    diags = Diagnostics()
    assert load_attachments(note, meeting, diags) is None
    assert "changed while the meeting was being built" in diags.errors[0].message


# ---- an attached Word file: its body in our document ---------------------------------------

def test_the_word_body_follows_the_annex_title_in_order(with_docx):
    *_, data, _ = with_docx
    nodes = annex_ii(data)
    texts = [paragraph_text(n) if etree.QName(n).localname == "p" else "<table>" for n in nodes]
    assert texts == ["Joint statement", "Background", "The partners agree on bold words and italic words.",
                     "Signed for the partners", "First numbered point", "Second numbered point", "<table>", "",
                     "See the statement online or the local copy.",
                     "Fields: included texta web fieldincluded picture", "A sentence with a footnote.",
                     "Shape: fallback text", "A bullet of the source", "Background1", " ", "After the break"]
    after = annex_ii_and_next(data)[1]
    assert (style_of(after), paragraph_text(after)) == ("AnnexHeading", "Annex III")
    table = nodes[6]
    assert [paragraph_text(c) for c in table.iterfind("w:tr/w:tc", NS)] == ["Partner", "Role", "KEI", "Host"]


def test_styles_we_have_are_ours_the_others_are_dropped(with_docx):
    *_, data, _ = with_docx
    nodes = annex_ii(data)
    # heading 1 takes the annex chapters' style, which stays out of the contents
    assert style_of(nodes[1]) == "AnnexChapterHeading"
    # Title and Signature Block: not in our reference, so not in the DOCX either
    assert style_of(nodes[0]) == style_of(nodes[3]) == "AttachmentText"
    names = {s.find("w:name", NS).get(f"{{{W}}}val") for s in part(data, "word/styles.xml").iterfind("w:style", NS)}
    reference = {s.find("w:name", NS).get(f"{{{W}}}val")
                 for s in part(REFERENCE.read_bytes(), "word/styles.xml").iterfind("w:style", NS)}
    assert names == reference and "Signature Block" not in names
    runs = nodes[2].findall("w:r", NS)
    assert [r.findtext("w:t", namespaces=NS) for r in runs if r.find("w:rPr/w:b", NS) is not None] == ["bold words"]
    assert [r.findtext("w:t", namespaces=NS) for r in runs if r.find("w:rPr/w:i", NS) is not None] == ["italic words"]
    table = nodes[6]
    assert table.find("w:tblPr/w:tblStyle", NS) is None
    assert table.find("w:tblPr/w:tblBorders/w:insideH", NS) is not None, "Table Grid's rules, kept directly"


def test_numbered_paragraphs_keep_their_list(with_docx):
    *_, data, _ = with_docx
    nodes = annex_ii(data)
    num_ids = {n.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val") for n in nodes[4:6]}
    assert len(num_ids) == 1
    num_id = num_ids.pop()
    numbering = part(data, "word/numbering.xml")
    assert num_id not in {"1", "2"}, "a list of its own, not the note's paragraph or bullet list"
    abstract_id = numbering.find(f"w:num[@w:numId='{num_id}']/w:abstractNumId", NS).get(f"{{{W}}}val")
    level = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl[@w:ilvl='0']", NS)
    assert level.find("w:numFmt", NS).get(f"{{{W}}}val") == "decimal"
    assert level.find("w:lvlText", NS).get(f"{{{W}}}val") == "%1."
    assert level.find("w:pStyle", NS) is None, "no link to a style of the source"
    kinds = [etree.QName(c).localname for c in numbering]
    assert kinds == sorted(kinds, key=lambda k: k != "abstractNum"), "every abstractNum before the nums"


def test_a_style_of_ours_keeps_the_source_list(with_docx):
    *_, data, _ = with_docx
    bullet = annex_ii(data)[12]
    assert style_of(bullet) == "ListBullet"
    num_id = bullet.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val")
    assert num_id not in {"1", "2"}, "the source's bullets, not the note's list"


def test_the_contents_of_the_source_become_text(with_docx):
    *_, data, diags = with_docx
    toc = annex_ii(data)[13]
    assert etree.QName(toc).localname == "p" and paragraph_text(toc) == "Background1"
    assert not list(toc.iter(f"{{{W}}}fldChar")) and not list(toc.iter(f"{{{W}}}webHidden"))
    assert not [n for n in annex_ii(data) for n in n.iter(f"{{{W}}}sdt")]
    assert toc.find("w:hyperlink", NS).get(f"{{{W}}}anchor") == "_Toc1", "an internal link stays"
    assert any("contents and index fields" in d.message for d in diags.warnings)


def test_the_picture_is_copied_into_our_package(with_docx):
    *_, data, _ = with_docx
    inline, = pictures(annex_ii(data))
    assert picture_bytes(data, inline) == tiny_png()
    ids = [d.get("id") for d in part(data, "word/document.xml").iter(f"{{{WP}}}docPr")]
    assert len(ids) == len(set(ids))


def test_web_links_survive_and_file_links_become_plain_text(with_docx):
    *_, data, _ = with_docx
    links = annex_ii(data)[8].findall("w:hyperlink", NS)
    assert [paragraph_text(link) for link in links] == ["the statement online"]
    rel = relationships(data)[links[0].get(f"{{{NS['r']}}}id")]
    assert (rel.get("Target"), rel.get("TargetMode")) == ("https://example.org/statement", "External")
    assert not [r for r in relationships(data).values() if not r.get("Target").startswith(("https:", "http:"))
                and r.get("TargetMode") == "External"]


def test_what_belongs_to_the_source_is_left_out(with_docx, tmp_path):
    *_, data, diags = with_docx
    document = part(data, "word/document.xml")
    nodes = annex_ii(data)
    for tag in ("commentReference", "commentRangeStart", "commentRangeEnd", "footnoteReference", "sectPr"):
        assert not [n for node in nodes for n in node.iter(f"{{{W}}}{tag}")], tag
    assert len(list(document.iter(f"{{{W}}}sectPr"))) == 1, "ours, the one at the end of the body"
    assert "word/comments.xml" not in part_names(data)
    assert not list(document.iter("{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"))
    codes = [n.text for n in document.iter(f"{{{W}}}instrText")] + [
        n.get(f"{{{W}}}instr") for n in document.iter(f"{{{W}}}fldSimple")]
    assert not [c for c in codes if "INCLUDE" in c]
    assert ' HYPERLINK "https://example.org/field" ' in codes, "a web link field is kept"
    names = [b.get(f"{{{W}}}name") for b in document.iter(f"{{{W}}}bookmarkStart")]
    assert names.count("_TocchI") == 1 and "Signed" in names, "ours kept, the colliding one dropped"
    ids = [b.get(f"{{{W}}}id") for b in document.iter(f"{{{W}}}bookmarkStart")]
    assert len(ids) == len(set(ids))
    warned = " ".join(d.message for d in diags.warnings if d.position == Position("annexes/statement.docx", 1))
    assert "footnotes" in warned and "links that are not http(s)" in warned and "include other files" in warned


def test_the_docx_with_word_content_is_whole_and_the_same_each_time(with_docx, tmp_path):
    meeting, note, _, data, _ = with_docx
    reopened = assert_whole(data, tmp_path)
    assert "After the break" in [p.text for p in reopened.paragraphs]
    assert render(note, meeting)[0] == data


def test_loaded_attachments_cross_to_another_process_and_give_the_same_docx(with_docx, with_pdf):
    """A DOCX draft (contents_pages.py) carries them from a worker to the main process, which writes it again."""
    for meeting, note, *_ in (with_pdf, with_docx[:4]):
        attached = load_attachments(note, meeting, Diagnostics())
        copied = pickle.loads(pickle.dumps(attached))
        assert copied == attached
        assert render_docx(note, REFERENCE, PAGES, copied) == render_docx(note, REFERENCE, PAGES, attached)


def test_an_annex_issued_alone_carries_the_word_content(with_docx):
    meeting, _, alone, _, _ = with_docx
    nodes = annex_ii(render(alone, meeting)[0])
    assert paragraph_text(nodes[0]) == "Joint statement" and paragraph_text(nodes[-1]) == "After the break"


@pytest.mark.slow
@pytest.mark.office
@needs_office
def test_libreoffice_shows_the_word_content_on_the_annex_heading_page(with_docx):
    *_, data, _ = with_docx
    pages = office_pages(data)
    heading = next(i for i, (text, _) in enumerate(pages) if text.split("\n")[1:3] == ["Annex II",
                                                                                       "A signed statement"])
    text, images = pages[heading]
    assert "Joint statement" in text and "The partners agree on bold words and italic words." in text
    assert "1. First numbered point" in text and "Partner Role" in text and images == 1
    assert "Background1" in text.replace(" ", ""), "the source's contents line, as text"
    assert "After the break" in pages[heading + 1][0]
    assert "Annex III" in pages[heading + 2][0]


# ---- the build, end to end ------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.office
def test_the_build_writes_the_attached_pages_into_the_docx(tmp_path):
    from conftest import run_cli

    meeting = meeting_with(tmp_path, "statement.pdf", attached_pdf())
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--format", "docx")
    assert result.exit_code == 0, result.stderr
    for name in ("cities.docx", "cities-annex-II.docx"):
        data = (out / name).read_bytes()
        assert [style_of(n) for n in annex_ii(data)] == ["AttachmentPage"] * 3, name
