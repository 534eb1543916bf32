"""The one numbering pass: a document as read (no numbers) -> every number it prints.

The reader gives blocks in order with their positions and no numbers. This pass
numbers, in document order: chapters (I, II ... again from I in each annex), paragraphs
(1, 2 ... on through the considerations; from 1 in each annex), sub-items ((a), (i)),
annexes (I, II ...), tables (1, 2 ...) and figures (I, II ...) through the note and its
annexes, footnotes (in order of first call), table notes (a, b in each table), and it
resolves every ref() to the words and anchor of its label. It also says where Word
numbering must start again, so no renderer infers it from the numbers.

An annex issued on its own is the same pass over the same parts, emitting that annex
only: its paragraphs, tables and figures keep the numbers they have in the note (it is
the same text), its footnotes are numbered from 1, and a ref() to a place outside it
keeps its words but links nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from toolkit.suggest import did_you_mean
from toolkit.errors import Diagnostics, Position
from toolkit.model.wording import ENGLISH, RefKind, Wording
from toolkit.model.document import (Annex, Block, BulletList, Chapter, Emphasis, Figure, Footnote, FootnoteRef,
                                    Inline, Link, ListItem, Paragraph, Ref, Strong, SubHeading, Table,
                                    TableNoteRef, Text)
from toolkit.model.parts import AnnexSource, FootnoteText
from toolkit.model.words import letter, roman


@dataclass(frozen=True)
class Numbered:
    """What the pass decided for one document."""

    chapters: tuple[Chapter, ...]
    annexes: tuple[Annex, ...]
    footnotes: tuple[Footnote, ...]


@dataclass(frozen=True)
class _Target:
    kind: RefKind
    number: str
    scope: str | None  # the numeral of the annex it is in; None: the note's body
    anchor: str
    position: Position | None


# ---- pass 1: the numbers of everything, and the labels ------------------------


@dataclass
class _Counts:
    tables: int = 0
    figures: int = 0
    anchors: int = 0
    targets: dict[str, _Target] = field(default_factory=dict)
    duplicates: list[tuple[str, Position | None]] = field(default_factory=list)
    unnumbered: list[tuple[str, Position | None]] = field(default_factory=list)  # labels of paragraphs with no number
    wording: Wording = ENGLISH  # the document's language: "Table", "Figure", "Annex"

    def anchor(self) -> str:
        # Word's own cross-reference bookmarks are named _Ref...: hidden in its bookmark list.
        self.anchors += 1
        return f"_Ref{self.anchors:03d}"

    def label(self, ident: str | None, kind: RefKind, number: str, scope: str | None, position: Position | None,
              anchor: str | None = None) -> str | None:
        if ident is None:
            return None
        if ident in self.targets:
            self.duplicates.append((ident, position))
            return None
        anchor = anchor or self.anchor()
        self.targets[ident] = _Target(kind, number, scope, anchor, position)
        return anchor


def _items(items: tuple[ListItem, ...], wording: Wording, depth: int = 0) -> tuple[ListItem, ...]:
    """(a), (b) and under them (i), (ii), in the document's language: a), i) in French and Russian."""
    out = []
    ordered_index = 0
    for item in items:
        label = None
        if item.ordered:
            ordered_index += 1
            label = wording.list_label(letter(ordered_index) if depth == 0 else roman(ordered_index).lower())
        out.append(replace(item, label=label, children=_items(item.children, wording, depth + 1)))
    return tuple(out)


def _number_chapters(chapters: tuple[Chapter, ...], counts: _Counts, scope: str | None, numbered: bool,
                     restart: bool) -> tuple[Chapter, ...]:
    """Chapters and their blocks of one numbering run (the note's body, or one annex)."""
    prefix = f"annex{scope}-" if scope else ""
    out = []
    chapter_count = 0
    paragraph_count = 0
    interrupted = False  # a list of its own numbers came last: Word's count starts again at the next number
    for chapter in chapters:
        numeral = None
        if chapter.headed:
            chapter_count += 1
            numeral = roman(chapter_count)
        anchor = f"{prefix}ch{numeral or 0}"
        counts.label(chapter.ident, "chapter", numeral or "", scope, chapter.position, anchor)
        blocks = []
        for block in chapter.blocks:
            if isinstance(block, Paragraph) and block.own_number:
                # a list numbered by its own numbers (the agenda in a report): the count resumes after it
                interrupted = True
                block = replace(block, subitems=_items(block.subitems, counts.wording))
            elif isinstance(block, Paragraph):
                number = None
                if numbered and block.numbered:
                    paragraph_count += 1
                    number = paragraph_count
                elif block.ident is not None:
                    counts.unnumbered.append((block.ident, block.position))
                resumed = interrupted and number is not None
                interrupted = interrupted and not resumed
                block = replace(block, number=number, subitems=_items(block.subitems, counts.wording),
                                restart=(restart and paragraph_count == 1 and number == 1) or resumed,
                                anchor=counts.label(block.ident, "paragraph", str(number), scope, block.position))
            elif isinstance(block, BulletList):
                block = replace(block, items=_items(block.items, counts.wording))
            elif isinstance(block, Table) and block.title:
                counts.tables += 1
                shown = str(counts.tables)
                block = replace(block, number=shown, caption_word=counts.wording.table, ordinal=counts.tables,
                                anchor=counts.label(block.ident, "table", shown, scope, block.position))
            elif isinstance(block, Figure):
                counts.figures += 1
                shown = roman(counts.figures)
                block = replace(block, number=shown, caption_word=counts.wording.figure, ordinal=counts.figures,
                                anchor=counts.label(block.ident, "figure", shown, scope, block.position))
            blocks.append(block)
        out.append(replace(chapter, numeral=numeral, anchor=anchor, blocks=tuple(blocks),
                           restart=restart and chapter_count == 1 and numeral == "I"))
    return tuple(out)


