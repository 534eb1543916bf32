"""A meeting folder and the files its load read -> a warning for each Markdown file the toolkit skipped.

A note saved as NAME.MD, NAME.markdown or NAME.md.txt, in a subfolder of notes/, or
outside notes/ would otherwise be left out of every document without a word."""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import Diagnostics, Position

NOTES_DIR = "notes"
_MARKDOWN = (".md", ".markdown", ".mdown", ".mkd", ".md.txt")
_NOT_SOURCES = ("issued",)  # records of issued documents keep copies of their sources (toolkit/issuing)


def warn_skipped(root: Path, written, diags: Diagnostics) -> None:
    """written: what the load read (its texts, and the files each note is made of), as the loader records it."""
    read = set(written.texts) | {file for files in written.files.values() for file in files}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        parts = rel.split("/")
        lower = path.name.lower()
        if rel in read or not lower.endswith(_MARKDOWN) or not path.is_file():
            continue
        if parts[0] in _NOT_SOURCES or any(p.startswith(".") for p in parts) or lower.split(".")[0] == "readme":
            continue
        stem = path.name[:len(path.name) - len(next(s for s in _MARKDOWN[::-1] if lower.endswith(s)))]
        if parts[0] == NOTES_DIR and len(parts) == 2:
            why = f"a note's file name ends in '.md', in lower case: rename it {NOTES_DIR}/{stem}.md"
        elif parts[0] == NOTES_DIR:
            why = f"notes are read from {NOTES_DIR}/ itself, not its subfolders: move it to {NOTES_DIR}/{stem}.md"
        elif parts[0] == "annexes" and len(parts) == 2 and path.name.endswith(".md"):
            why = "no note names it among its annexes (a note's front matter 'annexes:', with its 'file:')"
        else:
            why = f"notes are read from {NOTES_DIR}/: if it is a note, move it to {NOTES_DIR}/{stem}.md"
        diags.warning(Position(rel, 1), f"skipped: {why}")
