"""A WordBody (an attached .docx, cleaned) -> paragraphs and tables of our DOCX, with our ids and styles.

Everything the source numbered for itself is numbered again here, so nothing collides
with what our document already holds: style ids (by name, through our reference), list
ids, relationship ids (pictures copied as parts of ours, links related anew), drawing
ids and bookmark ids. This runs once per layout round, on blocks parsed afresh.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from toolkit.render.docx.oxml import styles as S
from toolkit.render.docx.write.fields import Bookmarks
from toolkit.render.docx.oxml.ooxml import R, paragraph, val
from toolkit.render.docx.reference.target import Target
from toolkit.render.docx.attached.lists import OurLists
from toolkit.render.docx.attached.source import Resource, WordBody

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
STYLE_KINDS = {"pStyle": "paragraph", "rStyle": "character", "tblStyle": "table"}
# CT_TblPr children that come after w:tblBorders (schema order).
_AFTER_TBL_BORDERS = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange")


class WordPlacer:
    """Places attached Word bodies in one DOCX being written."""

    def __init__(self, target: Target, bookmarks: Bookmarks, reserved: set[str]):
        self.target = target
        self.styles = target.styles
        self.part = target.document.part
        self.bookmarks = bookmarks  # ours: ids go on from the note's bookmarks
        self.names = set(reserved)  # bookmark names already taken in our document

    def place(self, body: WordBody) -> None:
        blocks = [parse_xml(block) for block in body.blocks]  # python-docx's element classes (CT_PPr)
        lists = OurLists(self.target.lists.part, body.lists)
        for block in blocks:
            self._styles(block, body)
            self._lists(block, lists)
        self._relationships(blocks, body.resources)
        self._bookmarks(blocks)
        self._drawings(blocks)
        for block in blocks:
            _tidy(block)
        for block in blocks:
            self.target.append(block)
        if blocks and etree.QName(blocks[-1]).localname == "tbl":
            # Word wants a paragraph after a table before the section's end
            self.target.append(paragraph(self.styles.para(S.ATTACHMENT_TEXT)))

    def _our_style(self, kind: str, name: str) -> str | None:
        ours = self.styles.ids.get((kind, name.lower()))
        if kind == "paragraph" and ours == self.styles.para(S.CHAPTER):
            # Our heading 1 makes a line of the contents when Word updates them; the annex's
            # own headings are not in the contents, so they take the annex chapters' style.
            return self.styles.para(S.ANNEX_CHAPTER)
        if kind == "paragraph" and name.lower() == "normal":
            return None  # our Normal's exact line height would clip pictures: Attachment Text instead
        return ours

    def _styles(self, block: etree._Element, body: WordBody) -> None:
        """Styles whose name our reference has become ours; the others are dropped, keeping a
        table style's borders as direct formatting. A paragraph style's list is always made
        direct, so the numbers are the source's. A paragraph then without a style takes
        Attachment Text (Normal with lines that grow)."""
        for node in list(block.iter(*(qn(f"w:{tag}") for tag in STYLE_KINDS))):
            kind = STYLE_KINDS[etree.QName(node).localname]
            source = body.styles.get(node.get(qn("w:val")))
            ours = self._our_style(kind, source.name) if source is not None and source.kind == kind else None
            holder = node.getparent()
            if (source is not None and kind == "paragraph" and source.num and holder.getparent().tag == qn("w:p")
                    and holder.find(qn("w:numPr")) is None):
                # the source's numbers, even where our style of that name numbers with the note's list
                holder.get_or_add_numPr().extend([val("w:ilvl", source.num[1]), val("w:numId", source.num[0])])
            if ours is not None:
                node.set(qn("w:val"), ours)
                continue
            holder.remove(node)
            if source is None:
                continue
            if kind == "table" and source.borders is not None and holder.find(qn("w:tblBorders")) is None:
                later = next((c for c in holder if etree.QName(c).localname in _AFTER_TBL_BORDERS), None)
                borders = parse_xml(source.borders)
                if later is not None:
                    later.addprevious(borders)
                else:
                    holder.append(borders)
        text = self.styles.para(S.ATTACHMENT_TEXT)
        for p in block.iter(qn("w:p")):  # those left without a style, or never given one
            props = p.get_or_add_pPr()
            if props.find(qn("w:pStyle")) is None:
                props.get_or_add_pStyle().set(qn("w:val"), text)

    @staticmethod
    def _lists(block: etree._Element, lists: OurLists) -> None:
        for num_pr in list(block.iter(qn("w:numPr"))):
            num = num_pr.find(qn("w:numId"))
            if num is None:
                continue
            ours = lists.num_id(num.get(qn("w:val")))
            if ours is None:  # a list the source does not define: Word would show nothing either
                num_pr.getparent().remove(num_pr)
            else:
                num.set(qn("w:val"), ours)

    def _relationships(self, blocks: list[etree._Element], resources: dict[str, Resource]) -> None:
        related: dict[str, str] = {}  # token -> our rId
        for block in blocks:
            for node in block.iter():
                if not isinstance(node.tag, str):
                    continue
                for attr, value in node.attrib.items():
                    if attr.startswith(f"{{{R}}}") and value in resources:
                        if value not in related:
                            related[value] = self._relate(resources[value])
                        node.set(attr, related[value])

    def _relate(self, resource: Resource) -> str:
        if resource.url is not None:
            return self.part.relate_to(resource.url, resource.reltype, is_external=True)
        extension = "".join(ch for ch in resource.extension or "bin" if ch.isalnum()) or "bin"
        name = self.part.package.next_partname(f"/word/media/attached%d.{extension}")
        return self.part.relate_to(Part(name, resource.content_type, resource.blob, self.part.package), RT.IMAGE)

    def _bookmarks(self, blocks: list[etree._Element]) -> None:
        """Source bookmarks get ids after ours; one whose name is taken is dropped."""
        ids: dict[str, str | None] = {}
        for block in blocks:
            for start in list(block.iter(qn("w:bookmarkStart"))):
                name = start.get(qn("w:name"))
                if not name or name in self.names:
                    ids[start.get(qn("w:id"))] = None
                    start.getparent().remove(start)
                    continue
                self.names.add(name)
                old = start.get(qn("w:id"))
                ids[old] = str(self.bookmarks.next_id)
                self.bookmarks.next_id += 1
                start.set(qn("w:id"), ids[old])
        for block in blocks:
            for end in list(block.iter(qn("w:bookmarkEnd"))):
                ours = ids.get(end.get(qn("w:id")))
                if ours is None:
                    end.getparent().remove(end)
                else:
                    end.set(qn("w:id"), ours)

    def _drawings(self, blocks: list[etree._Element]) -> None:
        """Unique drawing ids; an inline picture wider than our text column shrinks to fit it."""
        next_id = self.part.next_id
        width = self.target.text_area()[0]
        for block in blocks:
            for doc_pr in block.iter(f"{{{WP}}}docPr"):
                doc_pr.set("id", str(next_id))
                next_id += 1
            for inline in block.iter(f"{{{WP}}}inline"):
                extent = inline.find(f"{{{WP}}}extent")
                cx = int(extent.get("cx", "0")) if extent is not None else 0
                if cx <= width:
                    continue
                for size in (extent, *inline.iter(f"{{{A}}}ext")):
                    if size.get("cx") and size.get("cy"):
                        size.set("cy", str(int(size.get("cy")) * width // int(size.get("cx"))))
                        size.set("cx", str(width))


def _tidy(block: etree._Element) -> None:
    """Drops the property and run elements that dropping styles, notes and fields left empty."""
    for node in list(block.iter(qn("w:pPr"), qn("w:rPr"))):
        if len(node) == 0 and not node.attrib:
            node.getparent().remove(node)
    for node in list(block.iter(qn("w:r"))):
        if all(etree.QName(child).localname == "rPr" for child in node):  # nothing left to show
            node.getparent().remove(node)
