"""The issued and the current note -> one merged note whose changes are marked, for the tracked DOCX.

    redline(issued, current) -> Note

The merged note is the current note (its numbers, footnotes, contents and masthead) with
what the issued note had and the current one lacks put back, marked deleted, and what is
new marked inserted: words inside a paragraph as `Tracked("del"|"ins", ...)` inline nodes
(the word diff of atoms.py), whole paragraphs, sub-items, sub-headings and chapter
headings with `change="ins"|"del"`. Footnotes are matched by their key; a footnote's text
changes are tracked inside it. Deleted text cites nothing: its footnote calls are plain
numbers and its references plain words, so accepting every change gives the current note
exactly. Not tracked: the masthead (the revision's own symbol and date), the contents
(Word rebuilds them), a table changed in shape and a figure's picture (the current ones
stand).
"""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from toolkit.model.plain import inline_text
from toolkit.model.document import (BulletList, Chapter, Figure, Footnote, FootnoteRef, Inline, ListItem, Note,
                                    Paragraph, Ref, SubHeading, Table, Tracked)
from toolkit.revisions.atoms import Atom, atoms, build, diff, similarity
from toolkit.revisions.units import PAIRED, Region, Unit, align, regions


def _gone(items: list[Atom]) -> list[Atom]:
    """Deleted atoms point at nothing: a footnote call becomes its number, a reference its words."""
    out = []
    for atom in items:
        if isinstance(atom.node, FootnoteRef):
            atom = replace(atom, node=replace(atom.node, first=False))
        elif isinstance(atom.node, Ref):
            atom = replace(atom, node=replace(atom.node, anchor=None))
        out.append(atom)
    return out


def merge(old: tuple[Inline, ...], new: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """The current content with the word changes since the old content marked; content mostly
    rewritten reads better as the old text deleted and the new inserted than as a patchwork."""
    a, b = atoms(old), atoms(new)
    if similarity(a, b) < PAIRED:
        return (*whole(old, "del"), *whole(new, "ins"))
    out: list[Inline] = []
    for change in diff(a, b):
        if change.tag == "equal":
            out.extend(build(b[change.j1:change.j2]))
            continue
        if change.i2 > change.i1:
            out.append(Tracked("del", build(_gone(a[change.i1:change.i2]))))
        if change.j2 > change.j1:
            out.append(Tracked("ins", build(b[change.j1:change.j2])))
    return tuple(out)


def whole(content: tuple[Inline, ...], change: str) -> tuple[Inline, ...]:
    if not content:
        return ()
    shown = build(_gone(atoms(content))) if change == "del" else content
    return (Tracked(change, shown),)


def _items(items: tuple[ListItem, ...], change: str) -> tuple[ListItem, ...]:
    return tuple(replace(i, content=whole(i.content, change), children=_items(i.children, change), change=change)
                 for i in items)


def _item_key(item: ListItem) -> tuple:
    return (inline_text(item.content), tuple(_item_key(child) for child in item.children))


def _merge_items(old: tuple[ListItem, ...], new: tuple[ListItem, ...]) -> tuple[ListItem, ...]:
    """Item by item: a bullet added to a list of four is one insertion, not four deletions and five
    insertions; items rewritten in place are merged word by word."""
    matcher = SequenceMatcher(None, [_item_key(i) for i in old], [_item_key(i) for i in new], autojunk=False)
    out: list[ListItem] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = old[i1:i2], new[j1:j2]
        if tag == "equal":
            out.extend(news)
            continue
        j = 0
        for a in olds:  # an old item pairs with the next new one like it; what is left over is deleted or new
            like = next((k for k in range(j, len(news))
                         if similarity(atoms(a.content), atoms(news[k].content)) >= PAIRED), None)
            if like is None:
                out.extend(_items((a,), "del"))
                continue
            b = news[like]
            out.extend(_items(news[j:like], "ins"))
            out.append(replace(b, content=merge(a.content, b.content), children=_merge_items(a.children, b.children)))
            j = like + 1
        out.extend(_items(news[j:], "ins"))
    return tuple(out)


def _marked(unit: Unit, change: str):
    """A unit inserted or deleted as a whole (None: a kind that is not tracked when deleted)."""
    node = unit.node
    if isinstance(node, Chapter):
        return replace(node, title=whole(node.title, change), blocks=(), change=change)
    if isinstance(node, Paragraph):
        anchor = node.anchor if change == "ins" else None
        return replace(node, content=whole(node.content, change), subitems=_items(node.subitems, change),
                       change=change, anchor=anchor, restart=node.restart and change == "ins")
    if isinstance(node, SubHeading):
        return replace(node, content=whole(node.content, change), change=change)
    if isinstance(node, BulletList):
        return replace(node, items=_items(node.items, change))
    return node if change == "ins" else None  # a table or figure: the current one stands


def _changed(old: Unit, new: Unit):
    a, b = old.node, new.node
    if isinstance(b, Chapter):
        return replace(b, title=merge(a.title, b.title), blocks=())
    if isinstance(b, Paragraph):
        return replace(b, content=merge(a.content, b.content), subitems=_merge_items(a.subitems, b.subitems))
    if isinstance(b, SubHeading):
        return replace(b, content=merge(a.content, b.content))
    if isinstance(b, BulletList):
        return replace(b, items=_merge_items(a.items, b.items))
    if isinstance(b, Table):
        if len(a.header) != len(b.header) or len(a.rows) != len(b.rows):
            return b
        return replace(b, title=merge(a.title, b.title),
                       header=tuple(merge(x, y) for x, y in zip(a.header, b.header, strict=True)),
                       rows=tuple(tuple(merge(x, y) for x, y in zip(r, s, strict=True))
                                  for r, s in zip(a.rows, b.rows, strict=True)),
                       source=merge(a.source, b.source))
    if isinstance(b, Figure):
        return replace(b, title=merge(a.title, b.title), source=merge(a.source, b.source))
    return b


def _chapters(old: Region | None, new: Region) -> tuple[Chapter, ...]:
    pairs = align(old.units, new.units) if old is not None else [(None, u) for u in new.units]
    chapters: list[Chapter] = []
    blocks: list = []

    def close() -> None:
        if chapters:
            chapters[-1] = replace(chapters[-1], blocks=tuple(blocks))
        blocks.clear()

    for before, after in pairs:
        if after is None:
            node = _marked(before, "del")
        elif before is None:
            node = _marked(after, "ins")
        else:
            node = after.node if before.key == after.key else _changed(before, after)
        if node is None:
            continue
        if isinstance(node, Chapter):
            close()
            chapters.append(node)
            continue
        if not chapters:  # text before the first heading: the current note's own opening chapter
            first = new.chapters[0] if new.chapters and not new.chapters[0].numeral else None
            chapters.append(first or Chapter(None, (), (), anchor="", headed=False))
        blocks.append(node)
    close()
    return tuple(chapters)


def _footnotes(issued: Note, current: Note) -> tuple[Footnote, ...]:
    old = {f.key: f for f in issued.footnotes}
    return tuple(replace(f, content=merge(old[f.key].content, f.content)) if f.key in old
                 else replace(f, content=whole(f.content, "ins")) for f in current.footnotes)


def redline(issued: Note, current: Note) -> Note:
    old = {r.key: r for r in regions(issued)}
    new = regions(current)
    body = _chapters(old.get(""), new[0])
    annexes = tuple(replace(annex, chapters=_chapters(old.get(annex.stem), region))
                    for annex, region in zip(current.annexes, new[1:], strict=True))
    return replace(current, chapters=body, annexes=annexes, footnotes=_footnotes(issued, current))
