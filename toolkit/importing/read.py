"""A Word file from outside -> its python-docx Document, checked like a reference DOCX, with what
reading its paragraphs needs: styles (names, list links, run looks), list levels and footnotes.

The file comes from anyone (a partner, an e-mail): it goes through the reference guard
first (zip bomb, DTD, macro document), is read from memory (never opened by Word or
LibreOffice, so nothing in it runs) and external relationships are never followed.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from toolkit.render.docx.oxml.guard import ReferenceRefused, checked_word

MAX_BYTES = 50 * 1024 * 1024  # the limit of an attached Word annex


class ImportRefused(Exception):
    """The file is not imported at all; the message says why, in the drafter's words."""


@dataclass(frozen=True)
class Look:
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    hidden: bool = False


@dataclass
class Style:
    name: str
    based_on: str | None
    num: tuple[str, int] | None  # (numId, ilvl) the style's own numbering
    look: dict[str, bool] = field(default_factory=dict)  # only what the style sets itself


def _flag(rpr: etree._Element | None, tag: str) -> bool | None:
    node = rpr.find(qn(f"w:{tag}")) if rpr is not None else None
    if node is None:
        return None
    return node.get(qn("w:val"), "true").lower() not in ("0", "false", "off", "none")


def _look(rpr: etree._Element | None) -> dict[str, bool]:
    look = {}
    for key, tag in (("bold", "b"), ("italic", "i"), ("hidden", "vanish")):
        value = _flag(rpr, tag)
        if value is not None:
            look[key] = value
    align = rpr.find(qn("w:vertAlign")) if rpr is not None else None
    if align is not None:
        look["superscript"] = align.get(qn("w:val")) == "superscript"
    return look


def _num_pr(ppr: etree._Element | None) -> tuple[str, int] | None:
    node = ppr.find(qn("w:numPr")) if ppr is not None else None
    if node is None:
        return None
    num_id = node.find(qn("w:numId"))
    ilvl = node.find(qn("w:ilvl"))
    return (num_id.get(qn("w:val")) if num_id is not None else "",
            int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0)


