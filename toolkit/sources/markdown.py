"""Markdown body -> chapters of paragraphs, sub-headings, lists, tables, figures and footnote
calls, with their source positions and no numbers (model/numbering.py numbers them).

Beyond CommonMark: a label `{#name}` at the end of a paragraph or heading; a table or a
figure is introduced by its title line (`Table: ...`, `Figure: ...`) and may be followed
by a `Source: ...` line; a table's lettered notes are called `^a^` in a cell and given
as `^a^ text` lines after it (tables.py, figures.py read those).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from toolkit.sources import spaces
from toolkit.errors import Diagnostics, Position
from toolkit.model.document import (BulletList, Chapter, Code, Emphasis, FootnoteRef, Inline, LineBreak, Link,
                                    ListItem, Paragraph, Ref, Strong, SubHeading, TableNoteRef, Text)
from toolkit.model.parts import FootnoteText
from toolkit.model.scripts import runs
from toolkit.sources.attributes import take_attributes
from toolkit.sources.expressions import REF_MARK, Expressions

_UNDEFINED_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
# `{{ ... }}` is shielded from the Markdown parser (which would read `__x__` or `*`
# inside it as emphasis) by a placeholder of private-use characters, then evaluated whole.
_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
_ALLOWED_SCHEMES = ("http://", "https://", "mailto:")
_TABLE_NOTE_CALL = re.compile(r"\^([A-Za-z0-9]{1,12})\^")
_UNSUPPORTED = {
    "blockquote_open": "block quotes (lines starting with '>')",
    "code_block": "indented code blocks (lines indented by four spaces)",
    "fence": "code blocks (```)",
    "hr": "horizontal rules (---, ***)",
    "html_block": "raw HTML",
}


def markdown_parser() -> MarkdownIt:
    # commonmark with raw HTML off: a '<script>' in a source stays visible text.
    # Tables are parsed only to be reported; images likewise, never fetched.
    # Footnote definitions stay where they are written (move_to_end=False): each is read by its
    # label, so a consideration in the front matter can cite one the body never calls.
    md = MarkdownIt("commonmark", {"html": False}).use(footnote_plugin, move_to_end=False).enable("table")
    # markdown-it silently leaves javascript:/file: links as text; let every link
    # through so the check below names the line instead.
    md.validateLink = lambda url: True
    return md


MAX_FOOTNOTES = 1000  # per document; a Secretariat note has tens


@dataclass
class BodyContext:
    """What the texts of one document share while they are read."""

    md: MarkdownIt
    expressions: Expressions
    diags: Diagnostics
    root: object  # the meeting folder (Path): where table and picture files are read
    footnotes: dict[str, FootnoteText] = field(default_factory=dict)  # key -> text, the whole document's
    over_limit_reported: bool = False
    numbered: bool = True  # False: an annex with `numbered: false`
    grids: object | None = None  # a GridCache (grid_cache.py): spreadsheets already read
    files: list[str] = field(default_factory=list)  # table and picture files read (what an issued record keeps)
    lenders: dict[str, _Converter] = field(default_factory=dict)  # file -> the body whose definitions
    #                                                                its front matter may cite (lend_footnotes)


class _Source:
    """One Markdown text and where its first line stands in its file."""

    def __init__(self, text: str, rel: str, first_line: int, first_col: int = 1, indent: int = 0):
        self.text = text
        self.lines = text.split("\n")
        self.rel = rel
        self.first_line = first_line  # file line number of text's line 1
        self.first_col = first_col  # file column of text's first character (front-matter values)
        self.indent = indent  # columns every line is indented by in its file (a YAML '|' block)
        self.expressions: list[tuple[str, Position]] = []
        self.shielded = "\n".join(self._shield(index, line) for index, line in enumerate(self.lines))

    def _shield(self, index: int, line: str) -> str:
        def replace_one(match: re.Match) -> str:
            self.expressions.append((match.group(0), self.pos(index, match.start() + 1)))
            return f"\ue000{len(self.expressions) - 1}\ue001"

        return _EXPRESSION.sub(replace_one, line) if "{" in line else line

    def pos(self, line_index: int, col: int | None = None) -> Position:
        if col is not None:
            col += self.indent + (self.first_col - 1 if line_index == 0 else 0)
        return Position(self.rel, self.first_line + line_index, col)

    def line(self, line_index: int) -> str | None:
        return self.lines[line_index] if 0 <= line_index < len(self.lines) else None


def parse_body(text: str, rel: str, first_line: int, ctx: BodyContext, indent: int = 0,
               first_col: int = 1, lend_footnotes: bool = False) -> list[Chapter]:
    """A Markdown text -> chapters; the first is numeral-less when text precedes any '# '.

    lend_footnotes: the front matter of the same file may cite this text's footnote definitions
    (parse_inline); the warning for definitions nobody cites then waits for unused_footnotes()."""
    src = _Source(text, rel, first_line, first_col, indent)
    spaces.markdown(src.lines, src.pos, ctx.diags)
    env: dict = {}
    tokens = ctx.md.parse(src.shielded, env)
    converter = _Converter(src, ctx, tokens, env)
    chapters = converter.chapters()
    if lend_footnotes:
        ctx.lenders[rel] = converter
    else:
        converter.report_unused_definitions()
    return chapters


def parse_inline(text: str, pos: Position, ctx: BodyContext) -> tuple[Inline, ...]:
    """One line of Markdown from front matter (a consideration) -> inline content; its footnote
    calls cite the definitions of the body lent by the same file (parse_body)."""
    src = _Source(text, pos.path, pos.line, pos.col or 1)
    lender = ctx.lenders.get(pos.path)
    env: dict = {"footnotes": {"refs": {f":{label}": -1 for label in lender.definitions}, "list": {}}} if lender else {}
    tokens = ctx.md.parseInline(src.shielded, env)
    converter = _Converter(src, ctx, tokens, env, lender)
    if not tokens:
        return ()
    return converter.inlines(tokens[0], 0)


def unused_footnotes(ctx: BodyContext) -> None:
    """Warns of the definitions no text cited, in the bodies lent to their front matter."""
    for converter in ctx.lenders.values():
        converter.report_unused_definitions()
    ctx.lenders.clear()


class _Converter:
    def __init__(self, src: _Source, ctx: BodyContext, tokens: list[Token], env: dict,
                 lender: _Converter | None = None):
        self.src = src
        self.ctx = ctx
        self.tokens = tokens
        self.env = env
        self.lender = lender  # the body whose footnote definitions this text may cite
        self.in_table = False  # ^a^ calls a table note only in a table's cells
        self.definitions = self._footnote_definitions()
        self.cited: set[str] = set()  # labels of this text's definitions cited anywhere

    # ---- footnotes -------------------------------------------------------

    def _footnote_definitions(self) -> dict[str, tuple[Token, int]]:
        """Label -> (inline token of its text, its line index); an inline note ^[...] is labelled by its id."""
        found: dict[str, tuple[Token, int]] = {}
        label = None
        for token in self.tokens:
            if token.type == "footnote_reference_open":
                label = token.meta["label"]
            elif token.type == "inline" and label is not None and label not in found:
                found[label] = (token, token.map[0] if token.map else 0)
            elif token.type == "footnote_reference_close":
                label = None
        for ident, entry in self.env.get("footnotes", {}).get("list", {}).items():
            if "tokens" in entry:
                inline = Token("inline", "", 0, children=entry["tokens"], content=entry.get("content", ""))
                found[self._inline_label(ident)] = (inline, -1)  # -1: the line of its call, known when read
        return found

    def _inline_label(self, ident: int) -> str:
        return f"^{self.src.first_line}.{ident}"  # one file may hold several texts (front-matter values)

    def report_unused_definitions(self) -> None:
        for label, (_, line_index) in self.definitions.items():
            if label not in self.cited and not label.startswith("^"):
                self.ctx.diags.warning(self.src.pos(line_index, 1), f"footnote [^{label}] is defined but never cited")

    def _footnote_ref(self, meta: dict, line_index: int) -> FootnoteRef:
        """A call as the drafter typed it; the document-wide key's text is read at its first call."""
        label = meta.get("label") or self._inline_label(meta["id"])
        owner = self if label in self.definitions or self.lender is None else self.lender
        owner.cited.add(label)
        source_line = self.src.line(line_index)
        col = _find_col(source_line, f"[^{label}]") if meta.get("label") else _find_col(source_line, "^[")
        call = self.src.pos(line_index, col)
        key = f"{owner.src.rel}#{label}"
        book = self.ctx.footnotes
        if key in book:
            return FootnoteRef(key, label=label, position=call)
        if len(book) >= MAX_FOOTNOTES and not self.ctx.over_limit_reported:
            self.ctx.over_limit_reported = True
            self.ctx.diags.error(call, f"more than {MAX_FOOTNOTES} footnotes in one "
                                       "document: split it, or move notes into the text")
        inline, def_line = owner.definitions.get(label, (None, line_index))
        if def_line < 0:
            owner, def_line = self, line_index
        book[key] = FootnoteText(key, (), owner.src.pos(def_line))  # reserved: a text citing itself ends
        content = owner.inlines(inline, def_line) if inline is not None else ()
        book[key] = FootnoteText(key, content, owner.src.pos(def_line))
        return FootnoteRef(key, label=label, position=call)

    # ---- blocks ----------------------------------------------------------

    def chapters(self) -> list[Chapter]:
        from toolkit.sources.floats import Floats

        chapters: list[Chapter] = []
        heading: tuple[tuple[Inline, ...], Position, str | None] | None = None
        blocks: list = []
        floats = Floats(self)

        def close() -> None:
            floats.finish(blocks)
            if heading is None and not blocks:
                return
            title, pos, ident, written = heading if heading else ((), None, None, ())
            chapters.append(Chapter(None, title, tuple(blocks), "", pos, headed=heading is not None, ident=ident,
                                    written=_written(written)))

        i = 0
        tokens = self.tokens
        while i < len(tokens):
            token = tokens[i]
            end = _close_index(tokens, i)
            line_index = token.map[0] if token.map else 0
            if token.type == "heading_open":
                ident = self.attributes(tokens[i + 1], line_index, allowed=("id",)).get("id")
                inline = self.inlines(tokens[i + 1], line_index)
                if token.tag == "h1":
                    close()
                    heading, blocks = (_upper(inline), self.src.pos(line_index, 1), ident, inline), []
                elif token.tag == "h2":
                    if ident:
                        self.ctx.diags.error(self.src.pos(line_index, 1), "a sub-heading cannot carry a label: "
                                                                          "label its chapter or a paragraph")
                    floats.finish(blocks)
                    blocks.append(SubHeading((Text("("),) + inline + (Text(")"),), self.src.pos(line_index, 1)))
                else:
                    self.ctx.diags.error(self.src.pos(line_index, 1),
                                         f"heading level {token.tag[1]} is not used in NEASPEC documents: "
                                         "write '# ' for a chapter or '## ' for a sub-heading")
            elif token.type == "paragraph_open":
                if not floats.paragraph(tokens[i + 1], line_index, blocks):
                    ident = self.attributes(tokens[i + 1], line_index, allowed=("id",)).get("id")
                    content = self.inlines(tokens[i + 1], line_index)
                    blocks.append(Paragraph(None, content, (), self.src.pos(line_index, 1),
                                            numbered=self.ctx.numbered, ident=ident))
            elif token.type == "table_open":
                floats.table(tokens, i, end, blocks)
            elif token.type == "ordered_list_open":
                floats.finish(blocks)
                items = self.list_items(tokens, i, end, depth=0)
                if blocks and isinstance(blocks[-1], Paragraph) and not blocks[-1].subitems:
                    blocks[-1] = replace(blocks[-1], subitems=items)
                else:
                    self.ctx.diags.error(self.src.pos(line_index, 1),
                                         "a numbered list must follow the paragraph it belongs to "
                                         "(its items become (a), (b), ...)")
            elif token.type == "bullet_list_open":
                floats.finish(blocks)
                blocks.append(BulletList(self.list_items(tokens, i, end, depth=0), self.src.pos(line_index, 1)))
            elif token.type == "footnote_reference_open":
                pass  # footnote texts are taken where they are first cited
            elif token.type in _UNSUPPORTED:
                self.ctx.diags.error(self.src.pos(line_index, 1),
                                     f"{_UNSUPPORTED[token.type]} are not supported in NEASPEC documents")
            i = end + 1
        close()
        return chapters

    def attributes(self, inline: Token, line_index: int, allowed: tuple[str, ...]) -> dict[str, str]:
        """Takes a trailing `{#name key=value}` off the inline token (before it is converted)."""
        last_line = line_index + inline.content.count("\n")
        return take_attributes(inline, self.src.line(last_line) or "", self.src.pos(last_line, 1), allowed,
                               self.ctx.diags)

    def list_items(self, tokens: list[Token], start: int, end: int, depth: int) -> tuple[ListItem, ...]:
        ordered = tokens[start].type == "ordered_list_open"
        if depth > 1:
            self.ctx.diags.error(self.src.pos(tokens[start].map[0], 1), "lists nest at most two levels deep")
        items: list[ListItem] = []
        i = start + 1
        while i < end:
            token = tokens[i]
            item_end = _close_index(tokens, i)
            if token.type == "list_item_open":
                items.append(self._list_item(tokens, i, item_end, ordered, depth))
            i = item_end + 1
        return tuple(items)

    def _list_item(self, tokens, start, end, ordered, depth) -> ListItem:
        content: list[Inline] = []
        children: tuple[ListItem, ...] = ()
        line_index = tokens[start].map[0] if tokens[start].map else 0
        i = start + 1
        while i < end:
            token = tokens[i]
            inner_end = _close_index(tokens, i)
            if token.type == "paragraph_open":
                if content:
                    content.append(LineBreak())
                content.extend(self.inlines(tokens[i + 1], token.map[0]))
            elif token.type in ("ordered_list_open", "bullet_list_open"):
                children = self.list_items(tokens, i, inner_end, depth + 1)
            elif token.type in _UNSUPPORTED or token.type in ("heading_open", "table_open"):
                what = _UNSUPPORTED.get(token.type) or ("tables" if token.type == "table_open" else "headings")
                self.ctx.diags.error(self.src.pos(token.map[0] if token.map else line_index, 1),
                                     f"{what} are not supported inside a list item")
            i = inner_end + 1
        return ListItem(None, tuple(content), children, self.src.pos(line_index, 1), ordered=ordered)

    # ---- inlines ---------------------------------------------------------

    def inlines(self, inline: Token, line_index: int) -> tuple[Inline, ...]:
        stack: list[tuple[str, object, list[Inline]]] = [("root", None, [])]
        for child in inline.children or []:
            kind = child.type
            out = stack[-1][2]
            if kind == "text":
                out.extend(self._text(child.content, line_index))
            elif kind == "softbreak":
                out.append(Text(" "))
                line_index += 1
            elif kind == "hardbreak":
                out.append(LineBreak())
                line_index += 1
            elif kind == "code_inline":
                out.append(Code(child.content))
            elif kind in ("em_open", "strong_open"):
                stack.append((kind, None, []))
            elif kind == "link_open":
                href = str(child.attrs.get("href", ""))
                if not href.lower().startswith(_ALLOWED_SCHEMES):
                    self.ctx.diags.error(self.src.pos(line_index, _find_col(self.src.line(line_index), "](")),
                                         f"link target {href[:80]!r} is not allowed: links must be web "
                                         "addresses (https://...) or e-mail addresses (mailto:...)")
                    href = ""
                stack.append((kind, href, []))
            elif kind in ("em_close", "strong_close", "link_close"):
                opened, data, children = stack.pop()
                if opened == "em_open":
                    stack[-1][2].append(Emphasis(_merge(children)))
                elif opened == "strong_open":
                    stack[-1][2].append(Strong(_merge(children)))
                elif data:
                    stack[-1][2].append(Link(data, _merge(children)))
                else:  # a refused link (already reported) keeps its words
                    stack[-1][2].extend(children)
            elif kind == "footnote_ref":
                out.append(self._footnote_ref(child.meta, line_index))
            elif kind == "image":
                self.ctx.diags.error(self.src.pos(line_index, _find_col(self.src.line(line_index), "![")),
                                     "a picture stands alone in its paragraph, after its title line "
                                     "'Figure: title'")
            else:
                self.ctx.diags.error(self.src.pos(line_index, 1), f"unsupported Markdown element {kind!r}")
        while len(stack) > 1:  # unbalanced only if markdown-it changes; keep the text
            _, _, children = stack.pop()
            stack[-1][2].extend(children)
        return _merge(stack[0][2])

    def _text(self, raw: str, line_index: int) -> list[Inline]:
        source_line = self.src.line(line_index)
        for match in _UNDEFINED_FOOTNOTE.finditer(raw):
            col = _find_col(source_line, match.group(0))
            self.ctx.diags.error(self.src.pos(line_index, col),
                                 f"undefined footnote {match.group(0)}: no line '{match.group(0)}: ...' gives its text")
        for opener in ("{{", "{%"):
            if opener in raw:  # a closed one would have been shielded
                closer = "}}" if opener == "{{" else "%}"
                self.ctx.diags.error(self.src.pos(line_index, _find_col(source_line, opener)),
                                     f"'{opener}' is not closed by '{closer}' on the same line")
        refs: list[Position] = []
        value = raw
        if "\ue000" in raw:
            value = _PLACEHOLDER.sub(lambda m: self._evaluate(m, refs), raw)
        out: list[Inline] = []
        for piece, ref in _split_refs(value, refs):
            if ref is not None:
                out.append(ref)
            elif self.in_table and "^" in piece:
                out.extend(self._note_calls(piece))
            else:
                out.extend(runs(piece))
        return out

    def _note_calls(self, text: str) -> list[Inline]:
        out: list[Inline] = []
        last = 0
        for match in _TABLE_NOTE_CALL.finditer(text):
            out.extend(runs(text[last:match.start()]))
            out.append(TableNoteRef(match.group(1)))
            last = match.end()
        out.extend(runs(text[last:]))
        return out

    def _evaluate(self, match: re.Match, refs: list[Position]) -> str:
        index = int(match.group(1))
        if index >= len(self.src.expressions):  # the characters were in the source itself
            return match.group(0)
        expression, where = self.src.expressions[index]
        value = self.ctx.expressions.render(expression, where, self.ctx.diags)
        refs.extend(where for _ in range(value.count(REF_MARK[0])))
        return value


