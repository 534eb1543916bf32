"""A Note -> its regions (the body, each annex) as flat lists of units, and two such lists aligned.

A unit is what a corrigendum cites and a tracked change marks as a whole: a chapter
heading, a paragraph (with its sub-items), a sub-heading, a bullet list, a table, a
figure. Two versions are aligned region by region (an annex by its file, so a new annex
is a region of its own): units with the same words match; among the rest, a unit is
paired with the most similar unit of its kind in the same gap, and what is left is
inserted or deleted.

    regions(note) -> list[Region]
    align(old_units, new_units) -> list[tuple[Unit | None, Unit | None]]
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from toolkit.model.document import (Block, BulletList, Chapter, Figure, Inline, ListItem, Note, Paragraph, SubHeading,
                                    Table)
from toolkit.revisions.atoms import atoms, similarity

PAIRED = 0.5  # two units at least this similar are one unit edited, not one deleted and one inserted


@dataclass(frozen=True)
class Unit:
    kind: str  # heading | paragraph | subheading | bullets | table | figure
    node: Chapter | Block  # the chapter (for its heading) or the block
    chapter: int  # index of its chapter in the region

    @property
    def key(self) -> tuple:
        """Equal keys: the same unit, unchanged (numbers aside)."""
        return (self.kind, *(tuple(a.key for a in atoms(c)) for c in contents(self)),
                *((self.node.image.sha256,) if isinstance(self.node, Figure) else ()))


@dataclass(frozen=True)
class Region:
    key: str  # "" for the body, the annex's file stem
    heading: str | None  # "Annex II"; None for the body
    chapters: tuple[Chapter, ...]
    units: tuple[Unit, ...]


def _items(items: tuple[ListItem, ...]) -> list[tuple[Inline, ...]]:
    out = []
    for item in items:
        out.append(item.content)
        out.extend(_items(item.children))
    return out


def contents(unit: Unit) -> list[tuple[Inline, ...]]:
    """Every piece of inline content of a unit, in order (what its key and similarity read)."""
    node = unit.node
    if isinstance(node, Chapter):
        return [node.title]
    if isinstance(node, Paragraph):
        return [node.content, *_items(node.subitems)]
    if isinstance(node, SubHeading):
        return [node.content]
    if isinstance(node, BulletList):
        return _items(node.items)
    if isinstance(node, Table):
        return [node.title, *node.header, *(cell for row in node.rows for cell in row), node.source,
                *(n.content for n in node.notes)]
    if isinstance(node, Figure):
        return [node.title, node.source]
    raise TypeError(f"no unit for {type(node).__name__}")


_KINDS = ((Paragraph, "paragraph"), (SubHeading, "subheading"), (BulletList, "bullets"), (Table, "table"),
          (Figure, "figure"))


def units_of(chapters: tuple[Chapter, ...]) -> tuple[Unit, ...]:
    out = []
    for index, chapter in enumerate(chapters):
        if chapter.numeral:
            out.append(Unit("heading", chapter, index))
        for block in chapter.blocks:
            kind = next(k for cls, k in _KINDS if isinstance(block, cls))
            out.append(Unit(kind, block, index))
    return tuple(out)


def regions(note: Note) -> list[Region]:
    out = [Region("", None, note.chapters, units_of(note.chapters))]
    out += [Region(annex.stem, annex.heading, annex.chapters, units_of(annex.chapters)) for annex in note.annexes]
    return out


def _similar(old: Unit, new: Unit) -> float:
    if old.kind != new.kind:
        return 0.0
    return similarity([a for c in contents(old) for a in atoms(c)], [a for c in contents(new) for a in atoms(c)])


def _pair(old: list[Unit], new: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    """One gap: the order-keeping pairing of most total similarity (pairs below PAIRED count
    for nothing); then, left over side by side, units of a kind are paired in order (a
    paragraph rewritten in place is that paragraph replaced)."""
    n, m = len(old), len(new)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = _similar(old[i], new[j])
            both = score[i + 1][j + 1] + s if s >= PAIRED else -1.0
            score[i][j] = max(both, score[i + 1][j], score[i][j + 1])
    out: list[tuple[Unit | None, Unit | None]] = []
    i = j = 0
    pending_old: list[Unit] = []
    pending_new: list[Unit] = []

    def flush() -> None:
        out.extend(_in_order(pending_old, pending_new))
        pending_old.clear()
        pending_new.clear()

    while i < n or j < m:
        if i < n and j < m:
            s = _similar(old[i], new[j])
            if s >= PAIRED and score[i][j] == score[i + 1][j + 1] + s:
                flush()
                out.append((old[i], new[j]))
                i, j = i + 1, j + 1
                continue
        if i < n and (j >= m or score[i][j] == score[i + 1][j]):
            pending_old.append(old[i])
            i += 1
        else:
            pending_new.append(new[j])
            j += 1
    flush()
    return out


def _in_order(old: list[Unit], new: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    out: list[tuple[Unit | None, Unit | None]] = []
    rest_new = list(new)
    for unit in old:
        match = next((u for u in rest_new if u.kind == unit.kind), None)
        if match is None:
            out.append((unit, None))
            continue
        while rest_new[0] is not match:
            out.append((None, rest_new.pop(0)))
        out.append((unit, rest_new.pop(0)))
    out.extend((None, u) for u in rest_new)
    return out


def align(old: tuple[Unit, ...], new: tuple[Unit, ...]) -> list[tuple[Unit | None, Unit | None]]:
    """Every unit of both, in order, as (old, new): (u, None) deleted, (None, u) inserted."""
    matcher = SequenceMatcher(None, [u.key for u in old], [u.key for u in new], autojunk=False)
    out: list[tuple[Unit | None, Unit | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(zip(old[i1:i2], new[j1:j2], strict=False))  # a replaced run pairs up to the shorter side
        else:
            out.extend(_pair(list(old[i1:i2]), list(new[j1:j2])))
    return out
