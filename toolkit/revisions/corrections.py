"""The issued and the current note -> the corrections of a corrigendum, in UN form.

    corrections(issued, current, lines=None) -> tuple[Correction, ...]

Everything is cited as issued: paragraph, table, figure, annex and footnote numbers of the
issued note, never pages; `lines` (render/pdf/lines.py) adds the line of the issued PDF where the
changed words start ("Paragraph 5, line 3"), and without it the line is left out. A few
changed words: "*For* 150 *read* 200" (a lone added or dropped word is cited with its
neighbour, "*For* cities *read* member cities"); a paragraph mostly rewritten (or changed
in more than MAX_EDITS places): "Replace the paragraph by the following:" and its new
text; a new paragraph: "After paragraph 7, insert a new paragraph reading:" and
"Subsequent paragraphs should be renumbered accordingly."; a paragraph dropped: "Delete".
A table changed cell by cell: "Annex II, table 1, row Mongolia, column 2022: *For* 10
*read* 12"; changed in shape, replaced. Corrections come in the order of the issued
document, a footnote's after the paragraph that calls it.

`Correction.blocks()` gives unnumbered model blocks (the place, the instruction, the
quoted text, the closing sentence) that both renderers print; `.text()` plain lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toolkit.model.document import (Block, BulletList, Chapter, Figure, Footnote, FootnoteRef, Inline, ListItem, Note,
                                    Paragraph, SubHeading, Table, Text)
from toolkit.model.plain import inline_text
from toolkit.model.walk import nodes
from toolkit.revisions import wording as W
from toolkit.revisions.atoms import Atom, atoms, similarity
from toolkit.revisions.edits import Edit, edits, printed, quote, quote_inline, shown
from toolkit.model.issued import Lines
from toolkit.revisions.units import PAIRED, Region, Unit, align, regions

MAX_EDITS = 3  # more changed places than this in one paragraph: the paragraph is replaced

_NOUNS = {"paragraph": "paragraph", "heading": "heading", "subheading": "subheading", "bullets": "list",
          "table": "table", "figure": "figure"}


@dataclass(frozen=True)
class Correction:
    place: str  # "Paragraph 5, line 3"
    instruction: tuple[Inline, ...]  # *For* 150 *read* 200
    quoted: tuple[Block, ...] = ()  # the new text, after "... by the following:" or "... reading:"
    closing: str | None = None  # "Subsequent paragraphs should be renumbered accordingly."
    inline: bool = False  # place and instruction are one sentence: "After paragraph 7, insert ..."

    def blocks(self) -> tuple[Block, ...]:
        if self.inline:
            head: tuple[Block, ...] = (Paragraph(None, (Text(f"{self.place}, "), *self.instruction), numbered=False),)
        else:  # the place on a line of its own, the instruction under it, as UN corrigenda print them
            head = (Paragraph(None, (Text(self.place),), numbered=False),
                    Paragraph(None, self.instruction, numbered=False))
        tail = (Paragraph(None, (Text(self.closing),), numbered=False),) if self.closing else ()
        return head + self.quoted + tail

    def text(self) -> list[str]:
        out = [f"{self.place}{', ' if self.inline else ': '}{inline_text(self.instruction)}"]
        for block in self.quoted:
            out.extend(_block_text(block))
        if self.closing:
            out.append(self.closing)
        return out


def text_lines(found: tuple[Correction, ...]) -> list[str]:
    """Every correction as plain lines, for tests and messages."""
    return [line for correction in found for line in correction.text()]


def _block_text(block: Block) -> list[str]:
    if isinstance(block, (Paragraph, SubHeading)):
        label = f"{block.label} " if isinstance(block, Paragraph) and block.label else ""
        return [label + inline_text(block.content)] + [f"{i.label or '-'} {inline_text(i.content)}"
                                                       for i in getattr(block, "subitems", ())]
    if isinstance(block, BulletList):
        return [f"- {inline_text(i.content)}" for i in block.items]
    if isinstance(block, Table):
        rows = [block.header, *block.rows]
        return [f"{block.caption or ''} {inline_text(block.title)}".strip()] + [
            " | ".join(inline_text(c) for c in row) for row in rows]
    if isinstance(block, Figure):
        return [f"{block.caption or ''} {inline_text(block.title)}".strip()]
    return []


# ---- one region --------------------------------------------------------------------


@dataclass
class _Found:
    items: list[tuple[tuple, Correction]] = field(default_factory=list)

    def add(self, key: tuple, correction: Correction) -> None:
        self.items.append((key, correction))


class _Region:
    def __init__(self, index: int, region: Region, lines: Lines | None, found: _Found):
        self.index = index
        self.region = region
        self.lines = lines
        self.found = found
        self.position = {id(u): i for i, u in enumerate(region.units)}
        self.prefix = f"{region.heading}, " if region.heading else ""

    # -- citing a unit as issued --
    def cite(self, unit: Unit) -> str:
        node = unit.node
        if isinstance(node, Chapter):
            return f"chapter {node.numeral}, heading"
        if isinstance(node, Paragraph):
            if node.number is not None:
                return f"paragraph {node.number}"
            ordinal = sum(1 for u in self.region.units[:self.position[id(unit)] + 1] if u.kind == "paragraph")
            return f"{W.ordinal(ordinal)} paragraph"
        if isinstance(node, (Table, Figure)) and node.number:
            return f"{node.caption_word.lower()} {node.number}"
        before = self._numbered_before(self.position[id(unit)])
        after = f" following paragraph {before}" if before is not None else ""
        return {"subheading": "subheading", "bullets": "bullet points", "table": "table",
                "figure": "figure"}[unit.kind] + after

    def place(self, words: str) -> str:
        return W.capital(self.prefix + words)

    def _numbered_before(self, index: int) -> int | None:
        for unit in reversed(self.region.units[:index]):
            if isinstance(unit.node, Paragraph) and unit.node.number is not None:
                return unit.node.number
        return None

    def _numbered_after(self, index: int) -> bool:
        return any(isinstance(u.node, Paragraph) and u.node.number is not None
                   for u in self.region.units[index + 1:])

    # -- the walk --
    def walk(self, pairs: list[tuple[Unit | None, Unit | None]]) -> None:
        last = -1  # position of the last issued unit passed
        inserted: list[Unit] = []
        for old, new in pairs:
            if old is None:
                inserted.append(new)
                continue
            if inserted:
                self._inserted(last, inserted)
                inserted = []
            last = self.position[id(old)]
            if new is None:
                self._deleted(old)
            elif old.key != new.key:
                self._changed(old, new)
        if inserted:
            self._inserted(last, inserted)

    def _key(self, index: int, sub: int = 0) -> tuple:
        return (self.index, index, sub)

    def _inserted(self, last: int, units: list[Unit]) -> None:
        before = self._numbered_before(last + 1)
        if before is not None:
            where = W.AFTER.format(place=self.prefix + f"paragraph {before}")
        elif last >= 0:
            where = W.AFTER.format(place=self.prefix + self.cite(self.region.units[last]))
        elif self.region.units:
            where = W.BEFORE.format(place=self.prefix + self.cite(self.region.units[0]))
        else:
            where = W.AT_END.format(place=(self.region.heading or "the document").lower())
        kinds = {u.kind for u in units}
        noun = _NOUNS[units[0].kind]
        if len(kinds) > 1:
            phrase = W.INSERT_MIXED
        elif len(units) == 1:
            phrase = W.INSERT_ONE.format(noun=noun)
        else:
            phrase = W.INSERT_MANY.format(count=W.count(len(units)), noun=noun)
        numbered = any(isinstance(u.node, Paragraph) and u.node.number is not None for u in units)
        closing = W.RENUMBER.format(noun="paragraph") if numbered and self._numbered_after(last) else None
        self.found.add(self._key(last, 1), Correction(W.capital(where), (Text(phrase),),
                                                     tuple(quote(u) for u in units), closing, inline=True))

    def _deleted(self, old: Unit) -> None:
        index = self.position[id(old)]
        numbered = isinstance(old.node, Paragraph) and old.node.number is not None
        closing = W.RENUMBER.format(noun="paragraph") if numbered and self._numbered_after(index) else None
        self.found.add(self._key(index), Correction(self.place(self.cite(old)), (Text(W.DELETE),), (), closing))

    def _replace(self, old: Unit, new: Unit) -> None:
        noun = _NOUNS[old.kind]
        self.found.add(self._key(self.position[id(old)]),
                       Correction(self.place(self.cite(old)), (Text(W.REPLACE.format(noun=noun)),), (quote(new),)))

    def _changed(self, old: Unit, new: Unit) -> None:
        if isinstance(old.node, Table):
            self._table(old, new)
            return
        if isinstance(old.node, Figure) and old.node.image.sha256 != new.node.image.sha256:
            self._replace(old, new)
            return
        parts = self._parts(old, new)
        if parts is None:
            self._replace(old, new)
            return
        old_all = [a for _, o, _, _ in parts for a in o]
        new_all = [a for _, _, n, _ in parts for a in n]
        found = [(sub, o, n, e) for sub, o, n, item in parts for e in edits(o, n)]
        sub_items = {sub: item for sub, _, _, item in parts}
        if isinstance(old.node, Paragraph) and (similarity(old_all, new_all) < PAIRED or len(found) > MAX_EDITS):
            self._replace(old, new)
            return
        index = self.position[id(old)]
        for sub, o, n, edit in found:
            where = self.cite(old) + sub
            line = self._lines(index, sub_items[sub], o, edit) if isinstance(old.node, Paragraph) else None
            if line:
                where += f", {line}"
            self.found.add(self._key(index, 0), Correction(
                self.place(where), W.for_read(shown(o[edit.i1:edit.i2]), shown(n[edit.j1:edit.j2]))))

    def _parts(self, old: Unit, new: Unit) -> list[tuple[str, list[Atom], list[Atom], int | None]] | None:
        """The pieces of content compared one to one: (" (a)", old atoms, new atoms, sub-item index);
        None when the unit changed in shape (sub-items or list items added or dropped)."""
        a, b = old.node, new.node
        if isinstance(a, Chapter) or isinstance(a, SubHeading):
            content = (a.title, b.title) if isinstance(a, Chapter) else (a.content, b.content)
            return [("", atoms(content[0]), atoms(content[1]), None)]
        if isinstance(a, Paragraph):
            old_items, new_items = _flat(a.subitems), _flat(b.subitems)
            if [label for label, _, _ in old_items] != [label for label, _, _ in new_items]:
                return None
            return [("", atoms(a.content), atoms(b.content), None)] + [
                (f" {label}", atoms(o), atoms(n), top)
                for (label, o, top), (_, n, _) in zip(old_items, new_items, strict=True)]
        if isinstance(a, BulletList):
            if len(a.items) != len(b.items) or any(i.children or j.children
                                                   for i, j in zip(a.items, b.items, strict=True)):
                return None
            return [(f", {W.ordinal(k)} bullet point", atoms(i.content), atoms(j.content), None)
                    for k, (i, j) in enumerate(zip(a.items, b.items, strict=True), 1)]
        if isinstance(a, Figure):
            return [(", title", atoms(a.title), atoms(b.title), None),
                    (", source", atoms(a.source), atoms(b.source), None)]
        return None

    def _lines(self, index: int, item: int | None, old: list[Atom], edit: Edit) -> str | None:
        if self.lines is None:
            return None
        first_offset = printed(old[:edit.i1])
        last_offset = first_offset + max(printed(old[edit.i1:edit.i2]) - 1, 0)
        first = self.lines.line_of(self.index, index, item, first_offset)
        last = self.lines.line_of(self.index, index, item, last_offset)
        if first is None:
            return None
        return W.lines_phrase(first, last or first)

    def _table(self, old: Unit, new: Unit) -> None:
        a, b = old.node, new.node
        index = self.position[id(old)]
        cite = self.cite(old)
        same_shape = (len(a.header) == len(b.header) and len(a.rows) == len(b.rows)
                      and [atoms(c) for c in a.header] == [atoms(c) for c in b.header]
                      and [n.letter for n in a.notes] == [n.letter for n in b.notes])
        if not same_shape:
            self._replace(old, new)
            return
        pieces: list[tuple[str, tuple[Inline, ...], tuple[Inline, ...], bool]] = [
            (", title", a.title, b.title, False)]
        for r, (row_a, row_b) in enumerate(zip(a.rows, b.rows, strict=True), 1):
            name = inline_text(row_a[0]).strip() if row_a[0] == row_b[0] and inline_text(row_a[0]).strip() \
                else f"{r}"
            for c, (cell_a, cell_b) in enumerate(zip(row_a, row_b, strict=True)):
                column = inline_text(a.header[c]).strip() or f"{c + 1}"
                pieces.append((f", row {name}, column {column}", cell_a, cell_b, True))
        pieces.append((", source", a.source, b.source, False))
        pieces += [(f", note {n.letter}", n.content, m.content, False) for n, m in zip(a.notes, b.notes, strict=True)]
        for where, x, y, whole in pieces:
            o, n = atoms(x), atoms(y)
            if [t.key for t in o] == [t.key for t in n]:
                continue
            spans = [Edit(0, len(o), 0, len(n))] if whole else edits(o, n)
            for edit in spans:
                self.found.add(self._key(index), Correction(
                    self.place(cite + where), W.for_read(shown(o[edit.i1:edit.i2]), shown(n[edit.j1:edit.j2]))))


def _flat(items: tuple[ListItem, ...], top: bool = True) -> list[tuple[str, tuple[Inline, ...], int | None]]:
    """Sub-items as (label path, content, index among the top-level items or None)."""
    out = []
    for index, item in enumerate(items):
        label = item.label or "-"
        out.append((label, item.content, index if top else None))
        out.extend((f"{label} {sub}", content, None) for sub, content, _ in _flat(item.children, False))
    return out


# ---- footnotes ------------------------------------------------------------------------


def _callers(note: Note) -> dict[str, tuple]:
    """Footnote key -> the sort key of the unit whose call carries its text."""
    out: dict[str, tuple] = {}
    for r, region in enumerate(regions(note)):
        for u, unit in enumerate(region.units):
            for ref in nodes(unit.node, FootnoteRef):
                out.setdefault(ref.key, (r, u, 2))
    return out


def _footnotes(issued: Note, current: Note, found: _Found) -> None:
    callers = _callers(issued)
    new_by_key = {f.key: f for f in current.footnotes}
    old_by_key = {f.key: f for f in issued.footnotes}
    last_number = max((f.number for f in issued.footnotes), default=0)
    sort_key: tuple = (0, -1, 2)
    for footnote in issued.footnotes:
        sort_key = callers.get(footnote.key, sort_key)
        place = f"Footnote {footnote.number}"
        if footnote.key not in new_by_key:
            closing = W.RENUMBER.format(noun="footnote") if footnote.number < last_number else None
            found.add(sort_key, Correction(place, (Text(W.DELETE),), (), closing))
            continue
        o, n = atoms(footnote.content), atoms(new_by_key[footnote.key].content)
        if [a.key for a in o] == [a.key for a in n]:
            continue
        spans = edits(o, n)
        if similarity(o, n) < PAIRED or len(spans) > MAX_EDITS:
            found.add(sort_key, Correction(place, (Text(W.REPLACE.format(noun="footnote")),),
                                           (Paragraph(None, quote_inline(new_by_key[footnote.key].content),
                                                      numbered=False),)))
            continue
        for edit in spans:
            found.add(sort_key, Correction(place, W.for_read(shown(o[edit.i1:edit.i2]),
                                                               shown(n[edit.j1:edit.j2]))))
    # New footnotes, in runs, after the issued footnote before them in the current note.
    run: list[Footnote] = []
    previous: Footnote | None = None
    for footnote in (*current.footnotes, None):
        if footnote is not None and footnote.key not in old_by_key:
            run.append(footnote)
            continue
        if run:
            following = old_by_key.get(footnote.key) if footnote is not None else None
            _inserted_footnotes(run, previous, following, callers, found)
            run = []
        if footnote is not None:
            previous = old_by_key[footnote.key]


def _inserted_footnotes(new: list[Footnote], previous: Footnote | None, following: Footnote | None,
                        callers: dict[str, tuple], found: _Found) -> None:
    if previous is not None:
        where, key = W.AFTER.format(place=f"footnote {previous.number}"), callers.get(previous.key, (0, -1, 2))
    elif following is not None:
        where, key = W.BEFORE.format(place=f"footnote {following.number}"), callers.get(following.key, (0, -1, 2))
    else:
        where, key = "Footnotes", (0, -1, 2)
    phrase = W.INSERT_ONE.format(noun="footnote") if len(new) == 1 else \
        W.INSERT_MANY.format(count=W.count(len(new)), noun="footnote")
    closing = W.RENUMBER.format(noun="footnote") if following is not None else None
    found.add(key, Correction(W.capital(where), (Text(phrase),),
                              tuple(Paragraph(None, quote_inline(f.content), numbered=False) for f in new), closing,
                              inline=True))


# ---- the whole note -------------------------------------------------------------------


def corrections(issued: Note, current: Note, lines: Lines | None = None) -> tuple[Correction, ...]:
    found = _Found()
    new_regions = {r.key: r for r in regions(current)}
    old_regions = regions(issued)
    for index, region in enumerate(old_regions):
        other = new_regions.get(region.key)
        walker = _Region(index, region, lines, found)
        if other is None:  # an annex dropped
            found.add((index, -1, 0), Correction(region.heading or "", (Text(W.DELETE),)))
            continue
        walker.walk(align(region.units, other.units))
    old_keys = {r.key for r in old_regions}
    for region in regions(current):
        if region.key not in old_keys:  # a new annex: its heading, title and text
            last = old_regions[-1].heading
            where = W.AFTER.format(place=last.lower()) if last else W.AT_END.format(place="the document")
            quoted = tuple(quote(u) for u in region.units)
            found.add((len(old_regions), 0, 0), Correction(
                W.capital(where), (Text(W.INSERT_ONE.format(noun="annex")),),
                (Paragraph(None, (Text(region.heading or ""),), numbered=False), *quoted), inline=True))
    _footnotes(issued, current, found)
    ordered = sorted(enumerate(found.items), key=lambda pair: (pair[1][0], pair[0]))
    return tuple(correction for _, (_, correction) in ordered)
