"""Documents that follow an issued one, as the UN issues them: a revision replaces it under
<symbol>/Rev.N with its own date; a corrigendum <symbol>/Corr.N lists corrections to it; an
addendum <symbol>/Add.N adds to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

from toolkit.model import wording
from toolkit.model.document import Block, Chapter, FootnoteRef, Note, Ref, Text
from toolkit.model.issued import Issuing
from toolkit.model.masthead import annex_alone_title
from toolkit.model.plain import inline_text
from toolkit.model.walk import transform


def _symbolled(note: Note, symbol: str | None) -> Note:
    return replace(note, symbol=symbol, running_head=symbol, masthead=replace(note.masthead, symbol=symbol))


def annexes_of(annexes: list[Note], notes: list[Note]) -> list[Note]:
    """Each annex issued on its own carries its document's symbol as settled (a Rev., an Add.), in its
    block and in its heading ("Annex II to <symbol>/Rev.1")."""
    final = {note.stem: note for note in notes}
    out = []
    for annex in annexes:
        stem, numeral = annex.stem.rsplit("-annex-", 1)
        owner = final.get(stem)
        if owner is None or owner.symbol == annex.symbol:
            out.append(annex)
            continue
        moved = _symbolled(annex, owner.symbol)
        heading = wording.for_language(annex.language_code).annex_of(numeral, owner.symbol, owner.title)
        out.append(replace(moved, masthead=replace(moved.masthead, annex_heading=heading),
                           title=annex_alone_title(heading, inline_text(annex.masthead.annex_title))))
    return out


def revised(note: Note, number: int) -> Note:
    """The document as revision `number`: its symbol <symbol>/Rev.N, its date its own `date:`."""
    assert note.symbol is not None
    return replace(_symbolled(note, wording.revision_symbol(note.symbol, number)), revision=number)


def addendum(note: Note, base: Note, number: int) -> Note:
    """An addendum: <base symbol>/Add.N, "Addendum" under its title."""
    assert base.symbol is not None
    note = _symbolled(note, wording.addendum_symbol(base.symbol, number))
    words = wording.for_language(note.language_code)
    return replace(note, base=base.stem, masthead=replace(note.masthead, supplement=words.addendum))


class Correction(Protocol):
    """One correction of a corrigendum as revisions/corrections.py words it: its blocks to print."""

    def blocks(self) -> tuple[Block, ...]: ...


def corrigendum(base: Note, number: int, date: dt.date, corrections: Iterable[Correction]) -> Note:
    """<symbol>/Corr.N: the base document's masthead with the corrigendum's date and "Corrigendum"
    under the title, then each correction: where (cited by the numbers as issued), then what."""
    assert base.symbol is not None
    blocks: list[Block] = []
    for correction in corrections:  # the place, what to do, the text quoted (revisions/corrections.py)
        blocks.extend(_standalone(block) for block in correction.blocks())
    words = wording.for_language(base.language_code)
    symbol = wording.corrigendum_symbol(base.symbol, number)
    masthead = replace(base.masthead, symbol=symbol, date=words.block.date(date), supplement=words.corrigendum)
    stem = f"{base.stem}-corr{number}"
    return replace(base, stem=stem, original_stem=stem, date=date, masthead=masthead, symbol=symbol,
                   running_head=symbol, contents_heading=None, contents=(),
                   chapters=(Chapter(None, (), tuple(blocks), "corrections", headed=False),), annexes=(),
                   footnotes=(), kind="corrigendum", base=base.stem,
                   keywords=base.keywords + (words.corrigendum,))


def _standalone(block: Block) -> Block:
    """A corrected paragraph quoted in the corrigendum: a ref() is its words (the paragraph it cites is
    not in the corrigendum) and a footnote call is left out (its footnote is corrected on its own)."""
    def change(node: object) -> object:
        if isinstance(node, Ref):
            return Text(node.text[:1].upper() + node.text[1:] if node.capital else node.text)
        if isinstance(node, tuple) and any(isinstance(item, FootnoteRef) for item in node):
            return tuple(item for item in node if not isinstance(item, FootnoteRef))
        return node

    done = transform(block, change)
    assert isinstance(done, type(block))  # change() rebuilds a block's inlines, never the block's kind
    return done


def stay_as_issued(notes: list[Note], annexes: list[Note],
                   issuing: Issuing) -> tuple[list[Note], list[Note], list[Note]]:
    """A document issued and then changed is written as it was issued: its text from its record under its
    symbol and date, and its annexes issued alone likewise; the changes reach readers only as what is declared
    (a corrigendum; a revision has its own symbol and is not held here). The corrected text may be read in a
    reading copy, NAME-as-corrected, and changes not yet declared in a draft, NAME-draft: each marked on its
    first page as not an issued document. -> (the documents, the annexes issued alone, the copies)."""
    copies = []
    out = []
    kept = [a for a in annexes if a.stem.rsplit("-annex-", 1)[0] not in issuing.as_issued]
    now = {a.stem: a for a in annexes}
    for note in notes:
        if note.stem not in issuing.as_issued:
            out.append(note)
            continue
        issued, alone = issuing.as_issued[note.stem]
        out.append(_with_lines(issued, note))
        kept.extend(_with_lines(a, now.get(a.stem, note)) for a in alone)
        words = wording.for_language(note.language_code)
        if note.stem in issuing.corrected_by:
            assert note.symbol is not None  # a corrigendum is refused to a document without a symbol
            mark = words.as_corrected(note.symbol, list(issuing.corrected_by[note.stem]))
            text, stem = issuing.reading.get(note.stem, note), f"{note.stem}-as-corrected"
        else:  # changed since it was issued, nothing declared yet
            mark = words.draft_copy(issued.symbol or issued.title, words.date(issued.date))
            text, stem = note, f"{note.stem}-draft"
        copies.append(replace(_with_lines(text, note), stem=stem, base=note.stem, original_stem=note.original_stem,
                              masthead=replace(_with_lines(text, note).masthead, reading_copy=mark)))
    order = {a.stem: i for i, a in enumerate(annexes)}
    kept.sort(key=lambda a: (order.get(a.stem, len(order)), a.stem))
    return out, kept, copies


def _with_lines(issued: Note, now: Note) -> Note:
    """The document as issued with the language lines of its versions now (language_lines.py)."""
    return replace(issued, masthead=replace(issued.masthead, language=now.masthead.language,
                                            version_line=now.masthead.version_line))
