"""The paragraphs and tables of a Word note, in order -> the parts of a source note: its
masthead's front-matter values, chapters with their blocks, considerations, annexes, footnotes.

What has no place in a source is never dropped in silence: each loss becomes a warning at
its paragraph (`Warning`), worded for the drafter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from toolkit.importing import classify as C
from toolkit.importing.inline import InlineReader, Para, Picture
from toolkit.importing.read import WordFile
from toolkit.model.meeting import Meeting

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONSIDERATIONS = "issues for consideration"


@dataclass(frozen=True)
class Warning:
    index: int
    first_words: str
    message: str


@dataclass
class Item:
    text: str
    children: list[Item] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # para | unnumbered | sub | bullets | table | figure
    text: str = ""
    items: list[Item] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # a table: header first
    totals: list[int] = field(default_factory=list)  # row indexes (header excluded) of total rows
    after: list[str] = field(default_factory=list)  # Source: line and lettered notes
    picture: Picture | None = None


@dataclass
class Section:
    title: str | None  # None: the text before the first chapter
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Annex:
    title: str = ""
    sections: list[Section] = field(default_factory=lambda: [Section(None)])


@dataclass
class ImportedNote:
    item: str | None = None
    title: str = ""
    date: dt.date | None = None
    distribution: str | None = None
    language: str | None = None
    symbol: str | None = None
    author_line: str | None = None  # "Note by the Government of Mongolia": anyone but the Secretariat
    sections: list[Section] = field(default_factory=lambda: [Section(None)])
    considerations: list[dict] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)
    warnings: list[Warning] = field(default_factory=list)


@dataclass
class _Table:
    index: int
    rows: list[list[Para]]
    merged: bool


def walk(word: WordFile, reader: InlineReader) -> list[Para | _Table]:
    """The body's paragraphs and tables in order, numbered as the drafter counts them."""
    out: list[Para | _Table] = []
    count = 0

    def visit(container: etree._Element) -> None:
        nonlocal count
        for child in container:
            if not isinstance(child.tag, str) or etree.QName(child).namespace != W:
                continue
            local = etree.QName(child).localname
            if local == "p":
                count += 1
                out.append(reader.paragraph(child, count))
            elif local == "tbl":
                rows, merged = [], False
                first = count + 1
                for tr in child.iterchildren(qn("w:tr")):
                    row = []
                    for tc in tr.iterchildren(qn("w:tc")):
                        props = tc.find(qn("w:tcPr"))
                        if props is not None and (props.find(qn("w:gridSpan")) is not None
                                                  or props.find(qn("w:vMerge")) is not None):
                            merged = True
                        paras = []
                        for p in tc.iter(qn("w:p")):
                            count += 1
                            paras.append(reader.paragraph(p, count, in_table=True))
                        row.append(paras)
                    rows.append([_cell(paras) for paras in row])
                out.append(_Table(first, rows, merged))
            elif local in ("sdt", "customXml"):
                inner = child.find(qn("w:sdtContent"))
                visit(inner if inner is not None else child)

    visit(word.document.element.body)
    return out


def _cell(paras: list[Para]) -> Para:
    """A cell's paragraphs as one (a pipe table cell holds one line), with all they lost."""
    first = paras[0] if paras else Para(0, "", None, "", "", "")
    joined = " ".join(p.table_text.replace("\n", " ").strip() for p in paras)
    cell = Para(first.index, first.style, None, joined, joined, " ".join(p.plain.strip() for p in paras), True)
    for p in paras:
        cell.lost += [x for x in p.lost if x not in cell.lost]
        cell.pictures += p.pictures
        cell.footnotes += p.footnotes
    return cell


