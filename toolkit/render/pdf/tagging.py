"""WeasyPrint's boxes -> a PDF structure tree a screen reader can follow (PDF/UA-1).

WeasyPrint 70 tags each box by its HTML tag name alone (weasyprint/pdf/tags.py): a
paragraph number is a Span, a footnote lands after the page's text, the running head
is tagged like body text. The note template names what HTML has no element for in a
`data-pdf-role` attribute (L, LI, Lbl, TOC, TOCI, Note, Reference, H1-H3, Figure ...);
this module applies those roles as WeasyPrint builds its tree, and then:

- a list item (LI) gets its label (Lbl) first and the rest in a body (LBody), as PDF
  lists are made, though in the HTML the number sits inside the paragraph;
- a footnote (Note, with the unique ID PDF/UA asks for) is moved to just after its
  call, so it is read where it is called rather than after the page's last line;
- an element with a `lang` attribute (Korean, Chinese, Russian runs) gets /Lang;
- a table header cell gets its /Scope (Column, or Row with scope="row");
- whatever holds a link is a Link (PDF/UA asks it of every link annotation);
- the running head and page number (CSS margin boxes) and the contents' dot leaders
  are drawn as artifacts, outside the tree, typed (Pagination Header or Footer; Layout);
- once the tree is whole (`finish`), heading levels never skip one (H1 then H3 reads
  as H1 then H2), whatever the document's shape: PDF/UA asks it.
"""

from __future__ import annotations

import inspect
import re
from contextlib import contextmanager

from toolkit.render.pdf.patching import applied_once

ROLE = "data-pdf-role"
ALT = "data-pdf-alt"
_SIGNATURE = ["box", "parent", "pdf", "page_number", "nums", "annotations", "tags"]


@applied_once
def install() -> bool:
    """Applies the roles once; False when this WeasyPrint's tagging is not the known one."""
    try:
        import weasyprint.document as document
        from weasyprint.pdf import tags
        from weasyprint.pdf.stream import Stream
    except ImportError:
        return False
    build = getattr(tags, "_build_box_tree", None)
    if build is None or list(inspect.signature(build).parameters) != _SIGNATURE:
        return False
    if not callable(getattr(document, "draw_page", None)) or not hasattr(Stream, "marked"):
        return False
    tags._build_box_tree = _builder(build)
    document.draw_page = _drawing_margins_as_artifacts(document.draw_page)
    Stream.marked = _marked_unless_artifact(Stream.marked)
    return True


def _obj(pdf, reference):
    """The object a pydyf reference (b"12 0 R") names: pydyf numbers objects by their index."""
    return pdf.objects[int(reference.split()[0])]


def _is_reference(kid) -> bool:
    return isinstance(kid, bytes) and kid.endswith(b" R")


def _role(box) -> str | None:
    from weasyprint.css import AnonymousStyle

    if box.element is None or isinstance(box.style, AnonymousStyle):
        return None  # an anonymous box takes no role: its element's box has it
    tag = box.element_tag or ""
    if "::" in tag:
        pseudo = tag.split("::", 1)[1]
        if pseudo == "footnote-call":
            return "Reference"
        if pseudo == "footnote-marker":
            return "Lbl"
        if pseudo in ("before", "marker") and box.element.get(ROLE) == "LI":
            return "Lbl"  # a bullet drawn by CSS
        return None
    return box.element.get(ROLE)


def _state(pdf) -> dict:
    if not hasattr(pdf, "_toolkit_tagging"):
        pdf._toolkit_tagging = {"calls": {}}
    return pdf._toolkit_tagging


def _builder(original):
    from weasyprint.formatting_structure import boxes

    def build(box, parent, pdf, page_number, nums, annotations, tags):
        if isinstance(box, boxes.MarginBox):
            return  # drawn as artifacts (_marked_unless_artifact): nothing to tag
        if box.is_leader:  # dots drawn as artifacts; a link over them is still a Link
            if box.link_annotation is not None:
                yield _link_only(box, parent, pdf, page_number, annotations)
            return
        if box.element_tag in ("html", "body") or isinstance(box, boxes.PageBox):
            yield from original(box, parent, pdf, page_number, nums, annotations, tags)
            return
        role = _role(box)
        for element in original(box, parent, pdf, page_number, nums, annotations, tags):
            if role:
                element["S"] = f"/{role}"
            elif box.link_annotation is not None:
                element["S"] = "/Link"  # a box inside a link, with its own annotation (an inline block)
            if _finish(box, role, element, pdf):
                yield element

    return build


def _finish(box, role, element, pdf) -> bool:
    """Completes one element; False when it was placed elsewhere (a footnote) or dropped."""
    import pydyf
    from weasyprint.formatting_structure import boxes

    html = box.element
    if html is not None and role != "Reference" and "::" not in (box.element_tag or ""):
        lang = html.get("lang")
        if lang:
            element["Lang"] = pydyf.String(lang)
    if element.get("S") == "/TH":
        scope = "Row" if html is not None and html.get("scope") == "row" else "Column"
        element["A"]["Scope"] = f"/{scope}"
    if role == "Reference" and (box.element_tag or "").endswith("::footnote-call"):
        _state(pdf)["calls"][html] = element
    elif role == "LI":
        _split_label(pdf, element)
    elif role == "Figure":
        element["Alt"] = pydyf.String(html.get(ALT) or "")
        if html.get("id"):
            element["ID"] = pydyf.String(html.get("id"))
    elif role == "Note":
        element["ID"] = pydyf.String(f"note-{element.number}")
        return not _place_after_call(pdf, html, element)
    if isinstance(box, boxes.FootnoteAreaBox) and not element["K"]:
        element.clear()  # every footnote went to its call: nothing left to tag here
        return False
    return True


