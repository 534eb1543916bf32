"""The revision's DOCX with Word tracked changes against the issued note: its XML, and LibreOffice's reading.

tests/meetings/revisions: the issued note and the current one (a number changed in
paragraph 5, paragraph 7 rewritten, a paragraph inserted after it, footnote 1 changed).
"""

from __future__ import annotations

import copy
import re
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from toolkit.errors import Diagnostics
from toolkit.render import office
from toolkit.render.docx import note_docx
from toolkit.revisions.tracked import tracked_docx
from toolkit.model.build import load

from conftest import MEETINGS, REPO

REVISIONS = MEETINGS / "revisions"
REFERENCE = REPO / "templates" / "reference.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
AUTHOR = "NEASPEC Secretariat"
DATE = dt.date(2023, 11, 2)


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@pytest.fixture(scope="module")
def notes():
    return load(REVISIONS / "issued").notes[0], load(REVISIONS / "current").notes[0]


@pytest.fixture(scope="module")
def tracked(notes) -> bytes:
    issued, current = notes
    data = tracked_docx(issued, current, REFERENCE, Diagnostics(), author=AUTHOR, date=DATE,
                        meeting_root=REVISIONS / "current", soffice=None)
    assert data is not None
    return data


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def clean(note, root) -> bytes:
    data = note_docx(note, REFERENCE, Diagnostics(), soffice=None, meeting_root=root)
    assert data is not None
    return data


# ---- accepting and rejecting, as Word does -------------------------------------------


def _unwrap(node: etree._Element) -> None:
    parent = node.getparent()
    at = parent.index(node)
    for offset, child in enumerate(list(node)):
        parent.insert(at + offset, child)
    parent.remove(node)


def _resolve(root: etree._Element, keep: str) -> etree._Element:
    """Every change accepted (keep="ins") or rejected (keep="del")."""
    root = copy.deepcopy(root)
    drop = "del" if keep == "ins" else "ins"
    for p in root.iter(q("p")):
        for kept in p.findall(f"w:pPr/w:rPr/w:{keep}", NS):
            kept.getparent().remove(kept)
    for node in list(root.iter(q(drop))):
        if node.getparent().tag != q("rPr"):
            node.getparent().remove(node)
    for node in list(root.iter(q(keep))):
        _unwrap(node)
    for node in root.iter(q("delText")):
        node.tag = q("t")
    for node in root.iter(q("delInstrText")):
        node.tag = q("instrText")
    for p in list(root.iter(q("p"))):
        if p.find(f"w:pPr/w:rPr/w:{drop}", NS) is not None:  # the mark goes, and its text went with the runs
            assert not "".join(p.itertext()).strip()
            p.getparent().remove(p)
    return root


def texts(root: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(q("t"))) for p in root.iter(q("p"))]


def body_from_first_chapter(root: etree._Element) -> list[str]:
    found = texts(root)
    return found[found.index("BACKGROUND"):]


# ---- the XML ------------------------------------------------------------------


def test_changed_words_are_revisions_by_the_author_on_the_date(tracked):
    body = part(tracked, "word/document.xml")
    marks = body.findall(".//w:ins", NS) + body.findall(".//w:del", NS)
    assert marks and all(m.get(q("author")) == AUTHOR and m.get(q("date")) == "2023-11-02T00:00:00Z"
                         for m in marks)
    paragraph_5 = next(p for p in body.iter(q("p")) if "Since the last session" in "".join(p.itertext()))
    deleted = ["".join(d.itertext()) for d in paragraph_5.iter(q("del"))]
    inserted = ["".join(i.itertext()) for i in paragraph_5.iter(q("ins"))]
    assert deleted == ["150"] and inserted == ["200"]
    assert [t.text for t in paragraph_5.iter(q("delText"))] == ["150"]


def test_a_new_paragraph_has_its_mark_inserted(tracked):
    body = part(tracked, "word/document.xml")
    new = next(p for p in body.iter(q("p")) if "A fourth forum" in "".join(p.itertext()))
    assert new.find("w:pPr/w:rPr/w:ins", NS) is not None
    assert all(r.getparent().tag == q("ins") for r in new.findall(".//w:r", NS))


def test_footnote_text_changes_are_tracked_in_footnotes_xml(tracked):
    notes = part(tracked, "word/footnotes.xml")
    assert [t.text for t in notes.iter(q("delText"))] == ["2022"]
    assert ["".join(i.itertext()) for i in notes.iter(q("ins"))] == ["2023"]


