"""Names and small builders -> WordprocessingML elements (w:p, w:r, w:pPr, w:rPr) in schema order.

Word rejects a document whose property children are out of the schema's order, so every
pPr and rPr this package writes goes through `ppr()`/`rpr()`, which sort them.
"""

from __future__ import annotations

from lxml import etree

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import OxmlElement

W = nsmap["w"]
R = nsmap["r"]

# ECMA-376 CT_PPrBase and CT_RPr child order (only the children this package uses).
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "numPr", "tabs",
              "suppressAutoHyphens", "autoSpaceDE", "autoSpaceDN", "spacing", "ind", "contextualSpacing", "jc",
              "outlineLvl", "rPr")
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "noProof", "vanish", "color", "sz", "szCs",
              "u", "vertAlign", "lang")


def el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """el("w:jc", {"w:val": "center"}) -> <w:jc w:val="center"/>."""
    # Declare r: on the element that uses it, so lxml never invents an "ns0" prefix.
    uses_r = any(name.startswith("r:") for name in (attrs or {}))
    element = OxmlElement(tag, nsdecls={"w": W, "r": R} if uses_r else None)
    for name, value in (attrs or {}).items():
        element.set(qn(name), str(value))
    for child in children:
        element.append(child)
    return element


def val(tag: str, value: object) -> etree._Element:
    return el(tag, {"w:val": str(value)})


def _ordered(tag: str, order: tuple[str, ...], children: list[etree._Element]) -> etree._Element:
    def rank(child: etree._Element) -> int:
        local = etree.QName(child).localname
        if local not in order:
            raise ValueError(f"{tag} child w:{local} has no place in this package's schema order")
        return order.index(local)

    return el(tag, None, *sorted(children, key=rank))


def ppr(*children: etree._Element) -> etree._Element:
    return _ordered("w:pPr", _PPR_ORDER, list(children))


def rpr(*children: etree._Element) -> etree._Element:
    return _ordered("w:rPr", _RPR_ORDER, list(children))


def text(value: str) -> etree._Element:
    node = el("w:t")
    node.text = value
    if value != value.strip() or "  " in value:
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


def run(content: str | etree._Element | None = None, style: str | None = None,
        extra: list[etree._Element] | None = None) -> etree._Element:
    """A w:r holding text (or one special child such as w:tab) in a character style."""
    props = ([val("w:rStyle", style)] if style else []) + list(extra or [])
    node = el("w:r")
    if props:
        node.append(rpr(*props))
    if isinstance(content, str):
        node.append(text(content))
    elif content is not None:
        node.append(content)
    return node


def paragraph(style: str | None, *children: etree._Element, props: list[etree._Element] | None = None
              ) -> etree._Element:
    """A w:p in a paragraph style; `props` are other pPr children (numPr, pageBreakBefore)."""
    node = el("w:p")
    all_props = ([val("w:pStyle", style)] if style else []) + list(props or [])
    if all_props:
        node.append(ppr(*all_props))
    for child in children:
        node.append(child)
    return node


def num_pr(num_id: int, ilvl: int) -> etree._Element:
    return el("w:numPr", None, val("w:ilvl", ilvl), val("w:numId", num_id))
