"""A Figure of the model -> its caption, the picture inline (alternative text in wp:docPr), its source.

The picture is as wide as in the PDF (an SVG across the text width, a PNG or JPEG at
96 pixels an inch), never wider than the text nor taller than the text area, keeping
its aspect ratio. PNG and JPEG go through python-docx's image parts; an SVG is its own
part, referenced from an asvg:svgBlip extension of the blip whose main picture is its
PNG (pictures.py): Word 2016 and later draw the SVG, others the PNG.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from lxml import etree

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from toolkit.model.document import Figure
from toolkit.render.docx.oxml import styles as S
from toolkit.render.docx.write.captions import InlineRuns, caption, notes_below
from toolkit.render.docx.write.fields import Bookmarks
from toolkit.render.docx.oxml.ooxml import el, paragraph, run
from toolkit.render.docx.write.pictures import Picture
from toolkit.render.docx.reference.target import Target
from toolkit.render.docx.reference.target import EMU_PER_TWIP

EMU_PER_PIXEL = 9525  # at 96 pixels an inch, CSS's pixel
SLACK = 2268  # twips (4 cm) of the text area kept for the caption and source with a very tall picture
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"  # Office 2016's SVG blip extension
ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


class FigureWriter:
    def __init__(self, target: Target, inline: InlineRuns, bookmarks: Bookmarks, pictures: Mapping[str, Picture]):
        self.target = target
        self.styles = target.styles
        self.inline = inline
        self.bookmarks = bookmarks
        self.pictures = pictures

    def write(self, figure: Figure, props: list[etree._Element] | None = None) -> list[etree._Element]:
        head = caption(self.styles, self.inline, self.bookmarks, "figure", figure.caption_word, figure.number or "",
                       figure.title, figure.anchor, props, figure.ordinal if figure.restart else None)
        drawing = el("w:drawing", None, self._inline(figure))
        return [head, paragraph(self.styles.para(S.FIGURE), run(drawing)),
                *notes_below(self.styles, self.inline, figure.source, ())]

    def _size(self, figure: Figure) -> tuple[int, int]:
        box_width, height = self.target.text_area()
        box_height = height - SLACK * EMU_PER_TWIP
        image = figure.image
        if image.width <= 0 or image.height <= 0:
            raise ValueError(f"{figure.position}: picture {image.path!r} has no width or height")
        natural = box_width if image.format == "svg" else image.width * EMU_PER_PIXEL
        width = min(natural, box_width, box_height * image.width / image.height)
        return int(width), int(width * image.height / image.width)

    def _inline(self, figure: Figure) -> etree._Element:
        picture = self.pictures.get(figure.image.path)
        if picture is None:
            raise ValueError(f"picture {figure.image.path!r} was not loaded for the DOCX")
        part = self.target.document.part
        shown = picture.fallback if picture.format == "svg" else picture.data
        if shown is None:
            raise ValueError(f"picture {figure.image.path!r} has no PNG drawn from its SVG")
        r_id, _ = part.get_or_add_image(io.BytesIO(shown))
        width, height = self._size(figure)
        name = figure.caption or figure.image.path.rsplit("/", 1)[-1]
        inline = CT_Inline.new_pic_inline(part.next_id, r_id, figure.image.path.rsplit("/", 1)[-1], width, height)
        inline.docPr.set("name", name)
        # What a screen reader says for the picture; the title names it in Word's selection pane.
        inline.docPr.set("descr", figure.alt)
        inline.docPr.set("title", figure.alt)
        if picture.format == "svg":
            add_svg(self.target, inline, picture.data)
        return inline


def add_svg(target: Target, inline: etree._Element, data: bytes) -> None:
    """The SVG as its own part, drawn by Word 2016 and later in place of the PNG."""
    part = target.document.part
    partname = part.package.next_partname("/word/media/image%d.svg")
    svg = Part(PackURI(partname), "image/svg+xml", data, part.package)
    r_id = part.relate_to(svg, RT.IMAGE)
    blip = inline.find(f".//{{{A}}}blip")
    extension = etree.SubElement(etree.SubElement(blip, f"{{{A}}}extLst"), f"{{{A}}}ext", uri=SVG_EXTENSION)
    svg_blip = etree.SubElement(extension, f"{{{ASVG}}}svgBlip", nsmap={"asvg": ASVG})
    svg_blip.set(qn("r:embed"), r_id)
