"""A laid-out WeasyPrint document -> footnotes whose text is not on the page of their call.

WeasyPrint 70 can push a footnote to a later page when widow/orphan control moves
lines (Kozea/WeasyPrint#2432, #2502). The build checks every layout instead of trusting it.
"""

from __future__ import annotations


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


def misplaced(document) -> list[str]:
    """Messages for footnotes missing or away from their call; empty when all is right."""
    calls, bodies = footnote_pages(document)
    problems = []
    for number, call_page in sorted(calls.items(), key=lambda kv: int(kv[0])):
        body_page = bodies.get(number)
        if body_page is None:
            problems.append(f"footnote {number} (called on page {call_page}) was dropped by the layout")
        elif body_page != call_page:
            problems.append(f"footnote {number} is called on page {call_page} but printed on page {body_page}")
    return problems
