"""The masthead's emblem -> a picture floating at the top left of the first page.

It is anchored to the masthead's first paragraph and wraps nothing, so the symbol and
the distribution block keep their places at the right, as in the PDF (note.css).
"""

from __future__ import annotations

import io

from lxml import etree

from docx.oxml.shape import CT_Inline
from toolkit.model.document import Image
from toolkit.render.docx.reference.target import Target
from toolkit.render.docx.oxml.ooxml import el, run
from toolkit.render.docx.write.pictures import Picture

HEIGHT = int(18 / 25.4 * 914400)  # EMU: 18 mm, the height note.css gives it
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def emblem_run(target: Target, image: Image, alt: str, picture: Picture) -> etree._Element:
    part = target.document.part
    shown = picture.fallback if picture.format == "svg" else picture.data
    if shown is None:
        raise ValueError(f"emblem {image.path!r} has no PNG drawn from its SVG")
    if image.width <= 0 or image.height <= 0:
        raise ValueError(f"emblem {image.path!r} has no width or height")
    r_id, _ = part.get_or_add_image(io.BytesIO(shown))
    width = int(HEIGHT * image.width / image.height)
    inline = CT_Inline.new_pic_inline(part.next_id, r_id, image.path.rsplit("/", 1)[-1], width, HEIGHT)
    doc_pr = inline.docPr
    doc_pr.set("descr", alt)  # what a screen reader says
    doc_pr.set("title", alt)
    if picture.format == "svg":
        from toolkit.render.docx.write.figure import add_svg
        add_svg(target, inline, picture.data)
    return run(el("w:drawing", None, _anchored(inline, width)))


def _anchored(inline: etree._Element, width: int) -> etree._Element:
    """wp:inline -> wp:anchor at the top left of the text area, in front of nothing, wrapping nothing."""
    anchor = etree.Element(f"{{{WP}}}anchor", {
        "distT": "0", "distB": "0", "distL": "0", "distR": "0", "simplePos": "0", "relativeHeight": "1",
        "behindDoc": "0", "locked": "1", "layoutInCell": "1", "allowOverlap": "1"}, nsmap={"wp": WP})
    etree.SubElement(anchor, f"{{{WP}}}simplePos", x="0", y="0")
    for axis, relative in (("H", "margin"), ("V", "paragraph")):
        position = etree.SubElement(anchor, f"{{{WP}}}position{axis}", relativeFrom=relative)
        etree.SubElement(position, f"{{{WP}}}posOffset").text = "0"
    etree.SubElement(anchor, f"{{{WP}}}extent", cx=str(width), cy=str(HEIGHT))
    etree.SubElement(anchor, f"{{{WP}}}effectExtent", l="0", t="0", r="0", b="0")
    etree.SubElement(anchor, f"{{{WP}}}wrapNone")
    for child in list(inline):
        if etree.QName(child).localname in ("docPr", "cNvGraphicFramePr", "graphic"):
            anchor.append(child)
    return anchor