def _link_only(box, parent, pdf, page_number, annotations):
    """A Link holding only its annotation, as WeasyPrint makes the Link of a box with text."""
    import pydyf

    page = pdf.page_references[page_number]
    element = pydyf.Dictionary({"Type": "/StructElem", "S": "/Link", "K": pydyf.Array(), "Pg": page,
                                "P": parent.reference})
    pdf.add_object(element)
    annotation = box.link_annotation
    holder = pydyf.Dictionary({"Type": "/OBJR", "Obj": annotation.reference, "Pg": page})
    pdf.add_object(holder)
    element["K"].append(holder.reference)
    annotations.append((element.reference, annotation))
    return element


def _place_after_call(pdf, html, note) -> bool:
    """Puts a footnote just after its call in the reading order; False if the call is not on this page."""
    call = _state(pdf)["calls"].get(html)
    if call is None or call.get("Pg") != note.get("Pg"):
        return False
    owner = _obj(pdf, call["P"])
    kids = owner["K"]
    kids.insert(kids.index(call.reference) + 1, note.reference)
    note["P"] = owner.reference
    return True


def _take_label(pdf, element, depth: int = 0):
    """The first Lbl on the chain of first children, taken out of its parent."""
    kids = element["K"]
    if not kids or not _is_reference(kids[0]):
        return None
    first = _obj(pdf, kids[0])
    if first.get("S") == "/Lbl":
        del kids[0]
        return first
    return _take_label(pdf, first, depth + 1) if depth < 3 else None


def _split_label(pdf, item) -> None:
    """LI -> [Lbl, LBody(the rest)], as PDF lists are built."""
    import pydyf

    if not all(_is_reference(kid) for kid in item["K"]):
        return  # holds marked content or an annotation directly: not a shape made by the template
    label = _take_label(pdf, item)
    body = pydyf.Dictionary({"Type": "/StructElem", "S": "/LBody", "K": pydyf.Array(item["K"]),
                             "Pg": item["Pg"], "P": item.reference})
    pdf.add_object(body)
    for kid in body["K"]:
        _obj(pdf, kid)["P"] = body.reference
    item["K"] = pydyf.Array(([label.reference] if label is not None else []) + [body.reference])
    if label is not None:
        label["P"] = item.reference


def finish(pdf) -> None:
    """The whole tree's last touches (a write_pdf finisher's step): heading levels."""
    root = pdf.catalog.get("StructTreeRoot")
    if root is None:
        return
    previous = 0
    for element in _walk(pdf, _obj(pdf, root)):
        heading = re.fullmatch(r"/H([1-6])", str(element.get("S", "")))
        if heading:
            level = min(int(heading.group(1)), previous + 1)
            element["S"] = f"/H{level}"
            previous = level


def _walk(pdf, element):
    """The structure elements under `element`, in reading order."""
    kids = element.get("K")
    for kid in (kids if isinstance(kids, list) else [kids]):
        if _is_reference(kid):
            child = _obj(pdf, kid)
            if child.get("Type") == "/StructElem":
                yield child
                yield from _walk(pdf, child)


def _drawing_margins_as_artifacts(draw_page):
    def draw(page, stream):
        from weasyprint.formatting_structure import boxes

        if getattr(stream, "_tags", None) is not None:
            stream._toolkit_artifacts = dict(_artifact_boxes(page, boxes))
        return draw_page(page, stream)

    return draw


def _artifact_boxes(box, boxes, kind: tuple[str, str | None] | None = None):
    """(id of a box, (artifact type, subtype)): the running head a Pagination Header, the page
    number a Pagination Footer (CSS @top-*, @bottom-* margin boxes), dot leaders Layout."""
    if kind is None and isinstance(box, boxes.MarginBox):
        kind = ("Pagination", "Header" if box.at_keyword.startswith("@top") else
                "Footer" if box.at_keyword.startswith("@bottom") else None)
    elif kind is None and box.is_leader:
        kind = ("Layout", None)
    if kind is not None:
        yield id(box), kind
    for child in getattr(box, "children", ()):
        yield from _artifact_boxes(child, boxes, kind)


def _marked_unless_artifact(marked):
    def marked_or_artifact(self, box, tag):
        kind = getattr(self, "_toolkit_artifacts", {}).get(id(box))
        if kind is not None:
            return _artifact(self, *kind)
        return marked(self, box, tag)

    return marked_or_artifact


@contextmanager
def _artifact(stream, kind: str, subtype: str | None):
    """Marked content /Artifact with its type (and subtype), so a reader knows what it skips."""
    import pydyf

    properties = pydyf.Dictionary({"Type": f"/{kind}", **({"Subtype": f"/{subtype}"} if subtype else {})})
    stream.begin_marked_content("Artifact", properties)
    try:
        yield
    finally:
        stream.end_marked_content()
