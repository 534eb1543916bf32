"""Fields, headers, footers and fonts of the DOCX: the contents, page numbers, running head, CJK runs."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from test_docx_helpers import (NS, REFERENCE, ROOT, W, document, documents, docx_without_office, paragraph_text, part,
                               root_of)
from toolkit.errors import Diagnostics
from toolkit.model.plain import inline_text
from toolkit.render.docx import note_docx

ALL = sorted(documents())
NOTES = [key for key in ALL if documents()[key].kind == "note"]
WITH_CONTENTS = [key for key in NOTES if documents()[key].contents]  # a short note has none (model/assemble.py)
FONTS = {"ko": ("Noto Serif CJK KR", "ko-KR"), "ja": ("Noto Serif CJK JP", "ja-JP"),
         "zh-CN": ("Noto Serif CJK SC", "zh-CN")}


def _val(node):
    return None if node is None else node.get(f"{{{W}}}val")


def _style(p):
    return _val(p.find("w:pPr/w:pStyle", NS))


def _fields(p: etree._Element) -> list[tuple[str, str]]:
    """(kind, text) of the fldChar and instrText runs of a paragraph, in order."""
    out = []
    for node in p.iter(f"{{{W}}}fldChar", f"{{{W}}}instrText"):
        out.append(("instr", node.text) if node.tag.endswith("instrText") else (node.get(f"{{{W}}}fldCharType"), ""))
    return out


@pytest.mark.parametrize("key", WITH_CONTENTS)
def test_contents_is_a_toc_field_with_cached_entries_and_pages(key):
    note = document(key)
    body = part(docx_without_office(key), "word/document.xml")
    paragraphs = list(body.iterfind("w:body/w:p", NS))
    toc = [p for p in paragraphs if _style(p) in ("TOC1", "TOC2")]
    assert len(toc) == len(note.contents)
    opening, closing = _fields(toc[0])[:3], _fields(toc[-1])[-1:]
    assert [kind for kind, _ in opening] == ["begin", "instr", "separate"] and closing == [("end", "")]
    assert re.fullmatch(r' TOC \\o "1-1" \\f \\h \\z ', opening[1][1])
    bookmarks = {b.get(f"{{{W}}}name"): b.getparent() for b in body.iter(f"{{{W}}}bookmarkStart")}
    for entry, p in zip(note.contents, toc, strict=True):
        text = paragraph_text(p)
        link = p.find("w:hyperlink", NS).get(f"{{{W}}}anchor")
        instructions = [t for kind, t in _fields(p) if kind == "instr" and "PAGEREF" in t]
        if entry.kind == "chapter":
            assert _style(p) == "TOC1" and text == f"{entry.label} {inline_text(entry.title)} 2"
            assert instructions == [f" PAGEREF {link} \\h "]
            heading = bookmarks[link]
            assert _style(heading) == "Heading1"
            # the numeral is Word numbering of the style (test_docx_numbering), the title is text
            assert paragraph_text(heading) == inline_text(entry.title)
        else:  # annex lines as in the PDF: no page number; a TC field in the annex heading
            assert _style(p) == "TOC2" and text == f"{entry.label} {inline_text(entry.title)}"
            assert instructions == []
            heading = bookmarks[link]
            assert _style(heading) == "AnnexHeading"
            tc = [t for kind, t in _fields(heading) if kind == "instr"]
            assert tc == [f' TC "{entry.label} {inline_text(entry.title)}" \\l 2 \\n ']
    assert part(docx_without_office(key), "word/settings.xml").find("w:updateFields", NS) is None


@pytest.mark.parametrize("key", ALL)
def test_page_numbers_and_running_head_from_page_2(key):
    data = docx_without_office(key)
    sect = part(data, "word/document.xml").find("w:body/w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    rels = {r.get("Id"): r.get("Target") for r in part(data, "word/_rels/document.xml.rels")}
    refs = {(ref.tag.rsplit("}", 1)[1], ref.get(f"{{{W}}}type")): rels[ref.get(f"{{{NS['r']}}}id")]
            for ref in sect if ref.tag.endswith("Reference")}
    first_footer = part(data, f"word/{refs['footerReference', 'first']}")
    assert "".join(first_footer.itertext()) == ""
    running_head = document(key).running_head
    if running_head is None:  # no symbol: no header at all, rather than an empty one (write/page.py)
        assert not any(kind == "headerReference" for kind, _ in refs)
    else:
        first_header = part(data, f"word/{refs['headerReference', 'first']}")
        assert "".join(first_header.itertext()) == ""
        header = part(data, f"word/{refs['headerReference', 'default']}")
        assert "".join(header.itertext()) == running_head
        assert [_style(p) for p in header.iterfind("w:p", NS)] == ["Header"]
    footer = part(data, f"word/{refs['footerReference', 'default']}")
    p = footer.find("w:p", NS)
    assert _style(p) == "Footer"
    assert [kind for kind, _ in _fields(p)] == ["begin", "instr", "separate", "end"]
    assert _fields(p)[1][1] == " PAGE "


@pytest.mark.parametrize("key", NOTES)
def test_annexes_start_new_pages(key):
    data = docx_without_office(key)
    styles = {s.get(f"{{{W}}}styleId"): s for s in part(data, "word/styles.xml").iterfind("w:style", NS)}
    assert styles["AnnexHeading"].find("w:pPr/w:pageBreakBefore", NS) is not None
    headings = [paragraph_text(p) for p in part(data, "word/document.xml").iter(f"{{{W}}}p")
                if _style(p) == "AnnexHeading"]
    assert headings == [a.heading for a in document(key).annexes]


@pytest.mark.parametrize("key", ["som-26/5a-air-pollution", "som-26/5d-low-carbon-cities", "tm-1/2a-lists"])
def test_cjk_runs_carry_their_east_asian_font_and_language(key):
    body = part(docx_without_office(key), "word/document.xml")
    tagged = 0
    for r in body.iter(f"{{{W}}}r"):
        text = "".join(t.text or "" for t in r.iterfind("w:t", NS))
        cjk = re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text)
        fonts, lang = r.find("w:rPr/w:rFonts", NS), r.find("w:rPr/w:lang", NS)
        cyrillic = re.search(r"[\u0400-\u04ff]", text)
        assert bool(cjk) == (fonts is not None), text
        kept_whole = lang is not None and lang.get(f"{{{W}}}val") == "zxx"  # never hyphenated (inline.py)
        assert bool(cjk or cyrillic) == (lang is not None and not kept_whole), text
        if cyrillic and not cjk:
            assert lang.get(f"{{{W}}}val") in ("ru-RU", "mn-MN")
        if cjk:
            tagged += 1
            font, tag = fonts.get(f"{{{W}}}eastAsia"), lang.get(f"{{{W}}}eastAsia")
            assert (font, tag) in FONTS.values()
            if re.search(r"[\uac00-\ud7af]", text):
                assert (font, tag) == FONTS["ko"]
            if re.search(r"[\u3040-\u30ff]", text):
                assert (font, tag) == FONTS["ja"]
    assert tagged


def test_document_language_and_fonts_are_set_in_the_defaults():
    styles = part(docx_without_office("som-26/5d-low-carbon-cities"), "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:lang", NS).get(f"{{{W}}}val") == "en-GB"  # note.language "en"
    fonts = defaults.find("w:rFonts", NS)
    assert fonts.get(f"{{{W}}}ascii") == fonts.get(f"{{{W}}}hAnsi") == "Times New Roman"
    table = part(REFERENCE.read_bytes(), "word/fontTable.xml")
    alt = table.find("w:font[@w:name='Times New Roman']/w:altName", NS)
    assert _val(alt) == "Liberation Serif"


def test_without_libreoffice_the_pages_passed_in_are_used_and_said():
    note = document("som-26/5d-low-carbon-cities")
    diags = Diagnostics()
    data = note_docx(note, REFERENCE, diags, pages={"chI": 2, "chII": 3, "chIII": 5}, soffice=None,
                     meeting_root=root_of("som-26/5d-low-carbon-cities"))
    body = part(data, "word/document.xml")
    shown = [paragraph_text(p).rsplit(" ", 1)[1] for p in body.iterfind("w:body/w:p", NS) if _style(p) == "TOC1"]
    assert shown == ["2", "3", "5"]
    assert [d.severity for d in diags.items] == ["warning"]
    assert "taken from the PDF layout" in diags.items[0].message and "LibreOffice" in diags.items[0].message

    diags = Diagnostics()
    data = note_docx(note, REFERENCE, diags, soffice=None, meeting_root=root_of("som-26/5d-low-carbon-cities"))
    body = part(data, "word/document.xml")
    results = [p for p in body.iterfind("w:body/w:p", NS) if _style(p) == "TOC1"]
    assert len(results) == 3  # the chapters' lines (TOC1); the annexes' follow them in a style of their own
    assert all(paragraph_text(p).endswith(inline_text(e.title) + " ")
               for p, e in zip(results, note.contents, strict=False))
    assert "left empty" in diags.items[0].message


def test_without_libreoffice_the_pdf_pages_are_used():
    from toolkit.render.docx.chapter_pages import chapter_pages
    from toolkit.render.pdf.html import environment
    from toolkit.render.pdf import note_pdf

    key = "som-26/5d-low-carbon-cities"
    note, templates = document(key), ROOT / "templates"
    rendered = note_pdf(note, environment(templates), templates, root_of(key), Diagnostics())
    pdf = rendered[0] if isinstance(rendered, tuple) else rendered
    diags = Diagnostics()
    data = note_docx(note, REFERENCE, diags, pdf=pdf, soffice=None, meeting_root=root_of(key))
    body = part(data, "word/document.xml")
    shown = {p.find("w:hyperlink", NS).get(f"{{{W}}}anchor"): paragraph_text(p).rsplit(" ", 1)[1]
             for p in body.iterfind("w:body/w:p", NS) if _style(p) == "TOC1"}
    assert shown == {f"_Toc{anchor}": str(page) for anchor, page in chapter_pages(pdf, note).items()}
    assert set(shown.values()) > {"2"}, "the sample's chapters start on pages 2 and 3"
    assert "taken from the PDF layout" in diags.items[0].message
