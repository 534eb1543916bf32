"""A WeasyPrint Document (the PDF's own layout, before it is written) -> render/layout.py's pages:
each printed line with its block, where its glyphs begin and end, and the table rows of each page.

Read from the page box tree the PDF is drawn from, so it costs a walk of the tree and no
second layout. The blocks are named by the classes the templates give them (note.html).
"""

from __future__ import annotations

from typing import NamedTuple

from toolkit.render.layout import (CAPTION, CELL, CONTENTS, HEADING, OTHER, PARAGRAPH, SUBHEADING, SUBITEM, Block,
                                   Layout, Line, Page)

HYPHEN = "\u2010"  # WeasyPrint's hyphenate-character, which render/layout.py's lines end with when hyphenated

_CLASSES = {"para": PARAGRAPH, "subitem": SUBITEM, "subsubitem": SUBITEM, "annex-heading": HEADING,
            "annex-title": HEADING, "table-caption": CAPTION, "table-title": CAPTION, "figure-caption": CAPTION,
            "figure-title": CAPTION}


def _classes(element) -> list[str]:
    return (element.get("class") or "").split() if element is not None else []


def _name(element, inside: tuple[str, ...]) -> str | None:
    """The block an element starts, as "tag-or-class" (the key of its ordinal), or None."""
    if element is None:
        return None
    tag = element.tag if isinstance(element.tag, str) else ""
    classes = _classes(element)
    if "masthead" in inside:
        return None
    if "contents" in inside:
        return next((c for c in classes if c.startswith("toc-")), None)
    if tag in ("h1", "h2", "td", "th"):
        return tag
    return next((c for c in classes if c in _CLASSES), None)


def _kind(name: str) -> str:
    if name.startswith("toc-"):
        return CONTENTS
    return {"h1": HEADING, "h2": SUBHEADING, "td": CELL, "th": CELL}.get(name) or _CLASSES.get(name, OTHER)


def _leaves(box, out: list) -> list:
    """The boxes that print something on a line, in order (text, the inline-block numbers, pictures)."""
    tag = getattr(box, "element_tag", "") or ""
    if tag.endswith("::footnote-call"):
        return out
    kind = type(box).__name__
    if kind in ("TextBox", "InlineBlockBox", "InlineReplacedBox"):
        out.append(box)
        return out
    for child in getattr(box, "children", ()) or ():
        _leaves(child, out)
    return out


def _text(box) -> str:
    if hasattr(box, "text"):
        return box.text
    return "".join(_text(child) for child in getattr(box, "children", ()) or ())


def _marked(box, mark: str) -> bool:
    """Whether an element of the given class is on the line (the contents' leader, its page number)."""
    if mark in _classes(getattr(box, "element", None)):
        return True
    return any(_marked(child, mark) for child in getattr(box, "children", ()) or ())


def _hyphenated(leaves: list, text: str) -> bool:
    """Whether the line ends in a hyphen the layout added, breaking a word. The style's
    hyphenate-character is what it adds; when a template makes that "-", which the sources
    also write ("North-East"), the hyphen is the layout's only if the source has no such word end."""
    last = next((leaf for leaf in reversed(leaves) if hasattr(leaf, "text") and leaf.text.strip()), None)
    if last is None:
        return False
    mark = last.style["hyphenate_character"] or HYPHEN
    end = text.rstrip()
    if not end.endswith(mark):
        return False
    if mark != "-":
        return True
    element = getattr(last, "element", None)
    written = "".join(element.itertext()) if element is not None else ""
    return end.split()[-1] not in written


def _ends_in_break(box) -> bool:
    """Whether a line ends at a <br> of the source (WeasyPrint sets it as an inline box of its own)."""
    while getattr(box, "children", None):
        box = box.children[-1]
        if (getattr(box, "element_tag", "") or "").startswith("br"):
            return True
    return hasattr(box, "text") and box.text.endswith("\n")


