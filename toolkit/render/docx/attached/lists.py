"""Styles and lists of an attached .docx -> what our DOCX keeps of them: style names, list definitions.

Styles: content keeps a style reference only where our reference has a style of that name
(place.py), so of each source style only its name is needed, plus the two things
whose loss would change what the annex says or shows: the list a paragraph style numbers
with, and a table style's borders (the grid of a table). Lists: each list the content uses,
directly or through such a style, is copied into our numbering part under new ids, so its
numbers ("1.", "(a)") stay; definitions that only point at the source's styles are cut loose.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from toolkit.render.docx.oxml.ooxml import W, el, val


@dataclass(frozen=True)
class SourceStyle:
    name: str
    kind: str  # paragraph | character | table | numbering
    num: tuple[str, str] | None  # (numId, ilvl) a paragraph style numbers with, following basedOn
    borders: bytes | None  # a table style's w:tblBorders, following basedOn


@dataclass(frozen=True)
class SourceList:
    abstract_key: str  # the source abstractNumId: lists sharing one count on together in Word
    abstract: bytes  # the w:abstractNum, cleaned
    overrides: tuple[bytes, ...]  # the w:num's w:lvlOverride children


def _val(node: etree._Element | None) -> str | None:
    return None if node is None else node.get(qn("w:val"))


def read_styles(styles: etree._Element | None) -> dict[str, SourceStyle]:
    raw = {s.get(qn("w:styleId")): s for s in (styles if styles is not None else ())
           if s.tag == qn("w:style") and s.get(qn("w:styleId"))}

    def inherited(style_id: str, path: str) -> etree._Element | None:
        seen: set[str] = set()
        current: str | None = style_id
        while current in raw and current not in seen:
            seen.add(current)
            found = raw[current].find(path)
            if found is not None:
                return found
            current = _val(raw[current].find(qn("w:basedOn")))
        return None

    out = {}
    for style_id, style in raw.items():
        num_pr = inherited(style_id, f"{qn('w:pPr')}/{qn('w:numPr')}")
        num_id = _val(num_pr.find(qn("w:numId"))) if num_pr is not None else None
        num = (num_id, _val(num_pr.find(qn("w:ilvl"))) or "0") if num_id not in (None, "0") else None
        borders = inherited(style_id, f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
        out[style_id] = SourceStyle(_val(style.find(qn("w:name"))) or style_id, style.get(qn("w:type"), "paragraph"),
                                    num, _bytes(borders) if borders is not None else None)
    return out


def _clean(node: etree._Element) -> bytes:
    """A copy without links to the source's styles and picture bullets, and without
    attributes of later Word versions (w15) that our numbering part does not declare."""
    node = copy.deepcopy(node)
    for child in list(node.iter()):
        if not isinstance(child.tag, str) or etree.QName(child).namespace != W or etree.QName(child).localname in (
                "pStyle", "lvlPicBulletId", "numStyleLink", "styleLink"):
            if child is not node:
                child.getparent().remove(child)
            continue
        for attr in list(child.attrib):
            if etree.QName(attr).namespace != W:
                del child.attrib[attr]
    return _bytes(node)


def _bytes(node: etree._Element) -> bytes:
    """The element alone, declaring only the namespaces it uses (not all of the source root's)."""
    node = copy.deepcopy(node)
    etree.cleanup_namespaces(node)
    return etree.tostring(node)


def read_lists(numbering: etree._Element | None, styles: dict[str, SourceStyle],
               blocks: list[etree._Element]) -> dict[str, SourceList]:
    """The definitions of the lists the blocks number with (numPr, or their paragraph style's)."""
    if numbering is None:
        return {}
    wanted = {_val(n) for b in blocks for n in b.iter(qn("w:numId"))}
    wanted |= {styles[s].num[0] for b in blocks for s in map(_val, b.iter(qn("w:pStyle")))
               if s in styles and styles[s].num}
    nums = {n.get(qn("w:numId")): n for n in numbering.iterchildren(qn("w:num"))}
    abstracts = {a.get(qn("w:abstractNumId")): a for a in numbering.iterchildren(qn("w:abstractNum"))}
    by_style = {style.name: style for style in styles.values()}

    def abstract_of(num_id: str | None) -> tuple[str | None, etree._Element | None]:
        key = _val(nums[num_id].find(qn("w:abstractNumId"))) if num_id in nums else None
        return key, abstracts.get(key)

    out = {}
    for num_id in sorted(wanted - {None, "0"}):
        key, abstract = abstract_of(num_id)
        link = _val(abstract.find(qn("w:numStyleLink"))) if abstract is not None else None
        if link is not None:  # defined by a numbering style: the list that style numbers with
            style = styles.get(link) or by_style.get(link)
            key, abstract = abstract_of(style.num[0] if style and style.num else None)
        if abstract is None or abstract.find(qn("w:numStyleLink")) is not None:
            continue  # no definition to copy: the paragraphs lose the numbers (place.py)
        overrides = tuple(_clean(o) for o in nums[num_id].iterchildren(qn("w:lvlOverride")))
        out[num_id] = SourceList(key, _clean(abstract), overrides)
    return out


class OurLists:
    """Copies source lists into our numbering part, each once per placed attachment."""

    def __init__(self, part: etree._Element, lists: dict[str, SourceList]):
        self.part = part
        self.lists = lists
        self.nums: dict[str, str] = {}  # source numId -> ours
        self.abstracts: dict[str, str] = {}  # source abstractNumId -> ours

    def num_id(self, source_id: str) -> str | None:
        """Our numId for a source numId; None when the source defines no such list."""
        if source_id == "0":  # "no numbering", the same in every document
            return source_id
        if source_id not in self.nums and source_id in self.lists:
            self.nums[source_id] = self._add(self.lists[source_id])
        return self.nums.get(source_id)

    def _next(self, tag: str, attr: str) -> int:
        return max((int(n.get(qn(attr))) for n in self.part.iterchildren(qn(tag))), default=0) + 1

    def _add(self, source: SourceList) -> str:
        if source.abstract_key not in self.abstracts:
            abstract = parse_xml(source.abstract)
            abstract_id = str(self._next("w:abstractNum", "w:abstractNumId"))
            abstract.set(qn("w:abstractNumId"), abstract_id)
            # numbering.xml keeps every abstractNum before the first num (schema order)
            last = list(self.part.iterchildren(qn("w:abstractNum")))
            first_num = self.part.find(qn("w:num"))
            if last:
                last[-1].addnext(abstract)
            elif first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.part.insert(len(list(self.part.iterchildren(qn("w:numPicBullet")))), abstract)
            self.abstracts[source.abstract_key] = abstract_id
        num_id = str(self._next("w:num", "w:numId"))
        node = el("w:num", {"w:numId": num_id}, val("w:abstractNumId", self.abstracts[source.abstract_key]),
                  *(parse_xml(o) for o in source.overrides))
        cleanup = self.part.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(node)
        else:
            self.part.append(node)
        return num_id
