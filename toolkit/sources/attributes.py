"""A trailing attribute block `{#name .total file="tables/fund.xlsx" sheet=2023}` -> a dict.

The syntax is the one pandoc and other Markdown tools use for labels and classes:
`#name` is the label a ref() cites, `.word` a class, `key=value` or `key="a value"` a
setting. Only a block that reads as attributes is taken; `{see below}` stays text.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from toolkit.errors import Diagnostics, Position

LABEL = r"[A-Za-z][A-Za-z0-9_-]{0,63}"
_ITEM = rf'(?:#{LABEL}|\.[A-Za-z][\w-]*|[A-Za-z][\w-]*=(?:"[^"]*"|[^\s"{{}}]+))'
_BLOCK = re.compile(rf"\s*\{{\s*({_ITEM}(?:\s+{_ITEM})*)\s*\}}\s*$")
_LOOSE = re.compile(r"\s*\{\s*([#.][^{}]*)\}\s*$")  # meant as attributes, but not well formed
_ONE = re.compile(rf'#({LABEL})|\.([A-Za-z][\w-]*)|([A-Za-z][\w-]*)=(?:"([^"]*)"|([^\s"{{}}]+))')
NAMES = {"id": "a label #name", "class": "a class such as .total", "file": "file=", "sheet": "sheet=",
         "total": "total="}


def parse(text: str) -> tuple[str, dict[str, str]] | None:
    """'Title {#x}' -> ('Title', {'id': 'x'}); None when the text ends in no attribute block."""
    match = _BLOCK.search(text)
    if not match:
        return None
    found: dict[str, str] = {}
    for item in _ONE.finditer(match.group(1)):
        label, cls, key, quoted, bare = item.groups()
        if label:
            found["id"] = label
        elif cls:
            found["class"] = (found.get("class", "") + " " + cls).strip()
        else:
            found[key] = quoted if quoted is not None else bare
    return text[:match.start()], found


def take_attributes(inline: Token, source_line: str, pos: Position, allowed: tuple[str, ...],
                    diags: Diagnostics) -> dict[str, str]:
    """Takes the block off the end of the inline token (its last text child), reporting keys that
    are not allowed where it stands at `pos` (the line the block is on)."""
    children = inline.children or []
    if not children or children[-1].type != "text":
        return {}
    last = children[-1]
    parsed = parse(last.content)
    if parsed is None:
        loose = _LOOSE.search(last.content)
        if loose:
            diags.error(_at(pos, source_line, "{"), f"'{{{loose.group(1).strip()}}}' is not a label: write "
                                                    "{#name} with letters, digits, '-' or '_', starting with "
                                                    "a letter")
        return {}
    text, found = parsed
    for key in found:
        if key not in allowed:
            where = ", ".join(NAMES[k] for k in allowed) or "nothing"
            diags.error(_at(pos, source_line, "{"), f"{NAMES.get(key, key + '=')} is not used here "
                                                    f"(allowed: {where})")
    tail = last.content[len(text.rstrip()):].rstrip()  # the block, as written
    last.content = text.rstrip()
    content = inline.content.rstrip()
    if tail and content.endswith(tail):
        inline.content = content[: len(content) - len(tail)].rstrip()
    if not last.content:
        children.pop()
    return {k: v for k, v in found.items() if k in allowed}


def _at(pos: Position, line: str, needle: str) -> Position:
    index = line.rfind(needle)
    return Position(pos.path, pos.line, index + 1 if index >= 0 else None)
