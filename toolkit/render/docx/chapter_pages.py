"""A laid-out PDF -> the pages where its chapters start.

Word and LibreOffice show the cached results of the contents' PAGEREF fields on
opening, so those numbers must be right before the file is written. The only way to
know them is to lay the DOCX out: LibreOffice makes a PDF of it (render/office.py), and
`chapter_pages` finds each chapter heading in its text (poppler's pdftotext). The same
function reads the WeasyPrint PDF, whose pages the caller may pass in as a first guess.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from toolkit.model.document import Note
from toolkit.model.plain import inline_text

class LayoutError(Exception):
    """pdftotext failed or a heading is not in the text; the message says how."""


def pdf_page_texts(pdf: bytes) -> list[str]:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise LayoutError("pdftotext (Debian package poppler-utils) is not installed")
    try:
        done = subprocess.run([pdftotext, "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
                              capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LayoutError(f"pdftotext failed ({exc})") from exc
    if done.returncode != 0:
        raise LayoutError(f"pdftotext failed (exit {done.returncode})")
    pages = done.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def chapter_pages(pdf: bytes, note: Note) -> dict[str, int]:
    """Contents anchor -> page (1-based) where that chapter's heading starts in `pdf`.

    Lines are read in order: first the contents lines (which also show the headings'
    words), then the headings themselves. A heading that wraps matches by its first line.
    """
    entries = [e for e in note.contents if e.show_page]
    if not note.contents_heading or not entries:
        return {}
    lines = [(number, _key(line)) for number, page in enumerate(pdf_page_texts(pdf), 1)
             for line in page.splitlines() if line.strip()]
    cursor = 0

    def find(wanted: str, label: str, what: str) -> int:
        for index in range(cursor, len(lines)):
            line = lines[index][1]
            # the whole entry on the line, or the first line of a wrapped one (label and some words)
            if line.startswith(wanted) or (wanted.startswith(line) and len(line) > len(label) + 3):
                return index
        raise LayoutError(f"{what} {wanted!r} is not in the laid-out text")

    cursor = find(_key(note.contents_heading), "", "the contents heading") + 1
    keys = [(_key(entry.label + inline_text(entry.title)), _key(entry.label)) for entry in entries]
    for wanted, label in keys:
        cursor = find(wanted, label, "the contents line") + 1
    pages: dict[str, int] = {}
    for entry, (wanted, label) in zip(entries, keys, strict=True):
        cursor = find(wanted, label, "the chapter heading")
        pages[entry.anchor] = lines[cursor][0]
        cursor += 1
    return pages