class Assembler:
    def __init__(self, meeting: Meeting):
        self.meeting = meeting
        self.note = ImportedNote()
        self.known_lines = {s.strip().lower() for s in (*meeting.organization, meeting.title)}
        self.bold_rows: set[int] = set()

    def warn(self, para: Para | _Table, message: str) -> None:
        if isinstance(para, _Table):
            self.note.warnings.append(Warning(para.index, "a table", message))
        else:
            self.note.warnings.append(Warning(para.index, para.first_words, message))

    # ---- masthead -----------------------------------------------------------------

    def run(self, stream: list[Para | _Table]) -> ImportedNote:
        stream = [s for s in stream if isinstance(s, _Table) or s.plain.strip() or s.pictures or s.lost]
        for block in stream:
            for lost in (block.lost if isinstance(block, Para) else [x for row in block.rows for c in row
                                                                         for x in c.lost]):
                self.warn(block, lost)
        start = self._masthead(stream)
        self._body(stream[start:])
        return self.note

    def _masthead(self, stream: list[Para | _Table]) -> int:
        """Reads the masthead lines; returns where the body starts."""
        lines: list[Para] = []
        end = len(stream)
        for at, para in enumerate(stream):
            if isinstance(para, _Table) or C.CONTENTS.match(para.plain.strip()) or C.chapter_title(para) \
                    or C.numbered(para) or (lines and C.AUTHOR.match(lines[-1].plain.strip())):
                end = at
                break
            lines.append(para)
        rest: list[Para] = []
        title_at = None
        for para in lines:
            plain = " ".join(para.plain.split())
            if C.SYMBOL.match(plain) and self.note.symbol is None:
                self.note.symbol = plain
            elif C.DISTRIBUTION.match(plain):
                self.note.distribution = C.DISTRIBUTION.match(plain).group(1).capitalize()
            elif C.DATE.match(plain) and self.note.date is None:
                day, month, year = C.DATE.match(plain).groups()
                self.note.date = dt.date(int(year), C.MONTHS.index(month) + 1, int(day))
            elif C.LANGUAGE.match(plain) and self.note.language is None:
                self.note.language = plain
            elif C.ITEM_LINE.match(plain):
                self.note.item = C.ITEM_LINE.match(plain).group(1)
            elif C.AUTHOR.match(plain):
                title_at = len(rest) - 1
                if not C.SECRETARIAT_AUTHOR.match(plain):
                    self.note.author_line = plain
            elif para.style.lower() == "note title":
                title_at = len(rest)
                rest.append(para)
            else:
                rest.append(para)
        if title_at is None or title_at < 0:
            title_at = len(rest) - 1  # an information document: the title is the masthead's last line
        for at, para in enumerate(rest):
            plain = " ".join(para.plain.split())
            if at == title_at:
                self.note.title = para.text.replace("\n", " ").strip()
            elif plain.lower() in self.known_lines or plain.isupper() or self._meeting_line(plain):
                continue  # the meeting's own lines, printed from meeting.yaml
            else:
                self.warn(para, "a masthead line that is not in meeting.yaml is not carried over")
        if not self.note.title:
            self.warn(stream[0] if stream else Para(0, "", None, "", "", ""),
                      "no note title found in the masthead")
        return end

    def _meeting_line(self, plain: str) -> bool:
        m = self.meeting
        return plain in (m.title, m.venue) or bool(re.match(r"^\d{1,2}(\s*[-\u2013]\s*\d{1,2})?\s+\w+\s+\d{4}$",
                                                            plain))

    # ---- body -----------------------------------------------------------------------

    def _body(self, stream: list[Para | _Table]) -> None:
        sections = self.note.sections
        in_contents = False
        annex: Annex | None = None
        want_annex_title = False
        previous_letter: str | None = None
        at = 0
        while at < len(stream):
            para = stream[at]
            at += 1
            if isinstance(para, _Table):
                self._table(sections, para, None)
                continue
            plain = para.plain.strip()
            if in_contents:
                if C.is_contents_line(para):
                    continue
                in_contents = False
            if C.CONTENTS.match(plain):
                in_contents = True
                continue
            if want_annex_title:
                annex.title = para.text.replace("\n", " ").strip()
                want_annex_title = False
                continue
            if C.ANNEX.match(plain):
                annex = Annex()
                self.note.annexes.append(annex)
                sections = annex.sections
                want_annex_title = True
                continue
            caption = C.CAPTION.match(plain)
            if caption or para.style.lower() == "caption":
                at = self._caption(sections, para, stream, at)
                continue
            blocks = sections[-1].blocks
            if para.pictures:
                self.warn(para, "a picture is not carried over (a figure needs its title line: "
                                "\"Figure I\" and its title above the picture)")
                if not para.plain.strip():
                    continue
            title = C.chapter_title(para)
            if title is not None:
                sections.append(Section(title))
                continue
            sub = C.subheading(para)
            if sub is not None:
                blocks.append(Block("sub", sub))
                continue
            text = C.numbered(para)
            if text is not None:
                blocks.append(Block("para", text))
                previous_letter = None
                continue
            found = C.item(para, previous_letter)
            if found is not None and blocks and blocks[-1].kind in ("para", "unnumbered"):
                depth, text = found
                items = blocks[-1].items
                if depth == 1 and items:
                    items[-1].children.append(Item(text))
                else:
                    items.append(Item(text))
                    previous_letter = chr(ord("a") + len(items) - 1)
                continue
            found = C.bullet(para)
            if found is not None:
                if not blocks or blocks[-1].kind != "bullets":
                    blocks.append(Block("bullets"))
                depth, text = found
                if depth == 1 and blocks[-1].items:
                    blocks[-1].items[-1].children.append(Item(text))
                else:
                    blocks[-1].items.append(Item(text))
                continue
            if C.SOURCE.match(para.text) and blocks and blocks[-1].kind in ("table", "figure"):
                blocks[-1].after.append(_plain_source(para.text))
                continue
            if blocks and blocks[-1].kind == "table" and re.match(r"^\^[a-z]{1,2}\^", para.table_text):
                blocks[-1].after.append(para.table_text.strip())
                continue
            if annex is None:  # a note's body has no unnumbered paragraphs: say that it gets a number
                self.warn(para, "a paragraph without a number becomes a numbered paragraph")
            blocks.append(Block("unnumbered", para.text.replace("\n", " ").strip()))
        self._considerations()
        if annex is not None and want_annex_title:
            self.warn(stream[-1], f"annex {len(self.note.annexes)} has no title")

    def _caption(self, sections: list[Section], para: Para, stream: list, at: int) -> int:
        """A "Table 2" or "Figure I" caption: its title (after a line break or on the next
        paragraph), then the table or the picture it names."""
        parts = para.text.split("\n", 1)
        title = parts[1] if len(parts) > 1 else C.CAPTION.sub("", parts[0])
        title = _unbold(title.strip())
        if not title and at < len(stream) and isinstance(stream[at], Para) and not stream[at].pictures:
            title = _unbold(stream[at].text.strip())
            at += 1
        nxt = stream[at] if at < len(stream) else None
        if isinstance(nxt, _Table):
            self._table(sections, nxt, title)
            return at + 1
        if isinstance(nxt, Para) and nxt.pictures:
            picture = nxt.pictures[0]
            if not picture.alt:
                self.warn(nxt, "a figure's picture has no description (alternative text): write one in the "
                               "figure's source line")
            sections[-1].blocks.append(Block("figure", title or "Figure", picture=picture))
            for _ in nxt.pictures[1:]:
                self.warn(nxt, "a second picture in a figure is not carried over")
            return at + 1
        self.warn(para, "a caption with neither a table nor a picture after it is kept as a paragraph")
        sections[-1].blocks.append(Block("unnumbered", para.text.replace("\n", " ").strip()))
        return at

    def _table(self, sections: list[Section], table: _Table, title: str | None) -> None:
        if not table.rows or not table.rows[0]:
            return
        if table.merged:
            self.warn(table, "merged cells are split: check the table's columns")
        width = max(len(r) for r in table.rows)
        rows = [[c.text.replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in table.rows]
        totals = [i - 1 for i, r in enumerate(table.rows) if i > 0 and _all_bold(r)]
        rows = [[_unbold(c) if i - 1 in totals else c for c in r] for i, r in enumerate(rows)]
        if title is None:
            self.warn(table, "a table without a \"Table N\" title: its first row is taken as its header and it "
                             "is given the title \"Table\"")
        sections[-1].blocks.append(Block("table", title or "Table", rows=rows, totals=totals))

    # ---- considerations --------------------------------------------------------------

    def _considerations(self) -> None:
        """The last chapter "Issues for consideration" -> front matter, when it holds only
        numbered paragraphs with their (a), (b) items (all the front matter can say)."""
        last = self.note.sections[-1]
        if last.title is None or _words(last.title) != CONSIDERATIONS:
            return
        if not all(b.kind == "para" and all(not i.children for i in b.items) for b in last.blocks):
            return
        self.note.considerations = [{"text": b.text, **({"items": [i.text for i in b.items]} if b.items else {})}
                                    for b in last.blocks]
        self.note.sections.pop()


def _words(text: str) -> str:
    return " ".join(re.sub(r"[*\\]", "", text).split()).lower()


def _unbold(text: str) -> str:
    match = re.fullmatch(r"\*\*(.+)\*\*", text.strip())
    return match.group(1) if match else text


def _plain_source(text: str) -> str:
    """ "*Source:* Secretariat." -> "Source: Secretariat." (the toolkit sets the word itself)."""
    return re.sub(r"^\*(Sources?:)\*", r"\1", text.strip())


def _all_bold(row: list[Para]) -> bool:
    cells = [c.text.strip() for c in row if c.text.strip()]
    return bool(cells) and all(re.fullmatch(r"\*\*.+\*\*", c) for c in cells)
