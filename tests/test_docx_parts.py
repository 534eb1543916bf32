"""The DOCX package: whole, reopenable, deterministic, metadata and styles from the sources and reference."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import zipfile

import docx
import pytest
from lxml import etree

from conftest import REPO, SAMPLE
from test_docx_helpers import (NS, REFERENCE, W, document, documents, docx_without_office, notes, paragraph_text,
                               part, part_names)
from toolkit.errors import Diagnostics
from toolkit.model.document import BulletList, ListItem
from toolkit.render.docx import note_docx, render_docx
from toolkit.render.docx.write.pictures import load_pictures
from toolkit.render.docx.reference.make import reference_docx
from toolkit.model.scripts import HAN_OR_KANA

ALL = sorted(documents())
STORY_PARTS = ("word/document.xml", "word/footnotes.xml", "word/header1.xml", "word/header2.xml",
               "word/footer1.xml", "word/footer2.xml")


def _val(node: etree._Element | None) -> str | None:
    return None if node is None else node.get(f"{{{W}}}val")


@pytest.mark.parametrize("key", ALL)
def test_zip_is_whole_and_python_docx_reopens_it(key, tmp_path):
    data = docx_without_office(key)
    if shutil.which("unzip") is None:
        pytest.skip("unzip is not installed (Debian package unzip, deps/debian.txt)")
    path = tmp_path / "note.docx"
    path.write_bytes(data)
    tested = subprocess.run(["unzip", "-t", str(path)], capture_output=True, text=True)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    reopened = docx.Document(io.BytesIO(data))
    texts = [p.text for p in reopened.paragraphs]
    assert document(key).masthead.distribution in texts


def test_same_sources_give_the_same_bytes():
    note = notes()["5d-low-carbon-cities"]
    pages = {"chI": 2, "chII": 2, "chIII": 3}
    pictures = load_pictures(note, SAMPLE, Diagnostics())
    first, second = render_docx(note, REFERENCE, pages, pictures=pictures), render_docx(note, REFERENCE, pages,
                                                                                         pictures=pictures)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("key", ALL)
def test_core_properties_come_from_the_sources(key):
    note = document(key)
    core = part(docx_without_office(key), "docProps/core.xml")
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
          "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}

    def get(path: str) -> str | None:
        return core.findtext(path, namespaces=ns)

    midnight = f"{note.date.isoformat()}T00:00:00Z"
    assert get("dc:title") == note.title
    assert get("dc:subject") == note.meeting_title
    assert get("dc:creator") == get("cp:lastModifiedBy") == note.organization
    assert get("dcterms:created") == get("dcterms:modified") == midnight
    assert get("cp:revision") == "1"
    assert b"python-docx" not in etree.tostring(core)


def _reference_styles() -> etree._Element:
    return part(REFERENCE.read_bytes(), "word/styles.xml")


@pytest.mark.parametrize("key", ALL)
def test_every_style_used_is_a_named_style_of_the_reference(key):
    data = docx_without_office(key)
    reference = {s.get(f"{{{W}}}styleId"): (s.get(f"{{{W}}}type"), _val(s.find("w:name", NS)))
                 for s in _reference_styles().iterfind("w:style", NS)}
    in_docx = {s.get(f"{{{W}}}styleId") for s in part(data, "word/styles.xml").iterfind("w:style", NS)}
    assert in_docx == set(reference), "the writer must not add or drop styles"
    headers = {name for name in part_names(data) if name.startswith("word/header")}
    assert bool(headers) == bool(document(key).running_head), "no symbol: no header part (write/page.py)"
    for name in (n for n in STORY_PARTS if n in part_names(data) or not n.startswith("word/header")):
        tree = part(data, name)
        for tag, kind in (("pStyle", "paragraph"), ("rStyle", "character")):
            for node in tree.iter(f"{{{W}}}{tag}"):
                assert reference.get(_val(node), (None,))[0] == kind, f"{name}: unknown {kind} style {_val(node)}"
        unstyled = [paragraph_text(p) for p in tree.iter(f"{{{W}}}p") if p.find("w:pPr/w:pStyle", NS) is None
                    and etree.QName(p.getparent()).localname != "footnote"]
        assert unstyled == [], f"{name}: paragraphs without a named style"


@pytest.mark.parametrize("key", ALL)
def test_the_body_has_no_direct_formatting(key):
    body = part(docx_without_office(key), "word/document.xml").find("w:body", NS)
    paragraphs = list(body.iterfind("w:p", NS))
    for p_props in body.iter(f"{{{W}}}pPr"):
        kinds = {etree.QName(c).localname for c in p_props}
        if "jc" in kinds:  # the other exception: a paragraph quoting Chinese or Japanese, flush left
            text = "".join(t.text or "" for t in p_props.getparent().iter(f"{{{W}}}t"))
            assert _val(p_props.find("w:jc", NS)) == "left" and HAN_OR_KANA.search(text), text
            kinds.discard("jc")
        if next(p_props.iterancestors(f"{{{W}}}tc"), None) is not None:  # a table's rows kept together
            kinds.discard("keepNext")  # (render/table_breaks.py), as Word does it: keep with next
        if "pageBreakBefore" in kinds:  # the body's first paragraph: no space above it at the page's top
            assert p_props.find("w:spacing", NS).attrib == {f"{{{W}}}before": "0"}
            kinds.discard("spacing")
        assert kinds <= {"pStyle", "numPr", "pageBreakBefore"}, kinds
    # One exception: the body after the contents starts a page, as in the PDF.
    toc = [i for i, p in enumerate(paragraphs) if _val(p.find("w:pPr/w:pStyle", NS)) in ("TOC1", "TOC2")]
    breaks = [i for i, p in enumerate(paragraphs) if p.find("w:pPr/w:pageBreakBefore", NS) is not None]
    assert breaks == ([toc[-1] + 1] if toc else [])
    for r_props in body.iter(f"{{{W}}}rPr"):
        for child in r_props:
            kind = etree.QName(child).localname
            attrs = {etree.QName(a).localname for a in child.attrib}
            # a name, month or number a line's end never divides: w:noProof and the language "zxx"
            # (render/docx/write/inline.py), as Word marks text "Do not check spelling or grammar"
            kept_whole = kind == "noProof" or (kind == "lang" and child.get(f"{{{W}}}val") == "zxx")
            assert (kind == "rStyle" or (kind == "rFonts" and attrs == {"eastAsia", "hint"}) or kept_whole
                    or (kind == "lang" and attrs in ({"eastAsia"}, {"val"}))), etree.tostring(child)


@pytest.mark.parametrize("key", ["som-26/5d-low-carbon-cities", "tm-1/2a-lists"])
def test_headings_are_heading_styles_with_outline_levels(key):
    data = docx_without_office(key)
    styles = {s.get(f"{{{W}}}styleId"): s for s in part(data, "word/styles.xml").iterfind("w:style", NS)}
    by_name = {_val(s.find("w:name", NS)): i for i, s in styles.items()}
    assert _val(styles[by_name["heading 1"]].find("w:pPr/w:outlineLvl", NS)) == "0"
    assert _val(styles[by_name["heading 2"]].find("w:pPr/w:outlineLvl", NS)) == "1"
    body = part(data, "word/document.xml")
    chapters = [paragraph_text(p) for p in body.iter(f"{{{W}}}p")
                if _val(p.find("w:pPr/w:pStyle", NS)) == by_name["heading 1"]]
    note = document(key)
    assert chapters == ["".join(t.text for t in c.title) for c in note.chapters if c.numeral]


def test_the_reference_is_what_reference_make_writes():
    assert REFERENCE.read_bytes() == reference_docx(), "run: python -m toolkit.render.docx.reference.make"


def _reference_variant(tmp_path, name: str, change) -> str:
    """A copy of the reference with one XML part changed."""
    with zipfile.ZipFile(REFERENCE) as source:
        entries = [(i.filename, source.read(i)) for i in source.infolist()]
    path = tmp_path / "reference.docx"
    with zipfile.ZipFile(path, "w") as target:
        for filename, data in entries:
            if filename == name:
                tree = etree.fromstring(data)
                change(tree)
                data = etree.tostring(tree)
            target.writestr(filename, data)
    return path


def test_a_reference_without_a_needed_style_is_one_error(tmp_path):
    def drop_subitem(styles):
        for style in styles.iterfind("w:style", NS):
            if _val(style.find("w:name", NS)) == "Sub-item":
                styles.remove(style)

    diags = Diagnostics()
    path = _reference_variant(tmp_path, "word/styles.xml", drop_subitem)
    assert note_docx(notes()["1-opening"], path, diags, soffice=None) is None
    assert [d.message for d in diags.errors] == ["reference document lacks the paragraph style 'Sub-item'"]


def test_a_reference_whose_list_prints_other_numbers_is_an_error(tmp_path):
    def parenthesize(numbering):
        numbering.find("w:abstractNum/w:lvl/w:lvlText", NS).set(f"{{{W}}}val", "%1)")

    diags = Diagnostics()
    path = _reference_variant(tmp_path, "word/numbering.xml", parenthesize)
    assert note_docx(notes()["1-opening"], path, diags, soffice=None) is None
    assert "Word would number it '1)', the note has '1.'" in diags.errors[0].message


def test_a_node_the_writer_has_no_rule_for_is_an_error():
    @dataclasses.dataclass(frozen=True)
    class Table:
        rows: tuple = ()

    note = notes()["1-opening"]
    chapter = dataclasses.replace(note.chapters[0], blocks=note.chapters[0].blocks + (Table(),))
    with pytest.raises(TypeError, match="no rule for Table"):
        render_docx(dataclasses.replace(note, chapters=(chapter,)), REFERENCE, {})
    strange = BulletList(items=(ListItem(label=None, content=(Table(),)),))
    chapter = dataclasses.replace(note.chapters[0], blocks=(strange,))
    with pytest.raises(TypeError, match="no rule for Table"):
        render_docx(dataclasses.replace(note, chapters=(chapter,)), REFERENCE, {})



def test_the_text_area_is_computed_in_one_place():
    """Tables, pictures and attached pages are fitted to reference/target.py's text_area() alone."""
    found = [path.relative_to(REPO).as_posix() for path in sorted((REPO / "toolkit" / "render" / "docx").rglob("*.py"))
             if "left_margin - " in path.read_text(encoding="utf-8")]
    assert found == ["toolkit/render/docx/reference/target.py"]
