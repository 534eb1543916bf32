"""Placeholders left by `toolkit new`, `roll` and `note` -> one error each until they are filled.

The convention: a value (in meeting.yaml or a note's front matter) or a paragraph of a
note that is wholly one pair of square brackets, such as "[Title of the meeting]" or
"[First day: YYYY-MM-DD]", is a placeholder. In YAML it is written in quotes, since a bare
[...] is a list. The words inside say what to write; the error repeats them and adds how.
"""

from __future__ import annotations

import datetime as dt
import re

from toolkit.errors import Diagnostics, Position

_PLACEHOLDER = re.compile(r"\[[^\[\]\n]*[^\[\]\s][^\[\]\n]*\]")  # one pair, words inside, no nesting
# A value left a placeholder is reported; this stands in for it so the rest is still checked (nothing is built).
STAND_IN_DATE = dt.date(2000, 1, 1)
STAND_IN_TEXT = "[placeholder]"
DATE_KEYS = {"start", "end", "issued", "date", "adopted"}
_HINTS = {
    "title": "the title, as it is to be printed",
    "short_title": "the short title, such as SOM-27",
    "venue": "the city and the country, such as Seoul, Republic of Korea",
    "symbol": "the document symbol, such as ESCAP/NEASPEC/SOM(27), or delete the line",
    "file": "the path of the registration export in the meeting folder, or delete the 'participants:' "
            "block until the registrations are exported",
    "annotation": "the annotation, in sentences",
}


def is_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.fullmatch(text.strip()))


def message(key: str, text: str) -> str:
    """What `check` says of the placeholder `text` left as the value of `key`."""
    if key in DATE_KEYS:
        hint = "a date written YYYY-MM-DD, such as 2024-10-07"
    else:
        hint = _HINTS.get(key, "the text it asks for")
    return f"{key!r} is still the placeholder {text.strip()!r}: replace it with {hint}"


def check_body(body: str, rel: str, first_line: int, diags: Diagnostics) -> None:
    """A paragraph of Markdown that is only a placeholder, such as "[Background of the item]"."""
    for offset, line in enumerate(body.split("\n")):
        stripped = line.strip()
        if stripped and is_placeholder(stripped):
            col = len(line) - len(line.lstrip()) + 1
            diags.error(Position(rel, first_line + offset, col),
                        f"the placeholder paragraph {stripped!r} is still there: write the text it asks for "
                        "in its place")
