"""A table's rows -> where a page may break it (the same rule in the PDF and the DOCX).

A short table is never broken: a reader should not turn the page for its last rows. A longer
one breaks after two rows at least and never before its last row alone, as a paragraph keeps
two lines each side of a break; its header repeats on the next page (PDF: thead; DOCX:
w:tblHeader).
"""

from __future__ import annotations

SHORT_TABLE = 6  # data rows


def is_short(rows: int) -> bool:
    return rows <= SHORT_TABLE


def kept_with_next(rows: int) -> set[int]:
    """The rows (0: the header, 1 to `rows`: the data) kept on the page of the row after them."""
    if is_short(rows):
        return set(range(rows))
    return {0, 1, rows - 1}
