"""A document's laid-out pages (render/layout.py) -> what a typographer would mark on them:
stranded words, hyphenated names, dates, numbers and symbols, contents entries whose leaders
wrap, tables broken after one row, headings alone at the foot of a page, widows and orphans.

Each rule returns Findings: the block, the page and what to say. The rules read the layout
only, so they hold for whatever templates drew it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from toolkit.render.layout import (CAPTION, CELL, CONTENTS, HEADING, PARAGRAPH, SUBHEADING, SUBITEM, Layout, Line, Page)

# A justified line that ends more than this share of its measure short of the margin is
# stranded: WeasyPrint justifies every line it can, so only a line it could not stretch
# (one word, or a word kept whole beside an unbreakable one) stops short.
STRANDED_SHARE = 0.2
TEXT = (PARAGRAPH, SUBITEM)
HEADINGS = (HEADING, SUBHEADING, CAPTION)
_MONTHS = ("january february march april may june july august september october november december "
           "janvier février mars avril mai juin juillet août septembre octobre novembre décembre").split()


@dataclass(frozen=True)
class Finding:
    block: int | None  # index into Layout.blocks; None: a table (see table)
    page: int
    message: str
    table: int | None = None


def _text_lines(layout: Layout) -> dict[int, list[tuple[Page, Line]]]:
    out: dict[int, list[tuple[Page, Line]]] = {}
    for page in layout.pages:
        for line in page.lines:
            out.setdefault(line.block, []).append((page, line))
    return out


def _quoted(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"\u201c{text if len(text) <= limit else text[:limit - 1] + '…'}\u201d"


def stranded(layout: Layout) -> list[Finding]:
    """A line of a justified paragraph, not its last, that stops well short of the margin."""
    found = []
    for block, lines in _text_lines(layout).items():
        if layout.blocks[block].kind not in TEXT or not layout.blocks[block].justified:
            continue
        for page, line in lines[:-1]:
            measure = line.right - line.left
            if line.forced or measure <= 0 or (line.right - line.end) <= STRANDED_SHARE * measure:
                continue
            found.append(Finding(block, page.number, f"{_quoted(line.text)} stands alone on a line that stops "
                                 f"{line.right - line.end:.0f} pt short of the margin in a justified paragraph; "
                                 "a word kept whole after it (a symbol, a date, a web address) pushed the rest on"))
    return found


def _word_ends(text: str) -> str:
    parts = text.rstrip().split()
    return parts[-1] if parts else ""


def _word_starts(text: str) -> str:
    parts = text.split()
    return parts[0] if parts else ""


def _what(word: str, before: str, after: str) -> str | None:
    """Why a broken word must not be broken, or None."""
    bare = word.strip("()[],.;:\u201c\u201d\"'")
    if "/" in bare:
        return "a document symbol"
    if any(ch.isdigit() for ch in bare):
        return "a number"
    if bare.lower() in _MONTHS and (re.search(r"\d\s*$", before) or re.match(r"\s*\d", after)):
        return "a date"
    if any(ch.isupper() for ch in bare):
        return "a word with a capital letter"
    return None


def hyphenation(layout: Layout) -> list[Finding]:
    """A word broken at a line's end that an editor keeps whole: one with a capital letter (a name,
    a title), a date, a number, a symbol, any word of a table cell; and a number range or symbol
    split at its hyphen or slash."""
    found = []
    for block, lines in _text_lines(layout).items():
        for (page, line), (_, following) in zip(lines, lines[1:], strict=False):
            end, start = _word_ends(line.text), _word_starts(following.text)
            if not end or not start:
                continue
            if line.hyphenated:
                piece = end[:-1]  # less the hyphen the layout added
                why = _what(piece + start, line.text.rstrip()[:-len(end)], following.text[len(start):])
                if why is None and layout.blocks[block].kind == CELL:
                    why = "a word in a table cell"
                if why:
                    found.append(Finding(block, page.number, f"{_quoted(f'{piece}-{start}')} is hyphenated at the "
                                         f"end of a line: {why} is not hyphenated in a UN document"))
            elif end[-1] in "/-\u2013" and not line.forced and not line.text.endswith(" "):
                joined = end + start
                if re.search(r"\d[-\u2013]$", end) and start[:1].isdigit():
                    why = "a range of numbers"
                elif end.endswith("/") and _what(joined, "", "") == "a document symbol" and any(
                        ch.isupper() for ch in joined):
                    why = "a document symbol"
                else:
                    continue
                found.append(Finding(block, page.number, f"{_quoted(end + ' | ' + start)}: {why} is split across "
                                     "two lines"))
    return found


def contents_leaders(layout: Layout) -> list[Finding]:
    """A contents entry whose dot leader or page number wraps away from its title's last line, or
    whose second line starts at the margin rather than under the title."""
    found = []
    for block, lines in _text_lines(layout).items():
        if layout.blocks[block].kind != CONTENTS or len(lines) < 2:
            continue
        first = lines[0][1]
        entry = _quoted(first.label + " " + first.text)
        numbered = [line for _, line in lines if line.page_number]
        alone = [line for _, line in lines if line.leader and not re.sub(r"[.\s\d\u2026]", "", line.text)]
        split = any(line.leader for _, line in lines) and not any(line.leader and line.page_number for _, line in lines)
        margin = [line for _, line in lines[1:] if line.start < first.text_start - 1]
        if alone or split or (numbered and numbered[-1] is not lines[-1][1]):
            found.append(Finding(block, lines[0][0].number, f"contents entry {entry}: its leader "
                                 "dots wrap onto a line of their own; the dots and the page number belong on the "
                                 "title's last line"))
        elif margin:
            found.append(Finding(block, lines[0][0].number, f"contents entry {entry} wraps to the "
                                 f"margin ({_quoted(margin[0].text)}) instead of under its title"))
    return found


def table_breaks(layout: Layout) -> list[Finding]:
    """A table split across pages with fewer than two of its rows on either side of the break."""
    pages: dict[int, dict[int, int]] = {}
    for page in layout.pages:
        for table, _ in page.rows:
            counts = pages.setdefault(table, {})
            counts[page.number] = counts.get(page.number, 0) + 1
    found = []
    for table, counts in pages.items():
        if len(counts) < 2:
            continue
        numbers = sorted(counts)
        first, last = numbers[0], numbers[-1]
        if counts[first] < 2:
            found.append(Finding(None, first, f"a table breaks after {counts[first]} row(s) at the foot of the page: "
                                 "keep at least two rows before a break (or the whole table together)", table))
        if counts[last] < 2:
            found.append(Finding(None, last, f"a table carries {counts[last]} row(s) alone over to the top of the "
                                 "page: keep at least two rows after a break", table))
    return found


def lone_headings(layout: Layout) -> list[Finding]:
    """A heading (or a table's or figure's title) that is the last thing on a page: its text is overleaf."""
    found = []
    for page in layout.pages[:-1]:
        if not page.lines:
            continue
        last = page.lines[-1]
        block = layout.blocks[last.block]
        if block.kind in HEADINGS:
            found.append(Finding(last.block, page.number, f"the heading {_quoted(last.text)} stands alone at the "
                                 "foot of the page, its text on the next"))
    return found


def widows_and_orphans(layout: Layout) -> list[Finding]:
    """One line of a paragraph alone at the foot of a page (orphan) or at the top of the next (widow)."""
    found = []
    for block, lines in _text_lines(layout).items():
        if layout.blocks[block].kind not in TEXT or len(lines) < 2:
            continue
        by_page: dict[int, int] = {}
        for page, _ in lines:
            by_page[page.number] = by_page.get(page.number, 0) + 1
        if len(by_page) < 2:
            continue
        numbers = sorted(by_page)
        if by_page[numbers[0]] == 1:
            found.append(Finding(block, numbers[0], f"the first line of a paragraph ({_quoted(lines[0][1].text)}) "
                                 "stands alone at the foot of the page (an orphan)"))
        if by_page[numbers[-1]] == 1:
            found.append(Finding(block, numbers[-1], f"the last line of a paragraph ({_quoted(lines[-1][1].text)}) "
                                 "stands alone at the top of the page (a widow)"))
    return found


RULES: tuple[Callable[[Layout], list[Finding]], ...] = (
    stranded, hyphenation, contents_leaders, table_breaks, lone_headings, widows_and_orphans)


def findings(layout: Layout) -> list[Finding]:
    """Every rule's findings, by page."""
    return sorted((f for rule in RULES for f in rule(layout)), key=lambda f: f.page)
