"""A laid-out WeasyPrint document -> footnotes whose text is not on the page of their call.

WeasyPrint 70 can push a footnote to a later page when widow/orphan control moves
lines (Kozea/WeasyPrint#2432, #2502). The build checks every layout instead of trusting it.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.diagnostics import Position
from toolkit.model.document import Footnote


@dataclass(frozen=True)
class Misplaced:
    number: int
    call_page: int
    text_page: int | None  # None: the layout dropped it


def _walk(box, in_area=False):
    area = in_area or type(box).__name__ == "FootnoteAreaBox"
    yield box, area
    for child in getattr(box, "children", None) or ():
        yield from _walk(child, area)


def footnote_pages(document) -> tuple[dict[str, int], dict[str, int]]:
    """(footnote number -> page of its call, footnote number -> first page of its text), 1-based."""
    calls: dict[str, int] = {}
    bodies: dict[str, int] = {}
    for index, page in enumerate(document.pages, 1):
        for box, in_area in _walk(page._page_box):
            element = getattr(box, "element", None)
            if element is None:
                continue
            number = element.get("data-n")
            if number is None:
                continue
            tag = getattr(box, "element_tag", "") or ""
            if tag.endswith("::footnote-call"):
                calls.setdefault(number, index)
            elif in_area and not tag.endswith("::footnote-marker"):
                bodies.setdefault(number, index)
    return calls, bodies


def misplaced(document) -> list[Misplaced]:
    """The footnotes missing or away from their call, by number; empty when all is right."""
    calls, bodies = footnote_pages(document)
    return [Misplaced(int(number), call_page, bodies.get(number))
            for number, call_page in sorted(calls.items(), key=lambda kv: int(kv[0]))
            if bodies.get(number) != call_page]


# What moves a footnote back beside its call: the line carrying the call goes to the next page
# with its note when the note does not fit below it, so a shorter note, or a call on a line
# of its own paragraph that can move, lets the layout keep them together.
_ADVICE = ("shorten the footnote, move the call earlier in its paragraph, or split the paragraph "
           "so the call starts a new one")


def message(problem: Misplaced, footnotes: tuple[Footnote, ...], source: str) -> tuple[Position, str]:
    """Where to point the drafter (the call as typed) and what to say."""
    footnote = footnotes[problem.number - 1] if 0 < problem.number <= len(footnotes) else None
    where = (footnote.call or footnote.position) if footnote else None
    name = f"[^{footnote.label}]" if footnote and footnote.label and not footnote.label.startswith("^") \
        else f"{problem.number}"
    if problem.text_page is None:
        what = f"footnote {name} would not print at all (its call is on page {problem.call_page})"
    else:
        what = (f"footnote {name} would print on page {problem.text_page}, away from its call on page "
                f"{problem.call_page}")
    return where or Position(source, 1), f"PDF layout: {what}; {_ADVICE}"
