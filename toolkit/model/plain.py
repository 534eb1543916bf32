"""Model content -> plain text: for checks (glyphs), messages and the parity of renderers."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.model.wording import for_language

from toolkit.model.document import (BulletList, Chapter, Code, Emphasis, Figure, FootnoteRef, Inline, LineBreak,
                                    Link, ListItem, Note, Paragraph, Ref, Strong, SubHeading, Table, TableNoteRef,
                                    Text, Tracked)


def inline_text(content: tuple[Inline, ...]) -> str:
    out = []
    for node in content:
        if isinstance(node, (Text, Code)):
            out.append(node.text)
        elif isinstance(node, (Emphasis, Strong, Link, Tracked)):  # Tracked: both sides print
            out.append(inline_text(node.children))
        elif isinstance(node, LineBreak):
            out.append("\n")
        elif isinstance(node, FootnoteRef):
            out.append(str(node.number))
        elif isinstance(node, Ref):
            out.append(node.text)
        elif isinstance(node, TableNoteRef):
            out.append(node.letter)
    return "".join(out)


def _items(items: tuple[ListItem, ...]) -> Iterator[str]:
    for item in items:
        yield inline_text(item.content)
        yield from _items(item.children)


def _chapters(chapters: tuple[Chapter, ...]) -> Iterator[str]:
    for chapter in chapters:
        yield inline_text(chapter.title)
        for block in chapter.blocks:
            if isinstance(block, Paragraph):
                yield inline_text(block.content)
                yield from _items(block.subitems)
            elif isinstance(block, BulletList):
                yield from _items(block.items)
            elif isinstance(block, SubHeading):
                yield inline_text(block.content)
            elif isinstance(block, Table):
                if block.caption:
                    yield block.caption
                yield inline_text(block.title)
                for row in (block.header, *block.rows):
                    yield from (inline_text(cell) for cell in row)
                yield inline_text(block.source)
                for note in block.notes:
                    yield note.letter
                    yield inline_text(note.content)
            elif isinstance(block, Figure):
                yield from (block.caption or "", inline_text(block.title), inline_text(block.source))


def body_strings(chapters: tuple[Chapter, ...]) -> Iterator[str]:
    """Every piece of text the chapters print (their headings, paragraphs, lists, tables, figures)."""
    return _chapters(chapters)


def note_strings(note: Note) -> Iterator[str]:
    """Every piece of text the note prints."""
    m = note.masthead
    yield from (line for line in (m.symbol, m.distribution, m.date, m.language, *m.organization, m.meeting_title,
                                  m.meeting_dates, m.meeting_venue, m.agenda_heading, m.item_line,
                                  inline_text(m.title), m.author_line, m.supplement, m.annex_heading,
                                  inline_text(m.annex_title),
                                  note.contents_heading) if line)
    yield from _chapters(note.chapters)
    for annex in note.annexes:
        yield annex.heading
        yield inline_text(annex.title)
        yield from _chapters(annex.chapters)
    for footnote in note.footnotes:
        yield inline_text(footnote.content)


def attached_page(language_code: str, heading: str | None, title: tuple[Inline, ...] | None, page: int,
                  pages: int) -> str:
    """What a page of an annex attached as a PDF or Word file is, in the document's language ("Annex II.
    A signed statement, page 1 of 3 of the attached document"): the PDF's alternative text of the page
    and the DOCX picture's description, decided here for both."""
    return for_language(language_code).attached_page(heading or "", inline_text(title or ()), page, pages)
