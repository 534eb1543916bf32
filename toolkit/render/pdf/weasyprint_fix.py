"""WeasyPrint's layout -> footnotes kept on the page of their call.

When a paragraph line overflows a page and widow/orphan control forbids a break
there, WeasyPrint 70 makes room by moving the page's last footnotes to the next page
while their calls stay (layout/block.py, `_linebox_layout`: "try to report
footnotes"). A Secretariat note must print each footnote on its call's page, so
that heuristic is switched off: the paragraph then breaks as it would without
footnotes. The only truth test of the page's footnote list inside `_linebox_layout`
is that heuristic's loop; the list answers "empty" there and nowhere else.
The placement check (footnote_check.py) still verifies every layout.
"""

from __future__ import annotations

import sys

_installed = False


def install() -> bool:
    """Applies the fix once; False when this WeasyPrint's internals are not the known ones."""
    global _installed
    if _installed:
        return True
    try:
        from weasyprint.layout import LayoutContext
        from weasyprint.layout.block import _linebox_layout
    except ImportError:
        return False
    if "current_page_footnotes" in getattr(LayoutContext, "__dict__", {}):
        return False  # already a class attribute: not the layout this fix was written for
    linebox_code = _linebox_layout.__code__

    class FootnotesOnPage(list):
        def __bool__(self) -> bool:
            if sys._getframe(1).f_code is linebox_code:
                return False
            return len(self) > 0

    def get(context):
        return context.__dict__["_toolkit_page_footnotes"]

    def set_(context, value):
        context.__dict__["_toolkit_page_footnotes"] = FootnotesOnPage(value)

    LayoutContext.current_page_footnotes = property(get, set_)
    _installed = True
    return True
