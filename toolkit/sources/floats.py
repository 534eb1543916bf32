"""Tables and figures in a Markdown body, as the reader meets them block by block.

    Table: Contributions to the Core Fund, 2019-2023 {#core-fund}

    | Member State | 2019 | 2020 |
    | --- | --: | --: |
    | China | 100,000 | 100,000^a^ |
    | Total {.total} | 300,000 | 310,000 |

    Source: ESCAP, financial statements.

    ^a^ Pledged; received in January 2021.

A title line without a pipe table after it names a file instead:
`Table: Title {#label file="tables/fund.xlsx" sheet="2023" total=last}`. A figure is a
title line and its picture: `Figure: Title {#label}` then `![description](figures/x.png)`.
Numbers (Table 1, Figure I) and the letters of table notes are given by the numbering pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markdown_it.token import Token

from toolkit.errors import Position
from toolkit.model import wording
from toolkit.model.document import Emphasis, Figure, Image, Inline, Table, TableNote, Text
from toolkit.model.plain import inline_text
from toolkit.model.scripts import runs
from toolkit.model.tables import column_widths, looks_numeric, numeric_columns
from toolkit.sources.paths import inside_meeting

_PREFIXES = {"Table:": "table", "Figure:": "figure"}
_SOURCE_WORDS = wording.source_words()  # "Source:" in any of the languages
_NOTE_LINE = re.compile(r"^\^([A-Za-z0-9]{1,12})\^\s*")
TABLE_SUFFIXES = (".csv", ".xlsx")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
_ALIGN = {"text-align:right": "right", "text-align:center": "center", "text-align:left": "left"}


@dataclass
class _Pending:
    kind: str
    title: tuple[Inline, ...]
    attrs: dict[str, str]
    position: Position


class Floats:
    """The tables and figures of one Markdown text; `conv` is the reader (markdown._Converter)."""

    def __init__(self, conv):
        self.conv = conv
        self.pending: _Pending | None = None  # a title line waiting for its table or picture
        self.last: int | None = None  # index in blocks of the table or figure a Source line may follow

    # ---- blocks the reader hands over ---------------------------------------

    def paragraph(self, inline: Token, line_index: int, blocks: list) -> bool:
        """True when the paragraph belongs to a table or figure (and was taken)."""
        raw = inline.content
        prefix = next((p for p in _PREFIXES if raw.startswith(p)), None)
        if prefix:
            self.finish(blocks)
            self._title(_PREFIXES[prefix], prefix, inline, line_index, blocks)
            return True
        if self.pending is not None:
            if self.pending.kind == "figure" and _lone_image(inline):
                self._figure(inline, line_index, blocks)
                return True
            self.finish(blocks)
            return False
        if self.last is not None:
            block = blocks[self.last]
            if raw.startswith(_SOURCE_WORDS) and not block.source:
                blocks[self.last] = replace(block, source=self._source(inline, line_index))
                return True
            if isinstance(block, Table) and _NOTE_LINE.match(raw):
                blocks[self.last] = replace(block, notes=block.notes + self._notes(inline, line_index))
                return True
        self.finish(blocks)
        return False

    def table(self, tokens: list[Token], start: int, end: int, blocks: list) -> None:
        pending = self.pending
        line_index = tokens[start].map[0] if tokens[start].map else 0
        if pending is None or pending.kind != "table":
            self.finish(blocks)
            self.conv.ctx.diags.error(self.conv.src.pos(line_index, 1),
                                      "a table needs its title on a line of its own before it, then an empty "
                                      "line: 'Table: Title of the table'")
            return
        self.pending = None
        if "file" in pending.attrs:
            self.conv.ctx.diags.error(pending.position, "this table title names a file and is followed by a "
                                                        "table as well: keep one of them")
            return
        table = self._pipe_table(tokens, start, end, pending)
        if table is not None:
            blocks.append(table)
            self.last = len(blocks) - 1

    def finish(self, blocks: list) -> None:
        """Any other block ends what a title line or a table began."""
        if self.pending is not None:
            what = ("a table (| cells |), or name its file: {file=\"tables/name.xlsx\"}"
                    if self.pending.kind == "table" else "its picture: ![description](figures/name.png)")
            self.conv.ctx.diags.error(self.pending.position, f"'{self.pending.kind.title()}:' title line must be "
                                                             f"followed, after an empty line, by {what}")
        self.pending = None
        self.last = None

    # ---- title lines ------------------------------------------------------------

    def _title(self, kind: str, prefix: str, inline: Token, line_index: int, blocks: list) -> None:
        allowed = ("id", "file", "sheet", "total") if kind == "table" else ("id",)
        attrs = self.conv.attributes(inline, line_index, allowed)
        first = (inline.children or [None])[0]
        if first is not None and first.type == "text":
            first.content = first.content[len(prefix):].lstrip()
        title = self.conv.inlines(inline, line_index)
        position = self.conv.src.pos(line_index, 1)
        if not inline_text(title).strip():
            self.conv.ctx.diags.error(position, f"'{prefix}' needs the title of the {kind} after it")
            title = (Text("?"),)
        pending = _Pending(kind, title, attrs, position)
        if kind == "table" and "file" in attrs:
            table = self._file_table(pending)
            if table is not None:
                blocks.append(table)
                self.last = len(blocks) - 1
            return
        for key in ("sheet", "total"):
            if key in attrs:
                self.conv.ctx.diags.error(position, f"{key}= is for a table kept in a file: give file= too")
        self.pending = pending

    def _source(self, inline: Token, line_index: int) -> tuple[Inline, ...]:
        content = list(self.conv.inlines(inline, line_index))
        if content and isinstance(content[0], Text):
            word = next(w for w in _SOURCE_WORDS if content[0].text.startswith(w))
            rest = content[0].text[len(word):]
            content[0:1] = [Emphasis((Text(word),))] + ([Text(rest, content[0].lang)] if rest else [])
        return tuple(content)

    def _notes(self, inline: Token, line_index: int) -> tuple[TableNote, ...]:
        """`^a^ text` lines (one paragraph or several) -> the table's notes, in the order written."""
        notes = []
        for offset, line in enumerate(inline.content.split("\n")):
            match = _NOTE_LINE.match(line)
            if not match:
                if notes:  # a note's text running on to the next line
                    key, content, pos = notes[-1]
                    notes[-1] = (key, content + (Text(" "),) + self._inline_line(line, line_index + offset), pos)
                continue
            content = self._inline_line(line[match.end():], line_index + offset)
            notes.append((match.group(1), content, self.conv.src.pos(line_index + offset, 1)))
        return tuple(TableNote(key, "", content, pos) for key, content, pos in notes)

    def _inline_line(self, text: str, line_index: int) -> tuple[Inline, ...]:
        env: dict = {}
        tokens = self.conv.ctx.md.parseInline(text, env)
        return self.conv.inlines(tokens[0], line_index) if tokens else ()

    # ---- tables -----------------------------------------------------------------------

    def _pipe_table(self, tokens: list[Token], start: int, end: int, pending: _Pending) -> Table | None:
        rows: list[tuple[list[tuple[Inline, ...]], int, bool]] = []  # cells, line index, total
        align: list[str] = []
        diags = self.conv.ctx.diags
        self.conv.in_table = True
        try:
            i = start
            line_index = 0
            cells: list[tuple[Inline, ...]] = []
            total = False
            while i <= end:
                token = tokens[i]
                if token.type == "tr_open":
                    line_index = token.map[0] if token.map else line_index
                    cells, total = [], False
                elif token.type in ("th_open", "td_open"):
                    if token.type == "th_open":
                        align.append(_ALIGN.get(str(token.attrs.get("style", "")), ""))
                    inline = tokens[i + 1]
                    if not cells and token.type == "td_open":
                        found = self.conv.attributes(inline, line_index, ("class",)).get("class", "")
                        total = "total" in found.split()
                        if found and not total:
                            diags.error(self.conv.src.pos(line_index, 1), f"unknown class .{found}: a row "
                                                                          "can be marked {.total}")
                    cells.append(self.conv.inlines(inline, line_index))
                elif token.type == "tr_close":
                    rows.append((cells, line_index, total))
                i += 1
        finally:
            self.conv.in_table = False
        ok = self._check_pipe_rows(rows)
        if not ok:
            return None
        header = rows[0][0]
        body = rows[1:]
        texts = [[inline_text(c) for c in cells] for cells, _, _ in body]
        numeric = numeric_columns(texts)
        aligns = tuple(a or ("right" if n else "left") for a, n in zip(align, numeric, strict=True))
        return Table(tuple(header), tuple(tuple(cells) for cells, _, _ in body),
                     column_widths([inline_text(c) for c in header], texts), pending.position,
                     title=pending.title, align=aligns, totals=tuple(k for k, (_, _, t) in enumerate(body) if t),
                     ident=pending.attrs.get("id"))

    def _check_pipe_rows(self, rows) -> bool:
        """markdown-it pads short rows and drops extra cells in silence: the source line says."""
        diags = self.conv.ctx.diags
        ok = True
        width = len(rows[0][0])
        for column, cell in enumerate(rows[0][0]):
            if not inline_text(cell).strip():
                diags.error(self._cell_pos(rows[0][1], column), "a table's header cell is empty: every column "
                                                                "needs a heading")
                ok = False
        if len(rows) < 2:
            diags.error(self.conv.src.pos(rows[0][1], 1), "the table has a header row but no rows")
            ok = False
        for _, line_index, _ in rows[1:]:
            count = len(_cell_starts(self.conv.src.line(line_index) or ""))
            if count != width:
                diags.error(self._cell_pos(line_index, min(count, width)),
                            f"this row has {count} cells, the header has {width}: every row needs as many "
                            "cells (leave a cell empty between two '|')")
                ok = False
        return ok

    def _cell_pos(self, line_index: int, column: int) -> Position:
        """The position of the column-th cell (0-based) of a pipe-table line; past the end: its end."""
        line = self.conv.src.line(line_index) or ""
        starts = _cell_starts(line)
        col = starts[column] if column < len(starts) else len(line.rstrip()) + 1
        return self.conv.src.pos(line_index, col)

    def _file_table(self, pending: _Pending) -> Table | None:
        from toolkit.sources.spreadsheet import read_grid

        ctx = self.conv.ctx
        rel = inside_meeting(ctx.root, pending.attrs["file"], pending.position, ctx.diags, "table file",
                             TABLE_SUFFIXES, "a .csv or .xlsx file (save other spreadsheets as .xlsx)")
        if rel is None:
            return None
        ctx.files.append(rel)
        grid = read_grid(ctx.root, rel, pending.attrs.get("sheet"), pending.position, ctx.diags, ctx.grids)
        if grid is None:
            return None
        header_cells, *body_cells = grid.rows
        self.conv.in_table = True
        try:
            header = tuple(self._cell(c.text) for c in header_cells)
            body = tuple(tuple(self._cell(c.text) for c in row) for row in body_cells)
        finally:
            self.conv.in_table = False
        numeric = [all(c.numeric or looks_numeric(c.text) or not c.text.strip() for c in column)
                   and any(c.text.strip() for c in column)
                   for column in zip(*body_cells, strict=True)] if body_cells else [False] * len(header)
        totals = self._totals(pending, body_cells)
        if totals is None:
            return None
        texts = [[c.text for c in row] for row in body_cells]
        return Table(header, body, column_widths([c.text for c in header_cells], texts), pending.position,
                     title=pending.title, align=tuple("right" if n else "left" for n in numeric), totals=totals,
                     ident=pending.attrs.get("id"))

    def _cell(self, text: str) -> tuple[Inline, ...]:
        return tuple(self.conv._note_calls(text)) if "^" in text else runs(text)

    def _totals(self, pending: _Pending, body) -> tuple[int, ...] | None:
        """total=last, or total="7" / "7,12": the row numbers of the file."""
        wanted = pending.attrs.get("total")
        if wanted is None or not body:
            return ()
        if wanted == "last":
            return (len(body) - 1,)
        by_row = {row[0].position.line: index for index, row in enumerate(body) if row}
        out = []
        for part in wanted.split(","):
            part = part.strip()
            if not part.isdigit() or int(part) not in by_row:
                self.conv.ctx.diags.error(pending.position, f"total={wanted}: {part!r} is not a row of the table's "
                                                            f"rows ({min(by_row)}-{max(by_row)}); write total=last "
                                                            "or the row numbers of the total rows")
                return None
            out.append(by_row[int(part)])
        return tuple(sorted(out))

    # ---- figures ------------------------------------------------------------------------

    def _figure(self, inline: Token, line_index: int, blocks: list) -> None:
        from toolkit.sources.images import check_image

        pending, self.pending = self.pending, None
        ctx = self.conv.ctx
        image = next(c for c in inline.children if c.type == "image")
        src = str(image.attrs.get("src", ""))
        alt = " ".join(image.content.split())
        where = self.conv.src.pos(line_index, 1)
        if not alt:
            ctx.diags.error(where, "a figure needs a description of its picture for readers who cannot see it: "
                                   "![what the picture shows](figures/name.png)")
        rel = inside_meeting(ctx.root, src, where, ctx.diags, "image file", IMAGE_SUFFIXES,
                             "a .png, .jpg or .svg picture")
        if rel:
            ctx.files.append(rel)
        info = check_image(ctx.root, rel, where, ctx.diags) if rel else None
        if info is None or not alt:
            return
        blocks.append(Figure(Image(info.path, info.sha256, info.format, info.width, info.height), alt,
                             pending.title, (), pending.position, ident=pending.attrs.get("id")))
        self.last = len(blocks) - 1


def _lone_image(inline: Token) -> bool:
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    return len(children) == 1 and children[0].type == "image"


def _cell_starts(line: str) -> list[int]:
    """1-based columns where each cell of a pipe-table line starts (escaped pipes and pipes in
    `code` stay in their cell)."""
    stripped = line.rstrip()
    offset = len(line) - len(line.lstrip())
    body = stripped.lstrip()
    starts = []
    index = 0
    if body.startswith("|"):
        index = 1
    cell_start = index
    in_code = False
    while index < len(body):
        ch = body[index]
        if ch == "\\":
            index += 2
            continue
        if ch == "`":
            in_code = not in_code
        elif ch == "|" and not in_code:
            starts.append(offset + cell_start + 1)
            cell_start = index + 1
        index += 1
    if cell_start < len(body):  # a last cell with no closing pipe
        starts.append(offset + cell_start + 1)
    return starts
