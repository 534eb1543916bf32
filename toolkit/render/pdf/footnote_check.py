"""A laid-out WeasyPrint document -> footnotes whose text is not on the page of their call.

WeasyPrint 70 can push a footnote to a later page when widow/orphan control moves
lines (Kozea/WeasyPrint#2432, #2502). The build checks every layout instead of trusting it.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.errors import Position
from toolkit.model.document import Footnote


@dataclass(frozen=True)
class Misplaced:
    number: int
    call_page: int
    text_page: int | None  # None: the layout dropped it
    share: float | None = None  # of a page's text area the footnote fills where it printed

    @property
    def too_long(self) -> bool:
        """Whether no page can hold it beside its call: then only a shorter footnote helps."""
        return self.text_page is None or (self.share or 0) > 0.9


def _walk(box, in_area=False):
    area = in_area or type(box).__name__ == "FootnoteAreaBox"
    yield box, area
    for child in getattr(box, "children", None) or ():
        yield from _walk(child, area)


def footnote_pages(document, shares: dict[str, float] | None = None) -> tuple[dict[str, int], dict[str, int]]:
    """(footnote number -> page of its call, footnote number -> first page of its text), 1-based.
    shares, when given, is filled: footnote number -> the share of its page's text area it fills."""
    calls: dict[str, int] = {}
    bodies: dict[str, int] = {}
    for index, page in enumerate(document.pages, 1):
        room = page._page_box.height or 1
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
                if number not in bodies and shares is not None:
                    shares[number] = box.margin_height() / room  # the outermost box of the note comes first
                bodies.setdefault(number, index)
    return calls, bodies


def misplaced(document) -> list[Misplaced]:
    """The footnotes missing or away from their call, by number; empty when all is right."""
    shares: dict[str, float] = {}
    calls, bodies = footnote_pages(document, shares)
    return [Misplaced(int(number), call_page, bodies.get(number), shares.get(number))
            for number, call_page in sorted(calls.items(), key=lambda kv: int(kv[0]))
            if bodies.get(number) != call_page]


# A footnote is never split across pages: one longer than a page can hold beside its call
# line cannot be placed, whatever the text around it. Any other misplacement (none is known
# since weasyprint_fix.py) comes from where the call's line falls: moving it changes that.
_TOO_LONG = "shorten it, or move part of it into the text: a footnote is never split across pages"
_ELSEWHERE = ("try moving the call to another sentence, splitting the paragraph before it, or shortening "
              "the footnote")


def message(problem: Misplaced, footnotes: tuple[Footnote, ...], source: str) -> tuple[Position, str]:
    """Where to point the drafter (the call as typed) and what to say."""
    footnote = footnotes[problem.number - 1] if 0 < problem.number <= len(footnotes) else None
    where = (footnote.call or footnote.position) if footnote else None
    name = f"[^{footnote.label}]" if footnote and footnote.label and not footnote.label.startswith("^") \
        else f"{problem.number}"
    if problem.too_long:
        fills = f"it would fill {problem.share:.0%} of a page" if problem.share else "it does not fit on a page"
        what = (f"footnote {name} is too long to print on page {problem.call_page} with its call ({fills}); "
                f"{_TOO_LONG}")
    else:
        what = (f"footnote {name} would print on page {problem.text_page}, away from its call on page "
                f"{problem.call_page}; {_ELSEWHERE}")
    return where or Position(source, 1), f"PDF layout: {what}"