# ---- pass 2: footnotes, table notes and refs, in the order they are read -------


class _Inlines:
    """Rewrites inline content: footnote numbers in order of first call, refs resolved."""

    def __init__(self, texts: dict[str, FootnoteText], targets: dict[str, _Target], emitted: set[str | None],
                 diags: Diagnostics, wording: Wording = ENGLISH):
        self.wording = wording
        self.texts = texts
        self.targets = targets
        self.emitted = emitted  # scopes present in this document (None: the note's body)
        self.diags = diags
        self.numbers: dict[str, int] = {}
        self.footnotes: list[Footnote] = []
        self.scope: str | None = None  # where the content being read stands
        self.table_letters: dict[str, str] | None = None  # the table being read: key -> letter

    def __call__(self, content: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return tuple(self._node(node) for node in content)

    def _node(self, node: Inline) -> Inline:
        if isinstance(node, (Emphasis, Strong)):
            return type(node)(self(node.children))
        if isinstance(node, Link):
            return Link(node.url, self(node.children))
        if isinstance(node, FootnoteRef):
            return self._footnote(node)
        if isinstance(node, Ref):
            return self._ref(node)
        if isinstance(node, TableNoteRef) and self.table_letters is not None:
            letters = self.table_letters
            return replace(node, letter=letters.setdefault(node.key, letter(len(letters) + 1)))
        return node

    def _footnote(self, node: FootnoteRef) -> FootnoteRef:
        if node.key in self.numbers:
            return replace(node, number=self.numbers[node.key], first=False)
        number = len(self.footnotes) + 1
        self.numbers[node.key] = number
        text = self.texts.get(node.key)
        # Reserve the number before reading the text, so numbers follow first calls.
        self.footnotes.append(Footnote(number, (), text.position if text else None, node.key, node.label,
                                       node.position))
        content = self(text.content) if text else ()
        self.footnotes[number - 1] = replace(self.footnotes[number - 1], content=content)
        return replace(node, number=number, first=True)

    def _ref(self, node: Ref) -> Ref:
        target = self.targets.get(node.target)
        if target is None:
            known = ", ".join(sorted(self.targets)) or "none"
            self.diags.error(node.position or Position("?"), f"unknown label {node.target!r} in ref(...) "
                                                             f"(the labels of this note: {known})"
                                                             f"{did_you_mean(node.target, self.targets)}")
            return replace(node, words="", number=node.target)
        elsewhere = target.kind in ("paragraph", "chapter") and target.scope and target.scope != self.scope
        words, after = self.wording.ref_words(target.kind, target.number, node.capital,
                                              target.scope if elsewhere else None)
        anchor = target.anchor if target.scope in self.emitted else None
        return replace(node, kind=target.kind, words=words, number=target.number, after=after, anchor=anchor)

    def items(self, items: tuple[ListItem, ...]) -> tuple[ListItem, ...]:
        return tuple(replace(i, content=self(i.content), children=self.items(i.children)) for i in items)

    def chapters(self, chapters: tuple[Chapter, ...], scope: str | None) -> tuple[Chapter, ...]:
        self.scope = scope
        return tuple(replace(c, title=self(c.title), blocks=tuple(self.block(b) for b in c.blocks))
                     for c in chapters)

    def block(self, block: Block) -> Block:
        if isinstance(block, Paragraph):
            return replace(block, content=self(block.content), subitems=self.items(block.subitems))
        if isinstance(block, BulletList):
            return replace(block, items=self.items(block.items))
        if isinstance(block, SubHeading):
            return replace(block, content=self._parenthesized(self(block.content)))
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Figure):
            return replace(block, title=self(block.title), source=self(block.source))
        return block

    def _parenthesized(self, content: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """A sub-heading's parentheses (the reader's) in the document's language: Chinese （ ）."""
        opening, closing = self.wording.parentheses
        if (opening, closing) == ("(", ")") or len(content) < 2 or content[0] != Text("(") \
                or content[-1] != Text(")"):
            return content
        return (Text(opening, content[1].lang if isinstance(content[1], Text) else None), *content[1:-1],
                Text(closing))

    def _table(self, table: Table) -> Table:
        self.table_letters = {}
        try:
            title = self(table.title)
            header = tuple(self(cell) for cell in table.header)
            rows = tuple(tuple(self(cell) for cell in row) for row in table.rows)
            letters = self.table_letters
            notes = []
            for note in table.notes:
                if note.key not in letters:
                    self.diags.error(note.position or Position("?"), f"table note ^{note.key}^ is given but no "
                                                                     f"cell of the table calls it")
                    continue
                notes.append(replace(note, letter=letters[note.key], content=self(note.content)))
            given = {n.key for n in table.notes}
            for key in letters:
                if key not in given:
                    self.diags.error(table.position or Position("?"),
                                     f"table note ^{key}^ is called in the table but not given: write "
                                     f"'^{key}^ text' on a line after the table")
            notes.sort(key=lambda n: (len(n.letter), n.letter))
            source = self(table.source)
        finally:
            self.table_letters = None
        return replace(table, title=title, header=header, rows=rows, notes=tuple(notes), source=source)


# ---- the pass --------------------------------------------------------------------


def number_note(chapters: tuple[Chapter, ...], annexes: tuple[AnnexSource, ...], footnotes: dict[str, FootnoteText],
                diags: Diagnostics, wording: Wording = ENGLISH) -> tuple[Numbered, tuple[Numbered, ...]]:
    """The note, and each of its annexes issued on its own: one count of everything, then
    each document's footnotes and refs, in the words of the document's language."""
    counts = _Counts(wording=wording)
    body = _number_chapters(chapters, counts, None, True, restart=False)
    numbered_annexes = []
    for index, annex in enumerate(annexes):
        numeral = roman(index + 1)
        anchor = f"annex{numeral}"
        counts.label(annex.stem, "annex", numeral, None, annex.position, f"{anchor}num")
        annex_chapters = _number_chapters(annex.chapters, counts, numeral, annex.numbered, restart=True)
        numbered_annexes.append(Annex(numeral=numeral, heading=wording.annex_heading(numeral), title=annex.title,
                                      chapters=annex_chapters, stem=annex.stem, source=annex.source, anchor=anchor,
                                      attachment=annex.attachment, number_anchor=f"{anchor}num"))
    _report_labels(counts, diags)

    inlines = _Inlines(footnotes, counts.targets, {None, *(a.numeral for a in numbered_annexes)}, diags, wording)
    body = inlines.chapters(body, None)
    done_annexes = tuple(replace(a, title=inlines(a.title), chapters=inlines.chapters(a.chapters, a.numeral))
                         for a in numbered_annexes)
    note = Numbered(body, done_annexes, tuple(inlines.footnotes))
    return note, tuple(_alone(annex, counts, footnotes) for annex in numbered_annexes)


def _alone(annex: Annex, counts: _Counts, footnotes: dict[str, FootnoteText]) -> Numbered:
    """An annex issued on its own: its numbering is the document's own (Word starts no list
    again at its first paragraph or chapter), its footnotes from 1, refs out of it unlinked.
    Problems were reported with the note: this pass only emits."""
    inlines = _Inlines(footnotes, counts.targets, {annex.numeral}, Diagnostics(), counts.wording)
    chapters = tuple(replace(c, restart=False, blocks=tuple(replace(b, restart=False) if isinstance(b, Paragraph)
                                                            else b for b in c.blocks))
                     for c in annex.chapters)
    done = replace(annex, title=inlines(annex.title),
                   chapters=_seq_restarts(inlines.chapters(chapters, annex.numeral)))
    return Numbered(done.chapters, (done,), tuple(inlines.footnotes))


def number_document(chapters: tuple[Chapter, ...], annexes: tuple[AnnexSource, ...],
                    footnotes: dict[str, FootnoteText], diags: Diagnostics,
                    only_annex: int | None = None, wording: Wording = ENGLISH) -> Numbered:
    """The note (only_annex None), or its annex number only_annex (0-based) issued on its own."""
    note, alone = number_note(chapters, annexes, footnotes, diags, wording)
    return note if only_annex is None else alone[only_annex]


def _seq_restarts(chapters: tuple[Chapter, ...]) -> tuple[Chapter, ...]:
    """In an annex issued alone, its first table and figure keep the note's numbers (Table 4):
    Word's count of them starts there, not at 1."""
    first: set[type] = set()

    def mark(block: Block) -> Block:
        if isinstance(block, (Table, Figure)) and block.ordinal and type(block) not in first:
            first.add(type(block))
            return replace(block, restart=block.ordinal != 1)
        return block

    return tuple(replace(c, blocks=tuple(mark(b) for b in c.blocks)) for c in chapters)


def _report_labels(counts: _Counts, diags: Diagnostics) -> None:
    for ident, position in counts.unnumbered:
        diags.error(position or Position("?"), f"{{#{ident}}} labels a paragraph that has no number to cite "
                                               "(its annex has numbered: false)")
    for ident, position in counts.duplicates:
        where = position or Position("?")
        first = counts.targets[ident]
        elsewhere = first.position is not None and first.position.path != where.path
        diags.error(where, f"label {{#{ident}}} is used twice (first at line "
                           f"{first.position.line if first.position else '?'}"
                           f"{' of ' + first.position.path if first.position and elsewhere else ''})")

