"""A laid-out document -> its pages as plain data: the lines of the text, each with the block
it belongs to and where its ink begins and ends, and the table rows each page holds.

What the PDF renderer read from its layout (render/pdf/layout.py), in a form that needs
neither WeasyPrint nor the model: the typographer's preflight (toolkit/preflight/) reads it.
Lengths are in points, from the top left of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a block is, as the templates set it: the preflight's rules differ by kind.
PARAGRAPH = "para"  # a numbered or unnumbered paragraph of the text
SUBITEM = "subitem"  # a lettered sub-item or a bullet
HEADING = "heading"  # a chapter heading (h1), an annex's heading and title
SUBHEADING = "subheading"  # an unnumbered heading (h2)
CAPTION = "caption"  # a table's or a figure's number and title
CONTENTS = "contents"  # an entry of the contents
CELL = "cell"  # a table's cell
OTHER = "other"  # the masthead, table notes, sources, anything else


@dataclass(frozen=True)
class Block:
    """kind: one of the names above; ordinal: its place among the blocks of its name in the
    document's order (what maps it back to the model's blocks, hence to its source line);
    justified: its lines are set flush to both margins."""

    kind: str
    ordinal: int
    justified: bool = False
    table: int | None = None  # a cell's table (ordinal among the tables)
    name: str = ""  # the element's tag or class ("para", "h1", "toc-chapter", "td"): its ordinal counts these


@dataclass(frozen=True)
class Line:
    """One printed line. left/right: the edges of the box it is set in; start/end: where its
    first and last glyphs stand (text_start: its first glyph after a number). hyphenated: the
    line ends in a hyphen the layout added (a word broken by hyphenation); forced: it ends at a
    line break of the source; leader: it holds a contents entry's dot leader; page_number: it
    holds the entry's page number."""

    text: str  # its words, without the paragraph's or entry's number
    block: int  # index into Layout.blocks
    top: float
    bottom: float
    left: float
    right: float
    start: float
    end: float
    text_start: float  # where its text begins after a paragraph's or entry's number
    hyphenated: bool = False
    forced: bool = False
    leader: bool = False
    page_number: bool = False
    label: str = ""  # the paragraph's, sub-item's or entry's number that starts it ("5.", "(b)", "IV.")


@dataclass(frozen=True)
class Page:
    """number: 1-based; lines: the text's lines in reading order, without the running head,
    the page number and the footnotes; rows: (table, body row index) of the rows printed here."""

    number: int
    lines: tuple[Line, ...]
    rows: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Layout:
    blocks: tuple[Block, ...]
    pages: tuple[Page, ...]

    def lines_of(self, block: int) -> list[tuple[Page, Line]]:
        """A block's lines with their pages, in order."""
        return [(page, line) for page in self.pages for line in page.lines if line.block == block]
