"""Decisions on a table's columns: which hold numbers (aligned right) and how wide each is."""

from __future__ import annotations

import re

# A number as UN tables write it: 1,234  -5.5  12%  (3)  $2.5  1 234; and the marks for
# "not available" (..), "nil" (- or an em dash) and "not applicable" (n/a), which share
# a number's column.
_NUMBER = re.compile(r"^[(\-\u2212\u2013+]?\s*[$\u20ac\u00a3\u00a5]?\s*\d[\d,.\u00a0\u202f ]*\s*%?\)?"
                     r"(?:\s*\^[A-Za-z0-9]+\^)*$")
_NOT_AVAILABLE = {"..", "...", "-", "\u2013", "\u2014", "n/a", "N/A"}


def looks_numeric(text: str) -> bool:
    text = text.strip()
    return bool(text) and (text in _NOT_AVAILABLE or bool(_NUMBER.match(text)))


def numeric_columns(rows: list[list[str]]) -> list[bool]:
    """A column whose every non-empty body cell is a number (or a not-available mark) holds
    numbers; one with only marks does not."""
    if not rows:
        return []
    out = []
    for column in range(len(rows[0])):
        cells = [row[column].strip() for row in rows if column < len(row) and row[column].strip()]
        out.append(bool(cells) and all(looks_numeric(c) for c in cells)
                   and any(c not in _NOT_AVAILABLE for c in cells))
    return out


MIN_SHARE = 0.08


def column_widths(header: list[str], rows: list[list[str]]) -> tuple[float, ...]:
    """Fractions of the text width: by the longest cell (a header counts by its longest word,
    since it may wrap), at least MIN_SHARE each, so both formats lay the table out alike."""
    weights = []
    for column, head in enumerate(header):
        longest = max([len(row[column]) for row in rows if column < len(row)] or [0])
        word = max((len(w) for w in head.split()), default=1)
        weights.append(max(min(longest, 48), word, 3))
    total = sum(weights)
    shares = [max(w / total, MIN_SHARE) for w in weights]
    scale = sum(shares)
    return tuple(round(s / scale, 4) for s in shares)
