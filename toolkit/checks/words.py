"""A document's length as the UN counts it: every word of the text (title, headings, paragraphs,
lists, tables, footnotes and annexes) split on whitespace, numbers included.

It is counted on the document as built (toolkit/model), so `{{ meeting.title }}` counts the
words it prints and `{{ ref("x") }}` counts "paragraph 12", while Markdown's own marks (#, |,
[^key]) and the numbers the toolkit adds (1., (a), I.) do not count."""

from __future__ import annotations

from toolkit.errors import Diagnostics, Position
from toolkit.model.document import (BulletList, Chapter, Code, Emphasis, Figure, FootnoteRef, LineBreak, Link,
                                    ListItem, Note, Paragraph, Ref, Strong, SubHeading, Table, TableNoteRef, Text)


def count(note: Note) -> int:
    pieces: list[str] = [note.title]
    for chapter in note.chapters:
        _chapter(chapter, pieces)
    for annex in note.annexes:
        pieces.append(annex.heading)
        pieces.append(_inline(annex.title))
        for chapter in annex.chapters:
            _chapter(chapter, pieces)
    pieces.extend(_inline(footnote.content) for footnote in note.footnotes)
    return sum(len(piece.split()) for piece in pieces)


def _chapter(chapter: Chapter, out: list[str]) -> None:
    out.append(_inline(chapter.title))
    for block in chapter.blocks:
        if isinstance(block, Paragraph):
            out.append(_inline(block.content))
            _items(block.subitems, out)
        elif isinstance(block, BulletList):
            _items(block.items, out)
        elif isinstance(block, SubHeading):
            out.append(_inline(block.content))
        elif isinstance(block, Table):
            out.extend(_inline(part) for part in (block.title, *block.header, block.source))
            out.extend(_inline(cell) for row in block.rows for cell in row)
            out.extend(_inline(note.content) for note in block.notes)
        elif isinstance(block, Figure):  # its description is for screen readers, not printed
            out.extend(_inline(part) for part in (block.title, block.source))


def _items(items: tuple[ListItem, ...], out: list[str]) -> None:
    for item in items:
        out.append(_inline(item.content))
        _items(item.children, out)


def _inline(runs) -> str:
    """Runs of one block joined as printed: "low-*carbon*" is one word, not two."""
    text = []
    for run in runs:
        if isinstance(run, Text):
            text.append(run.text)
        elif isinstance(run, Code):
            text.append(run.text)
        elif isinstance(run, (Emphasis, Strong, Link)):
            text.append(_inline(run.children))
        elif isinstance(run, LineBreak):
            text.append(" ")
        elif isinstance(run, Ref):
            text.append(f"{run.words}{run.number}{run.after}")
        elif isinstance(run, (FootnoteRef, TableNoteRef)):
            continue  # a superscript number or letter against a word: not a word of its own
    return "".join(text)


def check(note: Note, word_limit: int, diags: Diagnostics) -> int:
    """The document's count, with a warning when it is past the limit."""
    words = count(note)
    if words > word_limit:
        diags.warning(Position(note.source, 1, 1), f"{words:,} words, more than the word limit of {word_limit:,} "
                                                   "(word_limit in meeting.yaml): shorten the document, or move "
                                                   "material into an information document")
    return words