def test_ids_are_unique_and_the_bytes_the_same_each_time(notes, tracked):
    ids = [m.get(q("id")) for name in ("word/document.xml", "word/footnotes.xml")
           for m in part(tracked, name).iter(q("ins"), q("del"))]
    assert len(ids) == len(set(ids)) > 4
    issued, current = notes
    again = tracked_docx(issued, current, REFERENCE, Diagnostics(), author=AUTHOR, date=DATE,
                         meeting_root=REVISIONS / "current", soffice=None)
    assert again == tracked


def test_accepting_all_gives_the_clean_docx_and_rejecting_all_the_issued_one(notes, tracked):
    issued, current = notes
    current_docx, issued_docx = clean(current, REVISIONS / "current"), clean(issued, REVISIONS / "issued")
    for name in ("word/document.xml", "word/footnotes.xml"):
        merged = part(tracked, name)
        assert texts(_resolve(merged, "ins")) == texts(part(current_docx, name))
        assert texts(_resolve(merged, "ins")) != texts(_resolve(merged, "del"))
    accepted_body = body_from_first_chapter(_resolve(part(tracked, "word/document.xml"), "del"))
    assert accepted_body == body_from_first_chapter(part(issued_docx, "word/document.xml"))
    assert texts(_resolve(part(tracked, "word/footnotes.xml"), "del")) == texts(part(issued_docx,
                                                                                     "word/footnotes.xml"))


def test_the_layout_is_the_clean_docx_one(notes, tracked):
    """Same writer, same styles: paragraph for paragraph, the styles of the accepted text are the clean DOCX's."""
    issued, current = notes
    def styles(root):
        return [(p.find("w:pPr/w:pStyle", NS).get(q("val")) if p.find("w:pPr/w:pStyle", NS) is not None else None)
                for p in root.iter(q("p"))]
    assert styles(_resolve(part(tracked, "word/document.xml"), "ins")) == styles(
        part(clean(current, REVISIONS / "current"), "word/document.xml"))


# ---- LibreOffice's reading ------------------------------------------------------------

OFFICE = office.find()
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ON = {"text": TEXT, "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "dc": "http://purl.org/dc/elements/1.1/"}


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_changes(tracked):
    fodt = etree.fromstring(office.convert([tracked], OFFICE, source="docx", target="fodt")[0])
    regions = fodt.findall(".//text:tracked-changes/text:changed-region", ON)
    kinds = {}
    for region in regions:
        change = region[0]
        kind = etree.QName(change).localname
        assert change.findtext("office:change-info/dc:creator", namespaces=ON) == AUTHOR
        assert change.findtext("office:change-info/dc:date", namespaces=ON).startswith("2023-11-02")
        kinds.setdefault(kind, []).append(changed_text(fodt, region))
    assert set(kinds) == {"insertion", "deletion"}
    assert "150" in kinds["deletion"] and "200" in kinds["insertion"]
    assert "2022" in kinds["deletion"] and "2023" in kinds["insertion"]  # in the footnote


def changed_text(fodt: etree._Element, region: etree._Element) -> str:
    """The words of a change: kept in the region (a deletion, in older LibreOffice) or marked in
    the text between text:change-start and text:change-end."""
    ident = region.get(f"{{{TEXT}}}id")
    kept = "".join(t for p in region.iter(f"{{{TEXT}}}p") for t in p.itertext())
    body = etree.tostring(fodt, encoding="unicode")
    marked = re.findall(f'<text:change-start text:change-id="{ident}"/>(.*?)'
                        f'<text:change-end text:change-id="{ident}"/>', body, re.S)
    return kept + "".join(re.sub(r"<[^>]+>", "", m) for m in marked)


@pytest.mark.slow
@pytest.mark.office
def test_a_bullet_added_to_a_list_is_one_insertion(sample_build: Path):
    """The sample's 5a revision adds one Technical Centre to a list of four: only that item is inserted,
    and the four that stay are not deleted and inserted again."""
    body = part((sample_build / "5a-air-pollution-rev1-changes.docx").read_bytes(), "word/document.xml")
    inserted = "".join(t.text or "" for ins in body.iter(q("ins")) for t in ins.iter(q("t")))
    deleted = "".join(t.text or "" for t in body.iter(q("delText")))
    assert "Asia Center for Air Pollution Research, Japan;" in inserted
    for kept in ("Chinese Research Academy", "National Institute of Environmental Research",
                 "Scientific Research Institute for Atmospheric Air Protection"):
        assert kept not in inserted and kept not in deleted
