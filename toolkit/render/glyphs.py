"""Text of a note -> the characters no installed font can draw (they would print as boxes)."""

from __future__ import annotations

import bisect
import functools
import re
import shutil
import subprocess
import unicodedata


@functools.lru_cache(maxsize=1)
def _coverage() -> tuple[list[int], list[int]] | None:
    """Union of the charsets of all fonts fontconfig knows, as sorted ranges."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    output = subprocess.run([fc_list, "--format", "%{charset}\n"], capture_output=True, text=True,
                            check=False).stdout
    ranges = []
    for token in re.findall(r"[0-9a-f]+(?:-[0-9a-f]+)?", output):
        low, _, high = token.partition("-")
        ranges.append((int(low, 16), int(high or low, 16)))
    ranges.sort()
    starts: list[int] = []
    ends: list[int] = []
    for low, high in ranges:
        if ends and low <= ends[-1] + 1:
            ends[-1] = max(ends[-1], high)
        else:
            starts.append(low)
            ends.append(high)
    return starts, ends


def _drawable_needed(ch: str) -> bool:
    # Spaces, line breaks and format characters (zero-width joiners...) draw nothing.
    return unicodedata.category(ch) not in ("Zs", "Zl", "Zp", "Cc", "Cf")


def missing_glyphs(strings) -> list[str]:
    coverage = _coverage()
    if coverage is None:
        return []
    starts, ends = coverage
    missing: dict[str, None] = {}
    seen: set[str] = set()
    for text in strings:
        for ch in set(text) - seen:
            seen.add(ch)
            if not _drawable_needed(ch):
                continue
            cp = ord(ch)
            index = bisect.bisect_right(starts, cp) - 1
            if index < 0 or cp > ends[index]:
                missing[ch] = None
    return sorted(missing)


def describe(ch: str) -> str:
    name = unicodedata.name(ch, "unnamed character")
    return f"U+{ord(ch):04X} {name}"
