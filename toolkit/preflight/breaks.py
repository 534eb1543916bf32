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
from toolkit.render.layout import OTHER, Layout

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


def _blocks(layout: Layout) -> list[tuple[int, str]]:
    """(block, its letters) for every block of the text, in order."""
    text: dict[int, list[str]] = {}
    for page in layout.pages:
        for line in page.lines:
            if layout.blocks[line.block].kind != OTHER:
                text.setdefault(line.block, []).append(line.text)
    return [(block, _letters("".join(lines))) for block, lines in text.items()]


def _starts(docx_pages: list[str], blocks: list[tuple[int, str]]) -> set[int]:
    """The blocks in which the DOCX's pages start."""
    found = set()
    for text in docx_pages[1:]:
        letters = _letters(text)
        for offset in range(0, max(1, min(LOOK, len(letters) - KEY))):
            key = letters[offset:offset + KEY]
            hits = [block for block, body in blocks if key in body]
            if hits:
                found.add(hits[0])
                break
    return found


def docx_breaks(note: Note, layout: Layout, docx_pdf: bytes) -> list[tuple[Position, int, str]]:
    """(where, PDF page, message) for each PDF page that starts in a block no DOCX page starts in."""
    blocks = _blocks(layout)
    starts = _starts(page_texts(docx_pdf), blocks)
    places = Places(note)
    out = []
    for page in layout.pages[1:]:
        first = next((line for line in page.lines if layout.blocks[line.block].kind != OTHER), None)
        if first is None or first.block in starts:
            continue
        out.append((places.of(layout.blocks[first.block]), page.number,
                    f"the PDF starts page {page.number} at \u201c{' '.join(first.text.split()[:6])}\u201d; "
                    "the DOCX (as LibreOffice lays it out) breaks its pages elsewhere"))
    return out
