"""ADAPTER (stand-in until the `tracked` branch's implementation is swapped in): the issued and the
current Note -> the corrections a corrigendum lists, cited by the numbers as issued.

This stand-in pairs paragraphs by their number (so an inserted paragraph shows as every later
one replaced), says "For X read Y" when one run of at most a few words differs, and replaces
the paragraph otherwise; it compares the title, footnotes and table cells the same way. It
knows no line numbers (`lines` is ignored)."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.model.document import (Block, Chapter, Emphasis, FootnoteRef, Inline, ListItem, Note, Paragraph, Table,
                                    Text)
from toolkit.model.plain import inline_text
from toolkit.model.walk import nodes

MAX_WORDS = 12  # a longer change is said by giving the whole paragraph


@dataclass(frozen=True)
class Correction:
    place: str  # "Paragraph 5", "Annex II, paragraph 3", "Table 1, row “China”, column “2023”"
    blocks: tuple[Block, ...]  # what to do: "For 150 read 200", or the words and the paragraph as corrected


def corrections(issued: Note, current: Note, lines: object | None = None) -> tuple[Correction, ...]:
    found: list[Correction] = []
    if issued.title != current.title:
        found.append(_change("Title", issued.title, current.title))
    parts = [("", issued.chapters, current.chapters)]
    parts += [(f"{a.heading}, ", a.chapters, b.chapters) for a, b in zip(issued.annexes, current.annexes)]
    for prefix, old, new in parts:
        found.extend(_paragraphs(prefix, old, new))
        found.extend(_tables(prefix, old, new))
    old_notes = {f.number: inline_text(f.content) for f in issued.footnotes}
    for footnote in current.footnotes:
        before = old_notes.get(footnote.number)
        if before is not None and before != inline_text(footnote.content):
            found.append(_change(f"Footnote {footnote.number}", before, inline_text(footnote.content),
                                 Paragraph(None, footnote.content)))
    return tuple(found)


def _text(paragraph: Paragraph) -> str:
    words = [inline_text(tuple(i for i in paragraph.content if not isinstance(i, FootnoteRef)))]
    words += [f"{item.label or ''} {inline_text(item.content)}" for item in nodes(paragraph.subitems, ListItem)]
    return " ".join(" ".join(words).split())


def _paragraphs(prefix: str, old: tuple[Chapter, ...], new: tuple[Chapter, ...]) -> list[Correction]:
    def numbered(chapters):
        return {p.number: p for p in nodes(chapters, Paragraph) if p.number is not None}

    before, after = numbered(old), numbered(new)
    out = []
    for number in sorted(set(before) | set(after)):
        place = f"{prefix}{'paragraph' if prefix else 'Paragraph'} {number}"
        if number not in after:
            out.append(Correction(place, (Paragraph(None, (Text("Delete the paragraph."),)),)))
        elif number not in before:
            out.append(Correction(place, (Paragraph(None, (Text("Add a new paragraph reading:"),)),
                                          _unnumbered(after[number]))))
        elif _text(before[number]) != _text(after[number]):
            out.append(_change(place, _text(before[number]), _text(after[number]), _unnumbered(after[number])))
    return out


def _tables(prefix: str, old: tuple[Chapter, ...], new: tuple[Chapter, ...]) -> list[Correction]:
    out = []
    for a, b in zip(nodes(old, Table), nodes(new, Table)):
        heads = [inline_text(cell) for cell in b.header]
        for row_old, row_new in zip(a.rows, b.rows):
            label = inline_text(row_new[0]) if row_new else ""
            for column, (x, y) in enumerate(zip(row_old, row_new)):
                if inline_text(x) != inline_text(y) and column < len(heads):
                    place = f"{prefix}{'table' if prefix else 'Table'} {b.number or ''}".rstrip()
                    out.append(_change(f"{place}, row “{label}”, column “{heads[column]}”", inline_text(x),
                                       inline_text(y)))
    return out


def _unnumbered(paragraph: Paragraph) -> Paragraph:
    return Paragraph(None, paragraph.content, paragraph.subitems)


def _change(place: str, before: str, after: str, whole: Paragraph | None = None) -> Correction:
    """"For 150 read 200" when one short run of words differs; else the words replaced whole."""
    old, new = before.split(), after.split()
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    x, y = old[start:len(old) - end], new[start:len(new) - end]
    if x and y and len(x) <= MAX_WORDS and len(y) <= MAX_WORDS:
        return Correction(place, (Paragraph(None, _for_read(" ".join(x), " ".join(y))),))
    if whole is not None:
        return Correction(place, (Paragraph(None, (Text("Replace the paragraph by the following:"),)), whole))
    return Correction(place, (Paragraph(None, _for_read(before, after)),))


def _for_read(x: str, y: str) -> tuple[Inline, ...]:
    return (Emphasis((Text("For"),)), Text(f" {x} "), Emphasis((Text("read"),)), Text(f" {y}"))
