"""Inline content -> atoms (words, spaces, punctuation, footnote calls) and back; the word diff of two.

An atom is one token with the formatting around it (italic, bold, link, language), so a
diff of two paragraphs is a diff of atoms and either side can be rebuilt as model inline
nodes with its formatting. What an atom is compared by (`key`) ignores numbers the model
decides: a footnote call is its footnote's key, a reference ("paragraph 12") its target,
so renumbering alone is never a change.

    atoms(content) -> list[Atom]
    build(atoms) -> tuple[Inline, ...]
    diff(old, new) -> list[Change]   # equal / replace / insert / delete spans, whole words
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from toolkit.model.document import (Code, Emphasis, FootnoteRef, Inline, LineBreak, Link, Ref, Strong, TableNoteRef,
                                    Text, Tracked)

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
Mark = tuple[str, ...]  # ("em",), ("strong",), ("link", url)


@dataclass(frozen=True)
class Atom:
    text: str  # what it prints in the text flow ("" for a footnote call: the layout sets it apart)
    key: tuple  # what it is compared by
    marks: tuple[Mark, ...] = ()  # outermost first
    lang: str | None = None
    node: Inline | None = None  # the node itself, for atoms that are not plain words

    @property
    def space(self) -> bool:
        return self.node is None and self.text.isspace()

    @property
    def word(self) -> bool:
        return self.node is None and bool(re.match(r"\w", self.text))


def atoms(content: tuple[Inline, ...], marks: tuple[Mark, ...] = ()) -> list[Atom]:
    out: list[Atom] = []
    for node in content:
        if isinstance(node, Text):
            out.extend(Atom(tok, ("t", tok, marks), marks, node.lang) for tok in _TOKEN.findall(node.text))
        elif isinstance(node, Emphasis):
            out.extend(atoms(node.children, marks + (("em",),)))
        elif isinstance(node, Strong):
            out.extend(atoms(node.children, marks + (("strong",),)))
        elif isinstance(node, Link):
            out.extend(atoms(node.children, marks + (("link", node.url),)))
        elif isinstance(node, Tracked):
            raise TypeError("content already marked with tracked changes cannot be compared")
        elif isinstance(node, FootnoteRef):
            out.append(Atom("", ("fn", node.key), marks, node=node))
        elif isinstance(node, Ref):
            out.append(Atom(node.text, ("ref", node.target, node.kind), marks, node=node))
        elif isinstance(node, Code):
            out.append(Atom(node.text, ("code", node.text), marks, node=node))
        elif isinstance(node, TableNoteRef):
            out.append(Atom(node.letter, ("tn", node.key), marks, node=node))
        elif isinstance(node, LineBreak):
            out.append(Atom("\n", ("br",), marks, node=node))
        else:
            raise TypeError(f"no atoms for {type(node).__name__}")
    return out


def _wrap(mark: Mark, children: tuple[Inline, ...]) -> Inline:
    if mark[0] == "em":
        return Emphasis(children)
    if mark[0] == "strong":
        return Strong(children)
    return Link(mark[1], children)


def build(items: list[Atom]) -> tuple[Inline, ...]:
    """Atoms -> inline nodes: neighbours with the same formatting share one Text and one wrapper."""
    out: list[Inline] = []
    index = 0
    while index < len(items):
        marks = items[index].marks
        if marks:  # the longest run under the same outermost mark, built inside it
            end = index
            while end < len(items) and items[end].marks[:1] == marks[:1]:
                end += 1
            inner = [replace(a, marks=a.marks[1:]) for a in items[index:end]]
            out.append(_wrap(marks[0], build(inner)))
            index = end
            continue
        atom = items[index]
        if atom.node is not None:
            out.append(atom.node)
            index += 1
            continue
        end = index
        while end < len(items) and not items[end].marks and items[end].node is None \
                and items[end].lang == atom.lang:
            end += 1
        out.append(Text("".join(a.text for a in items[index:end]), atom.lang))
        index = end
    return tuple(out)


def plain(items: list[Atom]) -> str:
    return "".join(a.text for a in items)


@dataclass(frozen=True)
class Change:
    """One span of the diff: old[i1:i2] became new[j1:j2]; tag as difflib's."""

    tag: str  # equal | replace | insert | delete
    i1: int
    i2: int
    j1: int
    j2: int


def _opcodes(old: list[Atom], new: list[Atom]) -> list[Change]:
    matcher = SequenceMatcher(None, [a.key for a in old], [a.key for a in new], autojunk=False)
    return [Change(*op) for op in matcher.get_opcodes()]


def diff(old: list[Atom], new: list[Atom]) -> list[Change]:
    """The word diff, with a change's neighbours that are only spaces or one short word folded in
    ("the" or a space matched between two changes reads as noise, not as kept text)."""
    changes = _opcodes(old, new)
    merged: list[Change] = []
    for index, change in enumerate(changes):
        between = (change.tag == "equal" and 0 < index < len(changes) - 1
                   and _slight(old[change.i1:change.i2]))
        if between or (change.tag != "equal" and merged and merged[-1].tag != "equal"):
            last = merged.pop() if merged and merged[-1].tag != "equal" else None
            start = last or change
            merged.append(Change("replace", start.i1, change.i2, start.j1, change.j2))
        else:
            merged.append(change)
    return [_retag(c) for c in merged]


def _slight(items: list[Atom]) -> bool:
    words = [a for a in items if not a.space]
    return not words or (len(words) == 1 and words[0].word and len(words[0].text) <= 3 and len(items) <= 3)


def _retag(change: Change) -> Change:
    if change.tag == "equal":
        return change
    if change.i1 == change.i2:
        return replace(change, tag="insert")
    if change.j1 == change.j2:
        return replace(change, tag="delete")
    return replace(change, tag="replace")


def similarity(old: list[Atom], new: list[Atom]) -> float:
    """0 (nothing in common) to 1 (the same words), over the words and calls, not the spaces."""
    a = [x.key for x in old if not x.space]
    b = [x.key for x in new if not x.space]
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
