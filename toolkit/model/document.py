"""The frozen document model of a Secretariat note: every number and word already decided.

Renderers (HTML/PDF, DOCX) only place what is here; they never count or format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from toolkit.diagnostics import Position

# ---- inline content -------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str
    lang: str | None = None  # BCP 47 tag for CJK runs (ko, ja, zh-CN), for font choice


@dataclass(frozen=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Link:
    url: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class LineBreak:
    pass


@dataclass(frozen=True)
class FootnoteRef:
    """A call of footnote `number`; `first` is the call that carries the footnote's text."""

    number: int
    first: bool


Inline = Text | Emphasis | Strong | Code | Link | LineBreak | FootnoteRef

# ---- blocks ----------------------------------------------------------------


@dataclass(frozen=True)
class ListItem:
    label: str | None  # "(a)", "(i)"; None for a bullet
    content: tuple[Inline, ...]
    children: tuple[ListItem, ...] = ()
    position: Position | None = None


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph ("13.") with its lettered sub-items; number None when unnumbered."""

    number: int | None
    content: tuple[Inline, ...]
    subitems: tuple[ListItem, ...] = ()
    position: Position | None = None

    @property
    def label(self) -> str | None:
        return f"{self.number}." if self.number is not None else None


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    position: Position | None = None


@dataclass(frozen=True)
class SubHeading:
    """Shown in parentheses: content already carries them."""

    content: tuple[Inline, ...]
    position: Position | None = None


@dataclass(frozen=True)
class Table:
    """A simple table (the list of documents): a header row and rows of cells."""

    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    widths: tuple[float, ...]  # fractions of the text width, one per column
    position: Position | None = None


Block = Paragraph | BulletList | SubHeading | Table


@dataclass(frozen=True)
class Chapter:
    numeral: str | None  # "III"; None for text before the first chapter
    title: tuple[Inline, ...]  # upper case, as printed
    blocks: tuple[Block, ...]
    anchor: str
    position: Position | None = None

    @property
    def label(self) -> str | None:
        return f"{self.numeral}." if self.numeral else None


@dataclass(frozen=True)
class Footnote:
    number: int
    content: tuple[Inline, ...]
    position: Position | None = None


@dataclass(frozen=True)
class Attachment:
    """An annex that is an existing PDF or DOCX file, appended as it is."""

    path: str  # meeting-relative
    sha256: str  # its content is part of the document: a new file rebuilds the outputs


@dataclass(frozen=True)
class Annex:
    numeral: str  # "III"
    heading: str  # "Annex III"
    title: tuple[Inline, ...]
    chapters: tuple[Chapter, ...]
    stem: str
    source: str
    anchor: str
    attachment: Attachment | None = None


@dataclass(frozen=True)
class ContentsEntry:
    label: str  # "I." or "Annex I."
    title: tuple[Inline, ...]
    anchor: str
    kind: str  # "chapter" | "annex"
    show_page: bool


@dataclass(frozen=True)
class Masthead:
    symbol: str | None
    distribution: str  # "Distr.: Limited"
    date: str  # "6 October 2023"
    language: str  # "English only"
    organization: tuple[str, ...]  # upper case
    meeting_title: str
    meeting_dates: str
    meeting_venue: str
    agenda_heading: str | None  # parent item title, upper case (notes and annexes)
    item_line: str | None  # "(Item 5 (d) of the provisional agenda)"
    title: tuple[Inline, ...]
    author_line: str | None  # "Note by the Secretariat"
    annex_heading: str | None = None  # "Annex II": an annex issued on its own
    annex_title: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Note:
    """A document of the meeting: a note, an annex on its own, or an agenda document."""

    stem: str
    source: str
    title: str  # plain text, for metadata and messages
    date: dt.date
    language: str  # BCP 47 tag of the document language ("en")
    masthead: Masthead
    contents_heading: str | None  # None: the document has no contents
    contents: tuple[ContentsEntry, ...]
    chapters: tuple[Chapter, ...]
    annexes: tuple[Annex, ...]
    footnotes: tuple[Footnote, ...]
    running_head: str | None
    meeting_title: str
    organization: str
    keywords: tuple[str, ...] = field(default=())
    agenda_keys: tuple[str, ...] = field(default=())  # "5d", "5": what --only may name
    kind: str = "note"  # note | annex | agenda | annotated-agenda | documents
    symbol: str | None = None
    distribution: str | None = None  # "Limited"
    item_citation: str | None = None  # "5 (d)"
    attachment: Attachment | None = None  # an attached annex issued on its own