class WordFile:
    def __init__(self, name: str, document) -> None:
        self.name = name
        self.document = document
        self.part = document.part
        self.styles = self._read_styles()
        self.levels = self._read_levels()
        self.footnotes = self._read_notes(RT.FOOTNOTES, "w:footnote")
        self.endnotes = self._read_notes(RT.ENDNOTES, "w:endnote")

    # ---- parts ------------------------------------------------------------

    def _related(self, reltype: str) -> etree._Element | None:
        rel = next((r for r in self.part.rels.values() if r.reltype == reltype and not r.is_external), None)
        if rel is None:
            return None
        target = rel.target_part
        # A part python-docx has no class for comes as raw bytes: parse it without a DTD or entities
        element = getattr(target, "element", None)
        if element is None:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            element = etree.fromstring(target.blob, parser)
        return element

    def _read_styles(self) -> dict[str, Style]:
        root = self._related(RT.STYLES)
        styles = {}
        for node in root.iterchildren(qn("w:style")) if root is not None else ():
            name = node.find(qn("w:name"))
            based = node.find(qn("w:basedOn"))
            styles[node.get(qn("w:styleId"))] = Style(
                name.get(qn("w:val")) if name is not None else node.get(qn("w:styleId")),
                based.get(qn("w:val")) if based is not None else None,
                _num_pr(node.find(qn("w:pPr"))), _look(node.find(qn("w:rPr"))))
        return styles

    def _read_levels(self) -> dict[str, dict[int, str]]:
        """numId -> ilvl -> number format (decimal, lowerLetter, upperRoman, bullet ...)."""
        root = self._related(RT.NUMBERING)
        if root is None:
            return {}
        abstracts = {}
        for node in root.iterchildren(qn("w:abstractNum")):
            formats = {}
            for lvl in node.iterchildren(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                formats[int(lvl.get(qn("w:ilvl"), "0"))] = fmt.get(qn("w:val")) if fmt is not None else "decimal"
            abstracts[node.get(qn("w:abstractNumId"))] = formats
        levels = {}
        for node in root.iterchildren(qn("w:num")):
            abstract = node.find(qn("w:abstractNumId"))
            if abstract is not None:
                levels[node.get(qn("w:numId"))] = abstracts.get(abstract.get(qn("w:val")), {})
        return levels

    def _read_notes(self, reltype: str, tag: str) -> dict[str, etree._Element]:
        root = self._related(reltype)
        if root is None:
            return {}
        # separators (w:type) are Word's own, not notes
        return {n.get(qn("w:id")): n for n in root.iterchildren(qn(tag)) if n.get(qn("w:type")) in (None, "normal")}

    # ---- what a paragraph or run is -----------------------------------------

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            yield self.styles[style_id]
            style_id = self.styles[style_id].based_on

    def style_name(self, p: etree._Element) -> str:
        ppr = p.find(qn("w:pPr"))
        node = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = node.get(qn("w:val")) if node is not None else None
        if style_id is None:
            return "Normal"
        style = self.styles.get(style_id)
        return style.name if style else style_id

    def list_format(self, p: etree._Element) -> tuple[str, int] | None:
        """(number format, level) Word shows before the paragraph, or None: direct numbering first,
        then its style's (a style linked to a list numbers every paragraph it is given)."""
        ppr = p.find(qn("w:pPr"))
        num = _num_pr(ppr)
        if num is None:
            node = ppr.find(qn("w:pStyle")) if ppr is not None else None
            for style in self._chain(node.get(qn("w:val")) if node is not None else None):
                if style.num is not None:
                    num = style.num
                    break
        if num is None or num[0] in ("", "0"):
            return None
        fmt = self.levels.get(num[0], {}).get(num[1])
        return (fmt, num[1]) if fmt and fmt != "none" else None

    def run_look(self, r: etree._Element) -> Look:
        """A run's bold, italic, superscript, hidden: from its character style and its own
        properties. The paragraph style's look is left out on purpose: a heading's or a
        table header's italic is the style's business, not the text's emphasis."""
        rpr = r.find(qn("w:rPr"))
        look: dict[str, bool] = {}
        node = rpr.find(qn("w:rStyle")) if rpr is not None else None
        for style in reversed(list(self._chain(node.get(qn("w:val")) if node is not None else None))):
            look.update(style.look)
        look.update(_look(rpr))
        return Look(**look)

    def external_target(self, r_id: str | None) -> str | None:
        rel = self.part.rels.get(r_id) if r_id else None
        return rel.target_ref if rel is not None and rel.is_external else None

    def image(self, r_id: str | None) -> tuple[bytes, str] | None:
        """The blob and extension of an embedded picture (a linked one is never fetched)."""
        rel = self.part.rels.get(r_id) if r_id else None
        if rel is None or rel.is_external or rel.reltype != RT.IMAGE:
            return None
        return rel.target_part.blob, rel.target_part.partname.ext.lower()


def open_word(path: Path) -> WordFile:
    if path.suffix.lower() == ".docm":
        raise ImportRefused("is a macro-enabled document (.docm): save it as a Word document (.docx)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportRefused(f"is larger than {MAX_BYTES // 2**20} MB")
        data = checked_word(path.read_bytes())
    except ReferenceRefused as exc:
        raise ImportRefused(str(exc)) from None
    except OSError as exc:
        raise ImportRefused(f"cannot be read ({exc.strerror or exc})") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:  # python-docx names the content type it found
        raise ImportRefused(f"is not a Word document ({str(exc).split(', ')[-1]})") from None
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise ImportRefused(f"is a damaged Word document ({type(exc).__name__}: {exc})") from None
    return WordFile(path.name, document)
