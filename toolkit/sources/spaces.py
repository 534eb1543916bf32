"""Spaces that look like spaces but are not: a no-break space (U+00A0, typed by Word and by
e-mail clients after '#', '1.' or ':') or a full-width space (U+3000, typed by Korean,
Chinese and Japanese input methods), and tabs in YAML indentation.

Where Markdown or YAML expects a space, these make a heading a paragraph, a list a line of
text, or a key part of its value, with no visible difference on screen: each is an error
naming the character and where it stands."""

from __future__ import annotations

import re
from collections.abc import Callable

from toolkit.errors import Diagnostics, Position

SPACES = "\u00a0\u3000"
NAMES = {"\u00a0": "a no-break space (U+00A0)", "\u3000": "a full-width space (U+3000)"}
_FIX = "type an ordinary space instead"

# A heading may be indented by up to three spaces; a list marker, nested, by any.
_HEADING = re.compile(f"^ {{0,3}}(#{{1,6}})([{SPACES}])")
_LIST = re.compile(f"^ *([0-9]{{1,9}}[.)]|[-*+])([{SPACES}])")
_INDENT = re.compile(f"^ *([{SPACES}\t])")
_YAML_ITEM = re.compile(f"^ *(?:- +)*-([{SPACES}])")
# A key at a line's start (after any '- '): plain words, then the odd space before or after ':'.
_YAML_KEY = re.compile(f"^ *(?:- +)*([A-Za-z0-9_][A-Za-z0-9_. -]*?)(?:([{SPACES}]+):|:([{SPACES}]))")
_BLOCK_START = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")


def markdown(lines: list[str], pos: Callable[[int, int], Position], diags: Diagnostics) -> None:
    """lines of a Markdown text; pos(line index, column) -> its place in the file."""
    for index, line in enumerate(lines):
        if not line or line.lstrip(" ")[:1] not in "#0123456789-*+":
            continue
        heading = _HEADING.match(line)
        if heading:
            ch = heading.group(2)
            diags.error(pos(index, heading.start(2) + 1),
                        f"{NAMES[ch]} after {heading.group(1)!r} at the start of a line, where Markdown expects a "
                        f"space: the line would not be a heading; {_FIX}")
            continue
        item = _LIST.match(line)
        if item:
            ch = item.group(2)
            diags.error(pos(index, item.start(2) + 1),
                        f"{NAMES[ch]} after the list marker {item.group(1)!r}, where Markdown expects a space: "
                        f"the line would not be a list item; {_FIX}")


def yaml(text: str, rel: str, diags: Diagnostics, line_offset: int = 0) -> bool:
    """Whether the YAML text is free of them (each one found is reported).

    The content of a '|' or '>' block is text, not YAML structure, and is left to the
    Markdown check; only the lines YAML reads as keys, items and indentation are checked."""
    clean = True
    block_parent: int | None = None  # the indentation of the line that opened a '|' block
    for index, line in enumerate(text.split("\n")):
        indent = len(line) - len(line.lstrip(" "))
        if block_parent is not None:
            if not line.strip() or indent > block_parent:
                continue
            block_parent = None

        def report(col: int, message: str, line_no: int = index + 1 + line_offset) -> None:
            nonlocal clean
            clean = False
            diags.error(Position(rel, line_no, col), message)

        lead = _INDENT.match(line)
        if lead and line.strip(" " + SPACES + "\t"):
            ch = lead.group(1)
            if ch == "\t":
                report(lead.start(1) + 1, "a tab in the indentation: indent with spaces (YAML does not accept tabs)")
            else:
                report(lead.start(1) + 1, f"{NAMES[ch]} in the indentation, where YAML expects a space; {_FIX}")
            continue
        item = _YAML_ITEM.match(line)
        if item:
            report(item.start(1) + 1, f"{NAMES[item.group(1)]} after the list marker '-', where YAML expects a "
                                      f"space; {_FIX}")
            continue
        key = _YAML_KEY.match(line)
        if key:
            before, after = key.group(2), key.group(3)
            name = key.group(1).strip()
            if before:
                report(key.start(2) + 1, f"{NAMES[before[0]]} before the ':' of the key {name!r}, where YAML "
                                         f"expects a space or nothing; {_FIX}")
            else:
                report(key.start(3) + 1, f"{NAMES[after]} after the ':' of the key {name!r}, where YAML expects "
                                         f"a space; {_FIX}")
            continue
        if _BLOCK_START.search(line):
            block_parent = indent
    return clean
