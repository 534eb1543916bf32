"""A file named by a source (an annex, a table, a picture) -> a meeting-relative path, only if
it stays inside the meeting folder and exists."""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePosixPath

from toolkit.suggest import closest
from toolkit.errors import Diagnostics, Position


def inside_meeting(root: Path, file: str, pos: Position, diags: Diagnostics, what: str,
                   suffixes: tuple[str, ...], kinds: str) -> str | None:
    """what: "annex file"; kinds: how to say the suffixes to a drafter ("Markdown (.md) ...")."""
    path = PurePosixPath(file.replace("\\", "/"))
    example = f"{'annexes' if what.startswith('annex') else 'tables' if 'table' in what else 'figures'}/..."
    if path.is_absolute() or ".." in path.parts or ":" in file:
        diags.error(pos, f"{what} {file!r} must be a path inside the meeting folder, such as {example}")
        return None
    resolved_root = root.resolve()
    target = (root / path).resolve()
    if not target.is_relative_to(resolved_root):
        diags.error(pos, f"{what} {file!r} leads outside the meeting folder")
        return None
    if path.suffix.lower() not in suffixes:
        diags.error(pos, f"{what} {file!r} must be {kinds}")
        return None
    if not target.is_file():
        diags.error(pos, f"{what} {file!r} does not exist (or is not a regular file)"
                         f"{_other_unicode_form(root / path) or _close_file(path, root / path, suffixes)}")
        return None
    return str(path)


def _close_file(written: PurePosixPath, found: Path, suffixes: tuple[str, ...]) -> str:
    """"; did you mean 'annexes/plan.md'?" for a file of the same folder a typing slip away."""
    try:
        names = [p.name for p in found.parent.iterdir() if p.is_file() and p.suffix.lower() in suffixes]
    except OSError:
        return ""
    name = closest(written.name, names)
    return f"; did you mean {str(written.parent / name)!r}?" if name else ""


def _other_unicode_form(path: Path) -> str:
    """A hint when the folder has the name written with other Unicode code points (NFC/NFD)."""
    wanted = unicodedata.normalize("NFC", path.name)
    try:
        for sibling in path.parent.iterdir():
            if sibling.name != path.name and unicodedata.normalize("NFC", sibling.name) == wanted:
                return (f"; {sibling.name!r} looks the same but is written with other Unicode characters "
                        "(rename the file, or copy its name into the note)")
    except OSError:
        pass
    return ""
