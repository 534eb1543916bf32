"""The frozen document model of a Secretariat note: every number and word already decided.

Renderers (HTML/PDF, DOCX) only place what is here; they never count or format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, get_args

from toolkit.errors import Position
from toolkit.model.wording import Distribution, LanguageCode, RefKind

# What a document is. A note's front matter declares one of the written kinds; the model makes the others:
# an annex issued on its own, a corrigendum, the agenda documents and the list of participants.
Kind = Literal["note", "information", "report", "annex", "corrigendum", "agenda", "annotated-agenda", "documents",
               "participants"]
KINDS: tuple[Kind, ...] = get_args(Kind)
WRITTEN_KINDS: tuple[Kind, ...] = ("note", "information", "report")  # front matter `kind:`

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
    """A call of footnote `key`; the numbering pass gives its `number`, and `first` to the
    call that carries the footnote's text. label: as the drafter typed it (`mandate` for
    `[^mandate]`); position: where the call stands in its source, for messages."""

    key: str
    number: int = 0
    first: bool = False
    label: str = ""
    position: Position | None = None


@dataclass(frozen=True)
class Ref:
    """`{{ ref("core-fund") }}` (or `{{ annex("plan") }}`): the reader gives the label, the
    numbering pass the words: "paragraph 12", "table 2", "figure I", "chapter II", "annex III".

    anchor: the target's bookmark in this document; None when the target is not in it (an
    annex issued on its own citing the note), and the words are then plain text."""

    target: str
    capital: bool = False  # "Annex III" (annex()) rather than "annex III"
    kind: RefKind | Literal[""] = ""  # "" until the numbering pass finds the target
    words: str = ""  # "paragraph ": the words before the number (Chinese "第" in "第12段")
    number: str = ""  # "12": what a Word REF field to the anchor shows
    after: str = ""  # " of annex II" (a paragraph of an annex cited from outside it); Chinese "段"
    anchor: str | None = None
    position: Position | None = None

    @property
    def text(self) -> str:
        return f"{self.words}{self.number}{self.after}"


@dataclass(frozen=True)
class TableNoteRef:
    """`^a^` in a table cell: the call of a lettered table note; the numbering pass letters it."""

    key: str
    letter: str = ""


@dataclass(frozen=True)
class Tracked:
    """Text inserted ("ins") or deleted ("del") since the issued version: only in the merged note
    a revision's tracked-changes DOCX is written from (toolkit/revisions/redline.py)."""

    change: str  # "ins" | "del"
    children: tuple[Inline, ...]


Inline = Text | Emphasis | Strong | Code | Link | LineBreak | FootnoteRef | Ref | TableNoteRef | Tracked

# ---- blocks ----------------------------------------------------------------


@dataclass(frozen=True)
class ListItem:
    label: str | None  # "(a)", "(i)"; None for a bullet (or before the numbering pass)
    content: tuple[Inline, ...]
    children: tuple[ListItem, ...] = ()
    position: Position | None = None
    ordered: bool = False  # (a), (b) rather than a bullet: the numbering pass gives the label
    change: str | None = None  # tracked: the whole item inserted or deleted ("ins" | "del")


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph ("13.") with its lettered sub-items; number None when unnumbered.

    The reader says whether it is `numbered`; the numbering pass gives the number.
    restart: Word numbering starts again here (an annex's first paragraph; an agenda
    numbered 1, 5, 6): decided by the model, never guessed by a renderer."""

    number: int | None
    content: tuple[Inline, ...]
    subitems: tuple[ListItem, ...] = ()
    position: Position | None = None
    numbered: bool = True
    ident: str | None = None  # the label {#name} a ref() cites
    anchor: str | None = None  # bookmark / HTML id, when cited
    restart: bool = False
    change: str | None = None  # tracked: the whole paragraph inserted or deleted ("ins" | "del")
    keep: bool = False  # a label such as "Documentation": on the page of what follows
    # numbered by its own number (an agenda item printed in the report), outside the document's count
    own_number: bool = False

    @property
    def label(self) -> str | None:
        return f"{self.number}." if self.number is not None else None

    @property
    def keeps_with_next(self) -> bool:
        """A lead-in ("... may wish to:") stays on the page of its first item, a label on the
        page of what it labels: a page never ends with either."""
        return self.keep or bool(self.subitems)


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    position: Position | None = None


@dataclass(frozen=True)
class SubHeading:
    """Shown in parentheses: content already carries them."""

    content: tuple[Inline, ...]
    position: Position | None = None
    change: str | None = None  # tracked: inserted or deleted ("ins" | "del")
    # A third-degree heading ("(a) Air pollution" in bold, the UN Editorial Manual's headings): the report's
    # sub-items and its Attendance part; an h3 in the PDF, Heading 3 in the DOCX
    third_degree: bool = False


@dataclass(frozen=True)
class TableNote:
    """A lettered note under a table: "a Pledged in 2023."."""

    key: str
    letter: str
    content: tuple[Inline, ...]
    position: Position | None = None


@dataclass(frozen=True)
class Table:
    """A table: a header row and rows of cells. A table of a note has a numbered title
    ("Table 2"), a source line and lettered notes; the list of documents' table has none."""

    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    widths: tuple[float, ...]  # fractions of the text width, one per column
    position: Position | None = None
    title: tuple[Inline, ...] = ()
    number: str | None = None  # "2", given by the numbering pass to a titled table
    caption_word: str = ""  # "Table"
    align: tuple[str, ...] = ()  # per column: "left" | "right" | "center" (empty: all left)
    totals: tuple[int, ...] = ()  # indexes in rows of total rows (set in bold)
    source: tuple[Inline, ...] = ()  # "Source: ..." as written, its word included
    notes: tuple[TableNote, ...] = ()
    ident: str | None = None
    anchor: str | None = None
    ordinal: int = 0  # the count behind `number` (Word's SEQ field)
    restart: bool = False  # the count does not follow on in this document (an annex issued alone)
    unbroken: tuple[int, ...] = ()  # columns whose cells never wrap (document symbols, dates)

    @property
    def caption(self) -> str | None:
        return f"{self.caption_word} {self.number}" if self.number else None


