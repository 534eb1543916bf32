"""A built PDF -> what a reader sees: numbered paragraphs, headings, footnote calls and notes, per page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from conftest import PdfPage

CM = 72 / 2.54
LEFT = 2.5 * CM  # page margin of templates/note.css
INDENT = 1.25 * CM
CALL_SIZE = 8.0  # .footnote::footnote-call
MARKER_SIZE = 7.0  # .footnote::footnote-marker


def near(a: float, b: float, tolerance: float = 1.5) -> bool:
    return abs(a - b) <= tolerance


def paragraph_labels(pages: list[PdfPage]) -> list[tuple[int, str]]:
    """(page, '13') for every line that starts a numbered paragraph at the left margin."""
    found = []
    for page in pages[1:]:  # page 1: masthead and contents
        for line in page.lines:
            match = re.match(r"^(\d+)\.\s", line["text"])
            if match and near(line["x0"], LEFT):
                found.append((page.number, match.group(1)))
    return found


def heading_pages(pages: list[PdfPage]) -> dict[str, int]:
    """'II. PROGRESS ...' -> the page where that chapter heading stands (not the contents)."""
    found: dict[str, int] = {}
    for page in pages[1:]:
        for line in page.lines:
            if re.match(r"^[IVXL]+\.\s+\S", line["text"]) and near(line["x0"], LEFT) and _bold(line):
                found.setdefault(line["text"], page.number)
    return found


def contents_entries(page: PdfPage) -> list[tuple[str, int]]:
    """Contents lines with a page number: ('II. PROGRESS ...', 2)."""
    out = []
    for line in page.lines:
        match = re.match(r"^([IVXL]+\.\s.*?)\s*\.{3,}\s*(\d+)$", line["text"])
        if match:
            out.append((match.group(1).strip(), int(match.group(2))))
    return out


def _bold(line: dict) -> bool:
    return all("Bold" in c["fontname"] for c in line["chars"] if c["text"].strip())


@dataclass
class Superscript:
    page: int
    text: str
    size: float
    top: float


def superscripts(pages: list[PdfPage], size: float) -> list[Superscript]:
    """Runs of digits set at `size` (footnote calls or markers), in reading order."""
    out: list[Superscript] = []
    for page in pages:
        run: list[dict] = []
        for char in page.chars + [None]:
            if char is not None and char["text"].isdigit() and near(char["size"], size, 0.3) and (
                    not run or (near(char["top"], run[-1]["top"], 1) and char["x0"] - run[-1]["x1"] < 1)):
                run.append(char)
                continue
            if run:
                out.append(Superscript(page.number, "".join(c["text"] for c in run), size, run[0]["top"]))
            run = [char] if char is not None and char["text"].isdigit() and near(char["size"], size, 0.3) else []
    return out
