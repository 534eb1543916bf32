"""Paragraph and list numbers of the model -> Word numbering (numbering.xml abstractNum/num).

The reference document holds three lists, each linked to paragraph styles: the paragraph
list ("1." / "(a)" / "(i)", styles Numbered Paragraph, Sub-item, Sub-sub-item), the
bullet list (List Bullet, List Bullet 2) and the chapter list ("II.", heading 1, which
Annex Chapter Heading is based on). A note's paragraphs use the paragraph list
through their style alone, so numbers run on through chapters and considerations and an
editor who inserts a paragraph sees them follow. Each annex, and each lettered list that
hangs under no numbered paragraph, and each annex's chapters, get their own w:num with a startOverride: Word and
LibreOffice both restart there. The writer never types a number; instead `Lists.place`
works out the label Word will show and refuses to go on if it is not the model's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from docx.oxml.ns import qn
from toolkit.model.words import letter, roman
from toolkit.render.docx.oxml.ooxml import el, ppr, val
from toolkit.render.docx.oxml.styles import BULLET, CHAPTER, NUMBERED, StyleMap

# ---- the lists of the reference document (used by reference/make.py) ----------

PARAGRAPH_LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))
BULLET_LEVELS = (("bullet", "\u2022"), ("bullet", "\u2022"))
CHAPTER_LEVELS = (("upperRoman", "%1."),)  # "II." and a tab, linked to heading 1


def abstract_num(abstract_id: int, name: str, levels: tuple[tuple[str, str], ...],
                 styles: tuple[str, ...], indents: tuple[tuple[int, int], ...]) -> etree._Element:
    """A multilevel list; level i is linked to paragraph style id styles[i], indented like it."""
    node = el("w:abstractNum", {"w:abstractNumId": str(abstract_id)},
              val("w:multiLevelType", "multilevel"), val("w:name", name))
    for ilvl, ((fmt, text), style_id, (left, hanging)) in enumerate(zip(levels, styles, indents, strict=True)):
        node.append(el("w:lvl", {"w:ilvl": str(ilvl)},
                       val("w:start", 1), val("w:numFmt", fmt), val("w:pStyle", style_id),
                       val("w:lvlText", text), val("w:lvlJc", "left"),
                       ppr(el("w:ind", {"w:left": str(left), "w:hanging": str(hanging)}))))
    return node


def num(num_id: int, abstract_id: int, restart_level: int | None = None, start: int = 1) -> etree._Element:
    node = el("w:num", {"w:numId": str(num_id)}, val("w:abstractNumId", abstract_id))
    if restart_level is not None:
        node.append(el("w:lvlOverride", {"w:ilvl": str(restart_level)}, val("w:startOverride", start)))
    return node


# ---- numbering a note --------------------------------------------------------


class NumberingMismatch(Exception):
    """Word would show another label than the model's (a restyled reference, or a bug)."""


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


def _format(fmt: str, n: int) -> str:
    if fmt == "decimal":
        return str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        out = letter(n)
        return out if fmt == "lowerLetter" else out.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        out = roman(n)
        return out.lower() if fmt == "lowerRoman" else out
    raise NumberingMismatch(f"the reference's list uses number format {fmt!r}, which the model never uses")