@dataclass(frozen=True)
class Image:
    """A picture file of the meeting folder, checked (images.py): its content is part of the document."""

    path: str  # meeting-relative
    sha256: str
    format: str  # png | jpeg | svg
    width: float  # pixels or SVG user units: the aspect ratio
    height: float


@dataclass(frozen=True)
class Figure:
    """A figure: "Figure I", its title above, the picture (with its alternative text), a source below."""

    image: Image
    alt: str
    title: tuple[Inline, ...]
    source: tuple[Inline, ...] = ()
    position: Position | None = None
    number: str | None = None  # "I"
    caption_word: str = ""  # "Figure"
    ident: str | None = None
    anchor: str | None = None
    ordinal: int = 0  # the count behind `number` (Word's SEQ field)
    restart: bool = False  # the count does not follow on in this document (an annex issued alone)

    @property
    def caption(self) -> str | None:
        return f"{self.caption_word} {self.number}" if self.number else None


Block = Paragraph | BulletList | SubHeading | Table | Figure


@dataclass(frozen=True)
class Chapter:
    """numeral None: text before the first chapter (headed False), or before the numbering pass."""

    numeral: str | None  # "III"
    title: tuple[Inline, ...]  # upper case, as printed
    blocks: tuple[Block, ...]
    anchor: str
    position: Position | None = None
    headed: bool = True  # False: the text before any '# ' heading
    ident: str | None = None
    restart: bool = False  # Word's chapter numbering starts again at I here (an annex's first chapter)
    change: str | None = None  # tracked: the heading inserted or deleted ("ins" | "del")
    written: str = ""  # the title as written, before upper-casing ("Background"), for the outline

    @property
    def label(self) -> str | None:
        return f"{self.numeral}." if self.numeral else None

    @property
    def outline(self) -> str:
        """The PDF bookmark: the numeral, a space and the title as written: "I. Background"."""
        words = self.written or _words(self.title)
        return f"{self.label} {words}" if self.label else words


@dataclass(frozen=True)
class Footnote:
    """position: its text's; call: its first call's, where a message about its placement points."""

    number: int
    content: tuple[Inline, ...]
    position: Position | None = None
    key: str = ""
    label: str = ""
    call: Position | None = None


@dataclass(frozen=True)
class Attachment:
    """An annex that is an existing PDF or DOCX file, appended as it is."""

    path: str  # meeting-relative
    sha256: str  # its content is part of the document: a new file rebuilds the outputs

    @property
    def converted_by_office(self) -> bool:
        """A Word file reaches the PDF through LibreOffice; a PDF is taken as it is."""
        return not self.path.lower().endswith(".pdf")


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
    number_anchor: str | None = None  # bookmark around the numeral, when a ref() cites the annex

    @property
    def outline(self) -> str:
        """The PDF bookmark, as the contents line: "Annex I. Report of the ..."."""
        return f"{self.heading}. {_words(self.title)}"


def _words(content: tuple[Inline, ...]) -> str:
    """The words of a title, for a bookmark (footnote calls and table note letters left out)."""
    out = []
    for node in content:
        if isinstance(node, (Text, Code)):
            out.append(node.text)
        elif isinstance(node, (Emphasis, Strong, Link)):
            out.append(_words(node.children))
        elif isinstance(node, Ref):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append(" ")
    return " ".join("".join(out).split())


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
    distribution: str | None  # "Distr.: Limited"; None: meeting.yaml `distribution: none`
    date: str  # "6 October 2023"
    language: str  # "English only", "Original: English" (language_lines.py)
    organization: tuple[str, ...]  # upper case
    meeting_title: str
    meeting_dates: str
    meeting_venue: str
    agenda_heading: str | None  # parent item title, upper case (notes and annexes)
    item_line: str | None  # "(Item 5 (d) of the provisional agenda)"
    title: tuple[Inline, ...]
    author_line: str | None  # "Note by the Secretariat"
    version_line: str | None = None  # "Russian": a translation's language, above "Original: English"
    annex_heading: str | None = None  # "Annex II": an annex issued on its own
    annex_title: tuple[Inline, ...] = ()
    emblem: Image | None = None  # meeting.yaml `emblem:`, at the top left of the first page
    emblem_alt: str = ""  # what a screen reader says for it
    supplement: str | None = None  # "Corrigendum", "Addendum": under the title of a document that adds to another
    # the mark of a copy that is not an issued document: "Reading copy ... as corrected by <symbol>/Corr.1", "Draft ..."
    reading_copy: str | None = None


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
    kind: Kind = "note"
    symbol: str | None = None
    distribution: Distribution | None = None  # "Limited"; None: not printed (meeting.yaml `distribution: none`)
    item_citation: str | None = None  # "5 (d)"
    attachment: Attachment | None = None  # an attached annex issued on its own
    original_stem: str = ""  # the original note's stem: its translations (notes/NAME.ru.md) share it
    language_code: LanguageCode = "en"  # the wording table of the document
    base: str | None = None  # a corrigendum's or an addendum's base document (its file stem)
    revision: int = 0  # N of <symbol>/Rev.N: the document replaces the version issued before

    @property
    def contents_paged(self) -> bool:
        """Its contents show page numbers (which the DOCX needs a layout to know)."""
        return any(entry.show_page for entry in self.contents)

