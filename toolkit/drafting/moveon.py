"""A meeting's number in words and figures -> the next meeting's, keeping the case found.

"Twenty-sixth Senior Officials Meeting (SOM-26)" -> "Twenty-seventh Senior Officials Meeting (SOM-27)";
"ESCAP/NEASPEC/SOM(26)/5d" -> "ESCAP/NEASPEC/SOM(27)/5d"; "26th" -> "27th".
"""

from __future__ import annotations

import re

from toolkit.model.words import ORDINALS, ordinal

_ORDINAL_WORD = re.compile("|".join(sorted(ORDINALS, key=len, reverse=True)), re.IGNORECASE)


def same_case(found: str, word: str) -> str:
    """word written as found is: twenty-seventh, Twenty-seventh, Twenty-Seventh or TWENTY-SEVENTH."""
    if found.isupper():
        return word.upper()
    if not found[:1].isupper():
        return word.lower()
    if "-" in found and found.split("-", 1)[1][:1].isupper():
        return "-".join(part.capitalize() for part in word.split("-"))
    return word.capitalize()


def figure_suffix(number: int) -> str:
    """27 -> th, 21 -> st, 12 -> th"""
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def words_pattern(number: int) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){ordinal(number)}(?![\w-])", re.IGNORECASE)


def move_on(text: str, number: int) -> str:
    """Every mention of meeting `number` in `text` (words or figures) made the next meeting's."""
    following = number + 1
    text = words_pattern(number).sub(lambda m: same_case(m[0], ordinal(following)), text)
    return re.sub(rf"(?<![\d.]){number}(st|nd|rd|th)?(?![\d])",
                  lambda m: f"{following}{figure_suffix(following) if m[1] else ''}", text)


def number_of(short_title: str | None, symbol: str | None, title: str | None) -> int | None:
    """The meeting's number: SOM-26, ESCAP/NEASPEC/SOM(26) or "Twenty-sixth ..."."""
    for value, pattern in ((short_title, r"(\d+)\s*$"), (symbol, r"\((\d+)\)\s*$")):
        match = re.search(pattern, value or "")
        if match:
            return int(match[1])
    match = _ORDINAL_WORD.search(title or "")
    return ORDINALS[match[0].lower()] if match else None
