"""A laid-out block (its name and ordinal, render/layout.py) -> where it is written in the sources.

The templates set the model's blocks in the model's order, one element each (note.html):
the n-th paragraph laid out is the n-th paragraph of the note, its chapters first, then its
annexes'. Counting the model's blocks the same way gives each laid-out line its source line.
"""

from __future__ import annotations

from toolkit.errors import Position
from toolkit.model.document import BulletList, Chapter, Figure, ListItem, Note, Paragraph, SubHeading, Table
from toolkit.render.layout import Block


def _items(items: tuple[ListItem, ...], top: list, nested: list) -> None:
    for item in items:
        top.append(item.position)
        for child in item.children:  # sub-sub-items: one level, as the template sets them
            nested.append(child.position)


class Places:
    """Every block name of the templates -> the positions of the model's blocks, in document order."""

    def __init__(self, note: Note):
        self.note = note
        found: dict[str, list[Position | None]] = {name: [] for name in (
            "para", "subitem", "subsubitem", "h1", "h2", "table", "table-caption", "figure-caption", "annex")}
        chapters: list[Chapter] = list(note.chapters)
        for annex in note.annexes:
            chapters.extend(annex.chapters)
        for chapter in chapters:
            if chapter.numeral:
                found["h1"].append(chapter.position)
            for block in chapter.blocks:
                if isinstance(block, Paragraph):
                    found["para"].append(block.position)
                    _items(block.subitems, found["subitem"], found["subsubitem"])
                elif isinstance(block, BulletList):
                    _items(block.items, found["subitem"], found["subsubitem"])
                elif isinstance(block, SubHeading):
                    found["h2"].append(block.position)
                elif isinstance(block, Table):
                    found["table"].append(block.position)
                    if block.caption:
                        found["table-caption"].append(block.position)
                elif isinstance(block, Figure):
                    found["figure-caption"].append(block.position)
        self.found = found
        self.chapters = {chapter.anchor: chapter.position for chapter in chapters}
        self.annexes = [Position(annex.source, 1) for annex in note.annexes]

    def of(self, block: Block) -> Position:
        """The block's source line; the note's first line when the templates were changed past recognition."""
        name = {"table-title": "table-caption", "figure-title": "figure-caption", "td": "table", "th": "table",
                "annex-title": "annex-heading"}.get(block.name, block.name)
        ordinal = block.table if name == "table" and block.table is not None else block.ordinal
        if name == "annex-heading":
            found: list[Position | None] = list(self.annexes)
        elif name.startswith("toc-"):
            entries = [e for e in self.note.contents if f"toc-{e.kind}" == name]
            found = [self.chapters.get(e.anchor) or self._annex(e.anchor) for e in entries]
        else:
            found = self.found.get(name, [])
        where = found[ordinal] if 0 <= ordinal < len(found) else None
        return where or self.table_of(block) or Position(self.note.source, 1)

    def table_of(self, block: Block) -> Position | None:
        tables = self.found["table"]
        if block.table is not None and block.table < len(tables):
            return tables[block.table]
        return None

    def table(self, ordinal: int) -> Position:
        tables = self.found["table"]
        return (tables[ordinal] if ordinal < len(tables) else None) or Position(self.note.source, 1)

    def _annex(self, anchor: str) -> Position | None:
        for annex, where in zip(self.note.annexes, self.annexes, strict=True):
            if annex.anchor == anchor:
                return where
        return None