class _Place(NamedTuple):
    """Where the walk of the box tree is: the classes of the elements around, the block its lines
    belong to, the table and the table body it is in, and the box a line is set in."""

    inside: tuple[str, ...]
    block: int | None
    table: int | None
    body: object | None
    container: object


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.index: dict[int, int] = {}  # id(element) -> block index
        self.counts: dict[str, int] = {}
        self.tables: dict[int, int] = {}  # id(table element) -> ordinal
        self.keep: list[object] = []  # the elements indexed by id() stay alive while read

    def block(self, element, name: str, style, table: int | None) -> int:
        key = id(element)
        if key not in self.index:
            ordinal = self.counts.get(name, 0)
            self.counts[name] = ordinal + 1
            justified = style["text_align_all"] == "justify"
            self.blocks.append(Block(_kind(name), ordinal, justified, table, name))
            self.index[key] = len(self.blocks) - 1
            self.keep.append(element)
        return self.index[key]

    def page(self, number: int, page_box) -> Page:
        lines: list[Line] = []
        rows: list[tuple[int, int]] = []
        self._walk(page_box, _Place((), None, None, None, page_box), lines, rows)
        return Page(number, tuple(lines), tuple(rows))

    def _walk(self, box, at: _Place, lines: list[Line], rows: list[tuple[int, int]]) -> None:
        kind = type(box).__name__
        if kind in ("MarginBox", "FootnoteAreaBox"):
            return
        element = getattr(box, "element", None)
        tag = element.tag if element is not None and isinstance(element.tag, str) else ""
        if kind == "LineBox":
            current = at.block
            if current is None:  # the masthead, a table's source and notes: kept for the page's last line
                current = self.block(element, "other", box.style, None)
            lines.append(self._line(box, current, at.container))
            return
        if kind == "TableBox":
            at = at._replace(table=self.tables.setdefault(id(element), len(self.tables)))
        elif kind == "TableRowGroupBox":
            # The header row, repeated on each page, is not a row of the table's body.
            at = at._replace(body=element if tag == "tbody" else None)
        elif kind == "TableRowBox" and at.body is not None and at.table is not None:
            rows.append((at.table, list(at.body).index(element)))
        if kind not in ("TextBox", "InlineBox") and "::" not in (getattr(box, "element_tag", "") or ""):
            name = _name(element, at.inside)
            if name is not None:
                at = at._replace(block=self.block(element, name, box.style,
                                                  at.table if name in ("td", "th") else None))
        at = at._replace(inside=at.inside + tuple(_classes(element)), container=box)
        for child in getattr(box, "children", ()) or ():
            self._walk(child, at, lines, rows)

    def _line(self, box, block: int, container) -> Line:
        """container: the block the line is set in; its width is the line's measure (a line box is
        as wide as the text it holds when that is not justified)."""
        leaves = _leaves(box, [])
        numbers = [leaf for leaf in leaves if "num" in _classes(getattr(leaf, "element", None))]
        text = "".join(_text(leaf) for leaf in leaves if leaf not in numbers)
        inked = [leaf for leaf in leaves if not (hasattr(leaf, "text") and not leaf.text.strip())]
        start = min((leaf.position_x for leaf in inked), default=box.position_x)
        end = max((leaf.position_x + leaf.margin_width() for leaf in inked), default=box.position_x)
        text_start = min((leaf.position_x for leaf in inked if "num" not in _classes(getattr(leaf, "element", None))),
                         default=start)
        forced = _ends_in_break(box)
        return Line(text=text.rstrip("\n"), block=block, top=box.position_y, bottom=box.position_y + box.height,
                    left=container.content_box_x(), right=container.content_box_x() + container.width,
                    start=start, end=end, text_start=text_start,
                    hyphenated=_hyphenated(leaves, text), forced=forced,
                    leader=_marked(box, "leader"), page_number=_marked(box, "page"),
                    label="".join(_text(leaf) for leaf in numbers))


def read_layout(document) -> Layout:
    """The pages of a rendered (not yet written) WeasyPrint Document."""
    reader = _Reader()
    pages = tuple(reader.page(number, page._page_box) for number, page in enumerate(document.pages, 1))
    return Layout(tuple(reader.blocks), pages)
