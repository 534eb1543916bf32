"""A Markdown file -> (front matter YAML text, body text, line where the body starts)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Split:
    yaml: str | None  # None: the file has no front matter
    body: str
    body_first_line: int  # file line number of the body's first line


def split(text: str) -> Split | str:
    """Returns the split, or an error message when the front matter is not closed."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return Split(None, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return Split("\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2)
    return "the front matter opened by '---' on line 1 is never closed by a '---' line"
