"""The issued note laid out as its PDF was -> the printed lines of each paragraph and sub-item
(a render step: the pipeline runs it with the build's templates, pipeline/counting.py).

A corrigendum cites "Paragraph 5, line 3": the line of the issued paragraph in the
issued PDF. The note is laid out again by WeasyPrint through the PDF renderer's own HTML
(the same model, templates and fonts give the same lines), with every paragraph given an
HTML id (`rv-<region>-<unit>`); ids change no layout. The line boxes of each paragraph
are read from the page box tree, the paragraph number and footnote calls left out, so
the text of the lines is the paragraph's text, broken where the PDF breaks it.

    issued_lines(note, templates, meeting_root) -> Lines | None   (None: not laid out)
    Lines.line_of(region, unit, item, offset) -> int   (1-based)
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from toolkit.model.document import Chapter, Note, Paragraph
from toolkit.model.issued import ItemKey, Lines


def anchor_of(region: int, unit: int) -> str:
    return f"rv-{region}-{unit}"


def _with_anchors(note: Note) -> Note:
    """Every paragraph of the note (body and annexes) with an id the layout can be searched by."""
    def chapters(index: int, chapters: tuple[Chapter, ...]) -> tuple[Chapter, ...]:
        unit = 0
        out = []
        for chapter in chapters:
            if chapter.numeral:
                unit += 1
            blocks = []
            for block in chapter.blocks:
                if isinstance(block, Paragraph):
                    block = replace(block, anchor=anchor_of(index, unit))
                blocks.append(block)
                unit += 1
            out.append(replace(chapter, blocks=tuple(blocks)))
        return tuple(out)

    # The unit indexes follow units_of: a numbered chapter's heading is a unit before its blocks.
    return replace(note, chapters=chapters(0, note.chapters),
                   annexes=tuple(replace(a, chapters=chapters(i, a.chapters)) for i, a in enumerate(note.annexes, 1)))


def _key(anchor: str) -> tuple[int, int] | None:
    parts = anchor.split("-")
    if len(parts) != 3 or parts[0] != "rv":
        return None
    return int(parts[1]), int(parts[2])


def _text(box) -> str:
    """The printed text of a line box, less paragraph numbers and footnote calls."""
    element = getattr(box, "element", None)
    classes = (element.get("class") or "").split() if element is not None else []
    tag = getattr(box, "element_tag", "") or ""
    if tag.endswith("::footnote-call") or ("num" in classes and type(box).__name__ == "InlineBlockBox"):
        return ""
    if hasattr(box, "text"):
        return box.text
    return "".join(_text(child) for child in getattr(box, "children", ()))


def read_lines(document) -> Lines:
    """A WeasyPrint Document of the anchored note -> the lines of each anchored paragraph and
    of the lettered sub-items that follow it."""
    lines: dict[ItemKey, list[str]] = {}
    current: tuple[int, int] | None = None
    items: list[int] = []  # the sub-item elements seen after the current paragraph, by id()

    def visit(box) -> None:
        nonlocal current
        kind = type(box).__name__
        element = getattr(box, "element", None)
        if kind == "LineBox" and element is not None:
            classes = (element.get("class") or "").split()
            key = _key(element.get("id") or "")
            if key is not None and "para" in classes:
                if key != current:
                    current, items[:] = key, []
                lines.setdefault((*key, None), []).append(_text(box))
                return
            if current is not None and "subitem" in classes and "bullet" not in classes:
                if id(element) not in items:
                    items.append(id(element))
                lines.setdefault((*current, items.index(id(element))), []).append(_text(box))
                return
        if kind == "BlockBox" and element is not None and element.tag in ("h1", "h2", "table", "figure"):
            current = None
        if kind == "FootnoteAreaBox":
            return
        for child in getattr(box, "children", ()):
            visit(child)

    for page in document.pages:
        visit(page._page_box)
    return Lines({key: tuple(value) for key, value in lines.items()})


def issued_lines(note: Note, templates: Path, meeting_root: Path) -> Lines | None:
    """Lays the issued note out as the PDF renderer does; None when it cannot be (the lines are then left out)."""
    import weasyprint

    from toolkit.render.fetcher import RefusedFetch, RestrictedFetcher
    from toolkit.render.pdf.html import TemplateProblem, environment, render_note_html
    from toolkit.render.warnings import weasyprint_warnings
    from toolkit.render.pdf.weasyprint_fix import install

    install()
    anchored = _with_anchors(note)
    # Attached annexes keep their blank pages out: they come after every paragraph cited.
    try:
        html = render_note_html(anchored, environment(templates), {}, meeting_root)
    except TemplateProblem:
        return None
    with weasyprint_warnings():
        try:
            document = weasyprint.HTML(string=html, base_url=templates.resolve().as_uri() + "/",
                                       url_fetcher=RestrictedFetcher([templates, meeting_root])).render()
        except RefusedFetch:
            return None
    return read_lines(document)
