"""The fixed words of a corrigendum, in the UN form: what the secretariat may want to reword is here."""

from __future__ import annotations

from toolkit.model.document import Emphasis, Inline, Text

FOR = "For"  # italic, as UN corrigenda print them: *For* 150 *read* 200
READ = "read"
REPLACE = "Replace the {noun} by the following:"
DELETE = "Delete"
INSERT_ONE = "insert a new {noun} reading:"
INSERT_MANY = "insert {count} new {noun}s reading:"
INSERT_MIXED = "insert the following:"
RENUMBER = "Subsequent {noun}s should be renumbered accordingly."
AFTER = "After {place}"
BEFORE = "Before {place}"
AT_END = "At the end of {place}"

_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth")


def count(n: int) -> str:
    return _COUNTS[n - 1] if 0 < n <= len(_COUNTS) else str(n)


def ordinal(n: int) -> str:
    return _ORDINALS[n - 1] if 0 < n <= len(_ORDINALS) else f"{n}th"


def capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def for_read(old: tuple[Inline, ...], new: tuple[Inline, ...]) -> tuple[Inline, ...]:
    return (Emphasis((Text(FOR),)), Text(" "), *old, Text(" "), Emphasis((Text(READ),)), Text(" "), *new)


def lines_phrase(first: int, last: int) -> str:
    """ "line 3", "lines 3 and 4", "lines 3-5"."""
    if last <= first:
        return f"line {first}"
    if last == first + 1:
        return f"lines {first} and {last}"
    return f"lines {first}-{last}"
