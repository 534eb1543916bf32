"""A note's PDF layout and its DOCX as LibreOffice lays it out (a PDF) -> the PDF's page breaks
that the DOCX does not share (`toolkit check --layout`).

The two engines break lines differently, so a break is compared by block: a PDF page that
starts in a paragraph (or at a heading) is matched when a DOCX page also starts in it. The
DOCX page's first words are looked for in the PDF's text, block by block (letters and
figures only: hyphens, spaces and the running head's punctuation left out).
"""

from __future__ import annotations

import re

from toolkit.errors import Position
from toolkit.model.document import Note
from toolkit.preflight.sources import Places
from toolkit.render.layout import CONTENTS, OTHER, Layout

KEY = 24  # letters and figures a DOCX page's first words must share with a PDF block
LOOK = 160  # how far into a DOCX page its first words are looked for (past a running head)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.replace("\u2010", "")).lower()


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page of a PDF, by pdfium (a dependency of the build)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def _masthead(layout: Layout) -> set[int]:
    """The blocks before the first of the text on page 1 (the masthead: the DOCX repeats its symbol
    as a running head, which must not be taken for the start of a page)."""
    out: set[int] = set()
    for line in layout.pages[0].lines if layout.pages else ():
        if layout.blocks[line.block].kind != OTHER:
            break
        out.add(line.block)
    return out


def _corpus(layout: Layout) -> tuple[str, list[tuple[int, int]]]:
    """The letters of the whole text, and (where each block starts in them, the block), in order."""
    # The contents repeats the headings' words: a page starting at a heading is the heading's.
    skip = _masthead(layout) | {index for index, block in enumerate(layout.blocks) if block.kind == CONTENTS}
    text: dict[int, list[str]] = {}
    seen: dict[int, int] = {}  # block -> the page it was first on
    for page in layout.pages:
        for line in page.lines:
            if line.block in skip or (layout.blocks[line.block].name == "th"
                                      and seen.setdefault(line.block, page.number) != page.number):
                continue  # a table's header row repeated on a later page: its words are read once
            text.setdefault(line.block, []).append(line.label + line.text)
    letters, starts = [], []
    at = 0
    for block, lines in text.items():
        starts.append((at, block))
        chunk = _letters("".join(lines))
        letters.append(chunk)
        at += len(chunk)
    return "".join(letters), starts


def _block_at(offset: int, starts: list[tuple[int, int]]) -> int:
    found = starts[0][1]
    for at, block in starts:
        if at > offset:
            break
        found = block
    return found


def _unit(layout: Layout, block: int) -> tuple[str, int]:
    """What a page break is compared by: the block, or for a table's cell the table (the two
    engines may repeat a table's header row or not)."""
    table = layout.blocks[block].table
    return ("table", table) if table is not None else ("block", block)


def _starts(docx_pages: list[str], layout: Layout) -> set[tuple[str, int]]:
    """The blocks (tables) in which the DOCX's pages (after the first) start."""
    corpus, starts = _corpus(layout)
    found: set[tuple[str, int]] = set()
    if not starts:
        return found
    for text in docx_pages[1:]:
        letters = _letters(text)
        for offset in range(0, max(1, min(LOOK, len(letters) - KEY))):
            at = corpus.find(letters[offset:offset + KEY])
            if at >= 0:
                found.add(_unit(layout, _block_at(at, starts)))
                break
    return found


def docx_breaks(note: Note, layout: Layout, docx_pdf: bytes) -> list[tuple[Position, int, str]]:
    """(where, PDF page, message) for each PDF page that starts in a block no DOCX page starts in."""
    starts = _starts(page_texts(docx_pdf), layout)
    places = Places(note)
    out = []
    for page in layout.pages[1:]:
        first = page.lines[0] if page.lines else None
        if first is None or _unit(layout, first.block) in starts:
            continue
        words = " ".join((first.label + " " + first.text).split()[:6])
        out.append((places.of(layout.blocks[first.block]), page.number,
                    f"the PDF starts page {page.number} at \u201c{words}\u201d; "
                    "the DOCX (as LibreOffice lays it out) breaks its pages elsewhere"))
    return out
