"""Contents entries and page numbers -> Word complex fields (TOC, PAGEREF, TC, PAGE) and bookmarks.

A complex field is a run sequence: fldChar begin, instrText, fldChar separate, the cached
result, fldChar end. Word and LibreOffice show the cached result on opening; the writer
fills it with page numbers measured on the laid-out DOCX (see contents_pages.py), so nobody has
to press F9 and no "update fields?" prompt is needed. Word rebuilds the contents from
the same instructions when an editor updates it: chapters from their Heading 1 style
(levels 1-1), annexes from a TC field in their heading, which omits the page number.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from docx.oxml.ns import qn
from toolkit.model.document import ContentsEntry, Inline, Note, Ref
from toolkit.model.plain import inline_text
from toolkit.model.walk import nodes
from toolkit.render.docx.oxml.ooxml import el, paragraph, run

TOC_INSTRUCTION = ' TOC \\o "1-1" \\f \\h \\z '
ANNEX_LEVEL = 2  # annex lines use the toc 2 style


def _char(kind: str) -> etree._Element:
    return run(el("w:fldChar", {"w:fldCharType": kind}))


def _instr(code: str) -> etree._Element:
    node = el("w:instrText")
    node.text = code
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run(node)


def field(code: str, result: list[etree._Element]) -> list[etree._Element]:
    """The runs of a complex field with its cached result."""
    return [_char("begin"), _instr(code), _char("separate"), *result, _char("end")]


def field_without_result(code: str) -> list[etree._Element]:
    return [_char("begin"), _instr(code), _char("end")]


def bookmark_name(anchor: str) -> str:
    # Word's hidden bookmarks start with "_Toc"; names take letters, digits and "_" only.
    return "_Toc" + re.sub(r"[^A-Za-z0-9]", "_", anchor)


def ref_bookmark(anchor: str) -> str:
    """The bookmark a REF field to a model anchor points at: "_Ref001" as it is; "chII" or
    "annexIIInum" become "_RefchII", "_RefannexIIInum" (hidden, like Word's own cross-reference
    bookmarks, and apart from the contents' _Toc bookmarks, which Word may rebuild)."""
    if anchor.startswith("_Ref"):
        return anchor
    return "_Ref" + re.sub(r"[^A-Za-z0-9]", "_", anchor)


def cited_anchors(note: Note) -> set[str]:
    """The anchors the note's ref()s link to (a chapter's bookmark is written only when cited)."""
    return {ref.anchor for ref in nodes((note.chapters, note.annexes, note.footnotes), Ref)
            if ref.anchor is not None}


class Bookmarks:
    """Numbers bookmarks in document order (w:id must be unique in the document)."""

    def __init__(self) -> None:
        self.next_id = 0

    def around(self, anchor: str, runs: list[etree._Element]) -> list[etree._Element]:
        """The contents' bookmark of a heading."""
        return self.named(bookmark_name(anchor), runs)

    def cited(self, anchor: str | None, runs: list[etree._Element]) -> list[etree._Element]:
        """The cross-reference bookmark of a cited place (none when anchor is None)."""
        return runs if anchor is None else self.named(ref_bookmark(anchor), runs)

    def named(self, name: str, runs: list[etree._Element]) -> list[etree._Element]:
        ident = str(self.next_id)
        self.next_id += 1
        return [el("w:bookmarkStart", {"w:id": ident, "w:name": name}), *runs,
                el("w:bookmarkEnd", {"w:id": ident})]


# REF switches. \h: a hyperlink to the place. \r: the paragraph number of the bookmarked
# paragraph, as its list shows it less the trailing period ("12." -> "12", "II." -> "II"),
# so an inserted paragraph or chapter renumbers the reference when fields are updated.
# Tables, figures and annexes: the bookmark wraps the number itself (a SEQ field's result
# or the numeral of "Annex III"), which REF shows as it is.
_BY_LIST = ("paragraph", "chapter")


def ref_instruction(kind: str, anchor: str) -> str:
    number = "\\r " if kind in _BY_LIST else ""
    return f" REF {ref_bookmark(anchor)} {number}\\h "


def seq_instruction(word: str, number_format: str, restart_at: int | None = None) -> str:
    """A caption number: SEQ Table \\* ARABIC, SEQ Figure \\* ROMAN (Word's Insert Caption);
    restart_at: the count starts again there (\\r 4), where the model says it does not follow on."""
    restart = f"\\r {restart_at} " if restart_at is not None else ""
    return f" SEQ {word} \\* {number_format} {restart}"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def annex_entry_field(entry: ContentsEntry) -> list[etree._Element]:
    """TC field for an annex line of the contents: its text, level 2, and \\n when it shows no page."""
    text = f"{entry.label} {inline_text(entry.title)}"
    no_page = "" if entry.show_page else "\\n "
    return field_without_result(f" TC {_quoted(text)} \\l {ANNEX_LEVEL} {no_page}")


def toc_paragraphs(entries: tuple[ContentsEntry, ...], pages: dict[str, int],
                   chapter_style: str, annex_style: str,
                   inline: Callable[[tuple[Inline, ...]], list[etree._Element]]) -> list[etree._Element]:
    """The TOC field over one paragraph per entry, as Word would cache it.

    Chapter lines: label, tab, title, tab (dot leader), PAGEREF to the heading's
    bookmark; annex lines: label and title, no page number. A missing page leaves the
    PAGEREF result empty rather than inventing one.
    """
    paragraphs = []
    for entry in entries:
        target = bookmark_name(entry.anchor)
        if entry.kind == "chapter":
            runs, style = [run(entry.label), run(el("w:tab")), *inline(entry.title)], chapter_style
        elif entry.kind == "annex":
            runs, style = [run(entry.label + " "), *inline(entry.title)], annex_style
        else:
            raise TypeError(f"the DOCX renderer has no rule for contents entries of kind {entry.kind!r}")
        if entry.show_page:
            page = pages.get(entry.anchor)
            runs += [run(el("w:tab")), *field(f" PAGEREF {target} \\h ", [run(str(page))] if page else [])]
        link = el("w:hyperlink", {"w:anchor": target, "w:history": "1"}, *runs)
        paragraphs.append(paragraph(style, link))
    if not paragraphs:
        paragraphs.append(paragraph(chapter_style))
    begin = [_char("begin"), _instr(TOC_INSTRUCTION), _char("separate")]
    first_props = paragraphs[0].find(qn("w:pPr"))
    for offset, node in enumerate(begin):
        paragraphs[0].insert(offset + (1 if first_props is not None else 0), node)
    paragraphs[-1].append(_char("end"))
    return paragraphs


def page_field() -> list[etree._Element]:
    """PAGE, whose result every office program recomputes while laying out pages."""
    return field(" PAGE ", [run("1")])