_REF = re.compile(f"{REF_MARK[0]}(\\^?)([^{REF_MARK[1]}]*){REF_MARK[1]}")


def _split_refs(value: str, positions: list[Position]) -> list[tuple[str, Ref | None]]:
    """Text with ref() marks -> pieces of text and Ref nodes (each with its expression's position)."""
    if REF_MARK[0] not in value:
        return [(value, None)]
    out: list[tuple[str, Ref | None]] = []
    last = 0
    for index, match in enumerate(_REF.finditer(value)):
        out.append((value[last:match.start()], None))
        where = positions[index] if index < len(positions) else None
        out.append(("", Ref(match.group(2), capital=bool(match.group(1)), position=where)))
        last = match.end()
    out.append((value[last:], None))
    return [piece for piece in out if piece[1] is not None or piece[0]]


def _close_index(tokens: list[Token], start: int) -> int:
    """Index of the token closing tokens[start] (itself when it opens nothing)."""
    token = tokens[start]
    if token.nesting != 1:
        return start
    depth = 0
    for j in range(start, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _find_col(line: str | None, needle: str) -> int | None:
    if line is None:
        return None
    index = line.find(needle)
    return index + 1 if index >= 0 else None


def _written(content: tuple[Inline, ...]) -> str:
    """A heading's words as written (the outline's), before references are resolved: a
    heading citing a paragraph keeps the printed, upper-case words instead."""
    if any(isinstance(node, Ref) for node in content):
        return ""
    return Chapter(None, content, (), "").outline


def _upper(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in content:
        if isinstance(node, Text):
            out.append(Text(node.text.upper(), node.lang))
        elif isinstance(node, (Emphasis, Strong)):
            out.append(type(node)(_upper(node.children)))
        elif isinstance(node, Link):
            out.append(Link(node.url, _upper(node.children)))
        else:
            out.append(node)
    return tuple(out)


def _merge(nodes: list[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring Text nodes of the same language."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and out and isinstance(out[-1], Text) and out[-1].lang == node.lang:
            out[-1] = Text(out[-1].text + node.text, node.lang)
        elif not (isinstance(node, Text) and not node.text):
            out.append(node)
    return tuple(out)
