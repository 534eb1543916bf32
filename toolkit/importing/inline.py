"""A Word paragraph (w:p) -> its text as the toolkit's Markdown, and what it could not carry.

Runs become text with *italic* and **bold** (from direct formatting and character styles),
hyperlinks become [text](url), footnote calls [^N], fields the text they show. Anything
Markdown has no place for (a picture, a text box, a tracked change, a comment, a field
that computes something) is named in `Para.lost`, so the caller reports it at its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from toolkit.importing.read import Look, WordFile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
VML = "urn:schemas-microsoft-com:vml"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# Fields whose shown text is all there is to carry: page numbers, caption numbers (the
# toolkit numbers tables and figures itself), the contents, its entries, footnote numbers.
QUIET_FIELDS = {"PAGEREF", "PAGE", "NUMPAGES", "SEQ", "TOC", "TC", "NOTEREF", "HYPERLINK"}
SAFE_URL = re.compile(r"^(https?://|mailto:)", re.I)
# Markdown's own characters in Word text; `_` only where it could start or end emphasis
_ESCAPE = re.compile(r"([\\*\[\]`<]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")
_JINJA = re.compile(r"\{([{%#])")


@dataclass
class Picture:
    blob: bytes
    ext: str
    alt: str


@dataclass
class Para:
    index: int  # 1-based, in the order of the file's paragraphs
    style: str
    listing: tuple[str, int] | None  # (number format, level) of Word numbering
    text: str  # Markdown
    table_text: str  # Markdown where a superscript letter is a table note's call (^a^)
    plain: str  # as Word shows it (typed numbers included)
    in_table: bool = False
    pictures: list[Picture] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)  # what cannot be carried over, in the drafter's words
    footnotes: list[int] = field(default_factory=list)  # numbers of the footnotes it calls

    @property
    def first_words(self) -> str:
        words = " ".join(self.plain.split())  # a typed "1.<tab>" reads "1. " in a message
        return words[:30] + "..." if len(words) > 30 else words


def escape(text: str) -> str:
    text = _ESCAPE.sub(r"\\\1", text)
    # "{{", "{%" and "{#" would start an expression or a label in a source
    return _JINJA.sub(lambda m: '{{ "{' + m.group(1) + '" }}', text)


@dataclass
class _Field:
    instr: str = ""
    showing: bool = False  # after w:separate: the field's result
    start: int = 0  # segment index where its result starts


class InlineReader:
    """Reads paragraphs in document order: complex fields may span paragraphs (a contents)."""

    def __init__(self, word: WordFile):
        self.word = word
        self.fields: list[_Field] = []
        self.footnote_numbers: dict[str, int] = {}  # Word footnote id -> number, by first call

    def paragraph(self, p: etree._Element, index: int, in_table: bool = False) -> Para:
        para = Para(index, self.word.style_name(p), self.word.list_format(p), "", "", "", in_table)
        self._para = para
        self._segments: list[tuple[str, str, Look | None]] = []  # (markdown or text, plain, look or None=raw)
        self._children(p, in_table)
        para.plain = "".join(s[1] for s in self._segments)
        para.text = self._markdown(self._segments, False)
        para.table_text = self._markdown(self._segments, True)
        return para

    # ---- walking the runs ---------------------------------------------------

    def _lose(self, what: str) -> None:
        if what not in self._para.lost:
            self._para.lost.append(what)

    def _showing(self) -> bool:
        return all(f.showing for f in self.fields)

    def _children(self, node: etree._Element, in_table: bool) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child)
            local = name.localname
            if name.namespace != W:
                if local == "oMath" or local == "oMathPara":
                    self._lose("an equation is not carried over")
                continue
            if local == "r":
                self._run(child)
            elif local == "hyperlink":
                self._hyperlink(child, in_table)
            elif local in ("ins", "moveTo"):
                self._lose("a tracked change is taken as accepted (its insertion kept)")
                self._children(child, in_table)
            elif local in ("del", "moveFrom"):
                self._lose("a tracked change is taken as accepted (its deleted text left out)")
            elif local in ("commentRangeStart", "commentReference"):
                self._lose("a comment is not carried over")
            elif local == "fldSimple":
                self._simple_field(child, in_table)
            elif local in ("smartTag", "customXml", "sdt", "sdtContent"):
                self._children(child, in_table)

    def _run(self, r: etree._Element) -> None:
        look = self.word.run_look(r)
        for child in r:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            if local == "fldChar":
                self._field_char(child.get(qn("w:fldCharType")))
            elif local == "instrText" and self.fields:
                self.fields[-1].instr += child.text or ""
            elif local == "commentReference":
                self._lose("a comment is not carried over")
            elif local in ("drawing", "pict", "object"):
                self._drawing(child)
            elif not self._showing():
                continue
            elif local == "t":
                if look.hidden:
                    self._lose("hidden text is not carried over")
                else:
                    self._text(child.text or "", look)
            elif local == "tab":
                self._text("\t", look)
            elif local in ("br", "cr"):
                if child.get(qn("w:type")) not in ("page", "column"):
                    self._text("\n", look)
            elif local == "noBreakHyphen":
                self._text("\u2011", look)
            elif local == "footnoteReference":
                self._footnote(child.get(qn("w:id")))
            elif local == "endnoteReference":
                self._lose("an endnote is not carried over (make it a footnote in Word)")
            elif local == "sym":
                self._lose("a symbol character (Insert > Symbol) is not carried over")

    def _text(self, text: str, look: Look) -> None:
        self._segments.append((text, text, look))

    def _raw(self, markdown: str, plain: str) -> None:
        self._segments.append((markdown, plain, None))

    def _footnote(self, ident: str | None) -> None:
        if ident not in self.word.footnotes:
            self._lose("a footnote call whose text is missing is not carried over")
            return
        number = self.footnote_numbers.setdefault(ident, len(self.footnote_numbers) + 1)
        self._para.footnotes.append(number)
        self._raw(f"[^{number}]", str(number))

    def _hyperlink(self, node: etree._Element, in_table: bool) -> None:
        start = len(self._segments)
        self._children(node, in_table)
        url = self.word.external_target(node.get(R_ID))
        self._link(start, url)

    def _link(self, start: int, url: str | None) -> None:
        """The segments from `start` become one link, when its address is one a source may hold."""
        if not url or not SAFE_URL.match(url):
            return  # an anchor inside the file, or an address a source refuses: its text stays
        inner = self._segments[start:]
        plain = "".join(s[1] for s in inner)
        if plain.strip() == url:
            return  # a written-out address stays as text, as in the sources
        del self._segments[start:]
        self._raw(f"[{self._markdown(inner, False)}]({url.replace(')', '%29').replace(' ', '%20')})", plain)

    def _drawing(self, node: etree._Element) -> None:
        if any(True for _ in node.iter(qn("w:txbxContent"))) or any(True for _ in node.iter(f"{{{VML}}}textbox")):
            self._lose("a text box is not carried over")
            return
        if any(True for _ in node.iter("{http://schemas.openxmlformats.org/drawingml/2006/chart}chart")):
            self._lose("a chart is not carried over")
            return
        blips = [b.get(R_EMBED) for b in node.iter(f"{{{A}}}blip")]
        blips += [v.get(R_ID) for v in node.iter(f"{{{VML}}}imagedata")]
        found = next((self.word.image(b) for b in blips if self.word.image(b)), None)
        if found is None:
            self._lose("a drawing or embedded object is not carried over")
            return
        doc_pr = next(node.iter(f"{{{WP}}}docPr"), None)
        alt = (doc_pr.get("descr") or doc_pr.get("title") or "") if doc_pr is not None else ""
        self._para.pictures.append(Picture(found[0], found[1], alt.strip()))

    # ---- fields ---------------------------------------------------------------

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            self.fields[-1].showing = True
            self.fields[-1].start = len(self._segments)
        elif kind == "end" and self.fields:
            done = self.fields.pop()
            self._field_done(done.instr, done.start if done.showing else len(self._segments))

    def _simple_field(self, node: etree._Element, in_table: bool) -> None:
        start = len(self._segments)
        self._children(node, in_table)
        self._field_done(node.get(qn("w:instr")) or "", start)

    def _field_done(self, instr: str, start: int) -> None:
        words = instr.split()
        kind = words[0].upper() if words else ""
        if kind == "HYPERLINK" and len(words) > 1 and not words[1].startswith("\\"):
            self._link(start, words[1].strip('"'))
        elif kind == "REF":
            self._lose("a cross-reference is kept as the text it shows (write {{ ref(\"label\") }} to make it "
                       "follow the numbers)")
        elif kind and kind not in QUIET_FIELDS:
            self._lose(f"a {kind} field is kept as the text it shows")

    # ---- Markdown ---------------------------------------------------------------

    @staticmethod
    def _markdown(segments, in_table: bool) -> str:
        out: list[str] = []
        group: list[str] = []
        current: tuple[bool, bool] | None = None

        def flush() -> None:
            if group:
                out.append(_wrap("".join(group), current or (False, False)))
                group.clear()

        for markdown, _plain, look in segments:
            if look is None:
                flush()
                current = None
                out.append(markdown)
                continue
            if look.superscript and in_table and markdown.strip().isalpha() and len(markdown.strip()) <= 2:
                flush()
                current = None
                out.append(f"^{markdown.strip()}^")  # a table note's letter
                continue
            key = (look.bold, look.italic)
            if key != current:
                flush()
                current = key
            group.append(escape(markdown))
        flush()
        return "".join(out)


def _wrap(text: str, look: tuple[bool, bool]) -> str:
    """*text* / **text** / ***text***, its spaces left outside (Markdown needs them there)."""
    marks = "*" * ((2 if look[0] else 0) + (1 if look[1] else 0))
    core = text.strip()
    if not marks or not core:
        return text
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{marks}{core}{marks}{trail}"