@dataclass
class Lists:
    """The numbering part of one document being written, and the numbers Word will show."""

    part: etree._Element
    paragraph_num: int  # the note's run of paragraph numbers (linked to the Numbered Paragraph style)
    bullet_num: int
    chapter_num: int  # the note's chapter numerals (linked to heading 1)
    levels: dict[int, list[_Level]]  # numId -> levels of its abstractNum
    overrides: dict[int, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    counters: dict[int, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def read(cls, part: etree._Element, styles: StyleMap) -> Lists:
        linked = {name: styles.num_link(name) for name in (NUMBERED, BULLET, CHAPTER)}
        if None in linked.values():
            unlinked = [name for name, link in linked.items() if link is None]
            raise NumberingMismatch(f"style {unlinked[0]!r} is not linked to a list (Format > Numbering)")
        abstracts = {a.get(qn("w:abstractNumId")): a for a in part.iterchildren(qn("w:abstractNum"))}
        lists = cls(part, linked[NUMBERED][0], linked[BULLET][0], linked[CHAPTER][0], {})
        for node in part.iterchildren(qn("w:num")):
            abstract = abstracts.get(node.find(qn("w:abstractNumId")).get(qn("w:val")))
            if abstract is not None:
                lists.levels[int(node.get(qn("w:numId")))] = [_read_level(lvl) for lvl in
                                                              abstract.iterchildren(qn("w:lvl"))]
        for name, num_id in ((NUMBERED, lists.paragraph_num), (BULLET, lists.bullet_num),
                             (CHAPTER, lists.chapter_num)):
            if num_id not in lists.levels:
                raise NumberingMismatch(f"style {name!r} is linked to list {num_id}, which numbering.xml lacks")
        return lists

    def label_items(self, label: Callable[[str], str]) -> None:
        """The paragraph list's sub-item levels printed as the document's language labels them:
        label("%2") is "(%2)" for (a), "%2)" for a) in French and Russian (the model's list_label)."""
        abstract_id = self._abstract_of(self.paragraph_num)
        abstract = next(a for a in self.part.iterchildren(qn("w:abstractNum"))
                        if a.get(qn("w:abstractNumId")) == abstract_id)
        for lvl in abstract.iterchildren(qn("w:lvl")):
            ilvl = int(lvl.get(qn("w:ilvl")))
            text = lvl.find(qn("w:lvlText"))
            if ilvl in (1, 2) and text is not None:
                text.set(qn("w:val"), label(f"%{ilvl + 1}"))
        fresh = [_read_level(lvl) for lvl in abstract.iterchildren(qn("w:lvl"))]
        for node in self.part.iterchildren(qn("w:num")):
            if node.find(qn("w:abstractNumId")).get(qn("w:val")) == abstract_id:
                self.levels[int(node.get(qn("w:numId")))] = fresh

    def _abstract_of(self, num_id: int) -> str:
        """The w:abstractNumId of list num_id."""
        return next(n.find(qn("w:abstractNumId")).get(qn("w:val")) for n in self.part.iterchildren(qn("w:num"))
                    if int(n.get(qn("w:numId"))) == num_id)

    def restart(self, ilvl: int, start: int = 1, base: int | None = None) -> int:
        """A new w:num of list `base` (the paragraph list if None) whose level `ilvl` starts again at `start`."""
        base = self.paragraph_num if base is None else base
        num_id = max(int(n.get(qn("w:numId"))) for n in self.part.iterchildren(qn("w:num"))) + 1
        node = num(num_id, int(self._abstract_of(base)), ilvl, start)
        cleanup = self.part.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(node)
        else:
            self.part.append(node)
        self.levels[num_id] = self.levels[base]
        self.overrides[num_id] = {ilvl: start}
        return num_id

    def place(self, num_id: int, ilvl: int, label: str | None, where: str) -> None:
        """Counts one paragraph of list num_id at level ilvl; its label must be the model's."""
        levels = self.levels[num_id]
        if ilvl >= len(levels):
            raise NumberingMismatch(f"{where}: the reference's list has no level {ilvl + 1}")
        counters = self.counters.setdefault(num_id, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = self.overrides.get(num_id, {}).get(ilvl, levels[ilvl].start)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # Word restarts a level after any higher level
        level = levels[ilvl]
        if level.fmt == "bullet":
            shown = None
        else:
            shown = level.text
            for k in range(ilvl, -1, -1):
                count = counters.get(k, levels[k].start)
                shown = shown.replace(f"%{k + 1}", _format(levels[k].fmt, count))
        if shown != label:
            raise NumberingMismatch(f"{where}: Word would number it {shown or 'with a bullet'!r}, "
                                    f"the note has {label or 'a bullet'!r}")


def _read_level(lvl: etree._Element) -> _Level:
    def get(tag: str, default: str) -> str:
        node = lvl.find(qn(tag))
        return node.get(qn("w:val"), default) if node is not None else default

    return _Level(get("w:numFmt", "decimal"), get("w:lvlText", ""), int(get("w:start", "1")))
