"""What a correction shows of a change: the changed words widened to whole words, and new text quoted.

    edits(old_atoms, new_atoms) -> list[Edit]   # the changed places, each with a word to hold on to
    shown(atoms) -> inline content as printed in "*For* ... *read* ..."
    quote(unit) -> a block of the new text, citing nothing (no anchors, no footnote bodies)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from toolkit.model.document import (Block, BulletList, Chapter, Emphasis, Figure, FootnoteRef, Inline, Link,
                                    ListItem, Paragraph, Ref, Strong, SubHeading, Table, Text)
from toolkit.revisions.atoms import Atom, build, diff
from toolkit.revisions.units import Unit


# ---- quoting the new text: no anchors, no footnote bodies --------------------------


def quote_inline(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in content:
        if isinstance(node, FootnoteRef):  # the call's number only: the footnote is not in the corrigendum
            out.append(replace(node, first=False))
        elif isinstance(node, Ref):
            out.append(replace(node, anchor=None))
        elif isinstance(node, (Emphasis, Strong, Link)):
            out.append(replace(node, children=quote_inline(node.children)))
        else:
            out.append(node)
    return tuple(out)


def _quote_items(items: tuple[ListItem, ...]) -> tuple[ListItem, ...]:
    return tuple(replace(i, content=quote_inline(i.content), children=_quote_items(i.children)) for i in items)


def quote(unit: Unit) -> Block:
    node = unit.node
    if isinstance(node, Chapter):
        return Paragraph(None, (Text(f"{node.label} "), *quote_inline(node.title)), numbered=False)
    if isinstance(node, Paragraph):
        return Paragraph(None, quote_inline(node.content), _quote_items(node.subitems), numbered=False)
    if isinstance(node, SubHeading):
        return replace(node, content=quote_inline(node.content))
    if isinstance(node, BulletList):
        return replace(node, items=_quote_items(node.items))
    if isinstance(node, Table):
        def cells(row):
            return tuple(quote_inline(c) for c in row)
        return replace(node, title=quote_inline(node.title), header=cells(node.header),
                       rows=tuple(cells(r) for r in node.rows), source=quote_inline(node.source),
                       notes=tuple(replace(n, content=quote_inline(n.content)) for n in node.notes),
                       ident=None, anchor=None, restart=True)
    if isinstance(node, Figure):
        return replace(node, title=quote_inline(node.title), source=quote_inline(node.source), ident=None,
                       anchor=None, restart=True)
    raise TypeError(f"cannot quote {type(node).__name__}")


# ---- the words of a change ------------------------------------------------------


def shown(items: list[Atom]) -> tuple[Inline, ...]:
    """Atoms as printed in a For/read: spaces trimmed, footnote calls as their numbers."""
    start, end = 0, len(items)
    while start < end and items[start].space:
        start += 1
    while end > start and items[end - 1].space:
        end -= 1
    return quote_inline(build(items[start:end]))


def printed(items: list[Atom]) -> int:
    return sum(1 for a in items for ch in a.text if not ch.isspace())


@dataclass(frozen=True)
class Edit:
    """One changed place of a piece of content: old[i1:i2] -> new[j1:j2], widened to whole words."""

    i1: int
    i2: int
    j1: int
    j2: int


def edits(old: list[Atom], new: list[Atom]) -> list[Edit]:
    out = []
    for change in diff(old, new):
        if change.tag == "equal":
            continue
        edit = Edit(change.i1, change.i2, change.j1, change.j2)
        if not any(a.word for a in old[edit.i1:edit.i2]) or not any(a.word for a in new[edit.j1:edit.j2]):
            edit = _with_neighbour(old, new, edit)
        out.append(edit)
    return out


def _with_neighbour(old: list[Atom], new: list[Atom], edit: Edit) -> Edit:
    """An added or dropped word is cited between the words around it ("*For* the Forum *read* the
    annual Forum"); a changed mark with the word before it (after it, at the start)."""
    widened = _back(old, new, edit)
    if edit.i1 == edit.i2 or edit.j1 == edit.j2 or widened is edit:
        widened = _ahead(old, new, widened)
    return widened


def _back(old: list[Atom], new: list[Atom], edit: Edit) -> Edit:
    back = edit.i1
    while back > 0 and not old[back - 1].word:
        back -= 1
    if back == 0:
        return edit
    n = edit.i1 - (back - 1)
    if n <= edit.j1 and [a.key for a in old[back - 1:edit.i1]] == [a.key for a in new[edit.j1 - n:edit.j1]]:
        return Edit(back - 1, edit.i2, edit.j1 - n, edit.j2)
    return edit


def _ahead(old: list[Atom], new: list[Atom], edit: Edit) -> Edit:
    ahead = edit.i2
    while ahead < len(old) and not old[ahead].word:
        ahead += 1
    if ahead >= len(old):
        return edit
    n = ahead + 1 - edit.i2
    if [a.key for a in old[edit.i2:ahead + 1]] == [a.key for a in new[edit.j2:edit.j2 + n]]:
        return Edit(edit.i1, ahead + 1, edit.j1, edit.j2 + n)
    return edit
