"""templates/reference.docx -> an empty document to write into, with its styles and lists.

Like pandoc's --reference-doc: the writer keeps the reference's styles, lists, page
setup and fonts and replaces only the body, headers, footers, footnotes and metadata.
Anything the writer relies on is checked here, so a restyled reference that lost a
style fails with one clear line instead of a DOCX with Word's fallback looks.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from toolkit.render.docx.write.inline import CJK_FONTS, word_language
from toolkit.render.docx.write.numbering import Lists, NumberingMismatch
from toolkit.render.docx.oxml.styles import StyleMap


EMU_PER_TWIP = 635


class ReferenceProblem(Exception):
    """The reference document cannot serve; the message says why."""


@dataclass
class Target:
    document: Document
    styles: StyleMap
    lists: Lists

    @property
    def body(self) -> etree._Element:
        return self.document.element.body

    def append(self, node: etree._Element) -> None:
        self.body.sectPr.addprevious(node)  # the body ends with the section's properties

    def text_area(self) -> tuple[int, int]:
        """The page less its margins, (width, height) in EMU, from the reference's page setup: the one
        place the DOCX's text area is computed (tables, pictures and attached pages are fitted to it)."""
        section = self.document.sections[0]
        return (section.page_width - section.left_margin - section.right_margin,
                section.page_height - section.top_margin - section.bottom_margin)

    def text_width(self) -> int:
        """The text area's width in twips."""
        return int(self.text_area()[0] / EMU_PER_TWIP)

    def set_language(self, tag: str) -> None:
        """The document's default language (docDefaults), from the note.

        As Word does, w:val is the language of Latin and Cyrillic text and w:eastAsia that of
        Han text: a Chinese document keeps the reference's w:val for its Latin words (SOM-25,
        NEASPEC) and gets eastAsia zh-CN, the Chinese face for Han characters, and flush-left
        paragraphs (Word's justification spreads Han characters apart to fill a line)."""
        styles = self.document.styles.element
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if defaults is None:
            raise ReferenceProblem("styles.xml has no default run properties (w:docDefaults/w:rPrDefault)")
        lang = defaults.find(qn("w:lang"))
        if lang is None:
            lang = etree.SubElement(defaults, qn("w:lang"))  # w:lang is the last child this package uses
        if tag not in CJK_FONTS:
            lang.set(qn("w:val"), word_language(tag))
            return
        lang.set(qn("w:eastAsia"), word_language(tag))
        fonts = defaults.find(qn("w:rFonts"))
        if fonts is None:
            fonts = etree.Element(qn("w:rFonts"))
            defaults.insert(0, fonts)  # w:rFonts comes first in w:rPr
        fonts.set(qn("w:eastAsia"), CJK_FONTS[tag])
        for jc in styles.iter(qn("w:jc")):
            if jc.get(qn("w:val")) in ("both", "distribute"):
                jc.set(qn("w:val"), "left")


def open_reference(path: Path) -> Target:
    try:
        document = docx.Document(str(path))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise ReferenceProblem(f"cannot be read as a DOCX file ({exc})") from exc
    styles = StyleMap.read(document.styles.element)
    missing = styles.missing()
    if missing:
        raise ReferenceProblem(f"lacks the {', '.join(missing)}")
    try:
        lists = Lists.read(document.part.numbering_part.element, styles)
    except NumberingMismatch as exc:
        raise ReferenceProblem(str(exc)) from exc
    body = document.element.body
    if body.sectPr is None:
        raise ReferenceProblem("has no section properties (page size and margins) at the end of its body")
    for child in list(body):
        if child is not body.sectPr:
            body.remove(child)
    settings = document.settings.element
    for prompt in settings.findall(qn("w:updateFields")):  # it makes Word ask on every opening
        settings.remove(prompt)
    return Target(document, styles, lists)
