"""WeasyPrint's layout -> footnotes kept on the page of their call, names, numbers and capitals kept whole.

Footnotes. When a paragraph line overflows a page and widow/orphan control forbids a break
there, WeasyPrint 70 makes room by moving the page's last footnotes to the next page
while their calls stay (layout/block.py, `_linebox_layout`: "try to report
footnotes"). A Secretariat note must print each footnote on its call's page, so
that heuristic is switched off: the paragraph then breaks as it would without
footnotes. The only truth test of the page's footnote list inside `_linebox_layout`
is that heuristic's loop; the list answers "empty" there and nowhere else.
The placement check (footnote_check.py) still verifies every layout.

Capitals. Justified text is hyphenated (`hyphens: auto`), and WeasyPrint hyphenates any
word: "ENVIRON-MENTAL", "Ulaanbaa-tar", "Septem-ber 2023", "Car-bon" in a title. A UN editor
divides no word with a capital letter (a proper name, a title, a month, an acronym) and no
number, and Word never divides a word in capitals (`doNotHyphenateCaps`; the DOCX marks the
others, docx/write/inline.py). CSS has no property for it, so the dictionary WeasyPrint's
line breaking asks for hyphenation points (text/line_break.py) finds none in such a word.
A span around each such word would do it too, but adds a structure element per word to
the tagged PDF.
"""

from __future__ import annotations

import sys

from toolkit.render.hyphenation import kept_whole
from toolkit.render.pdf.patching import applied_once


@applied_once
def install() -> bool:
    """Applies the fix once; False when this WeasyPrint's internals are not the known ones."""
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
    return _keep_capitals_whole()


def _keep_capitals_whole() -> bool:
    import pyphen
    from weasyprint.text import line_break

    if getattr(line_break, "pyphen", None) is not pyphen or not hasattr(pyphen.Pyphen, "iterate"):
        return False  # not the line breaking this was written for

    class NoCapitals(pyphen.Pyphen):
        def iterate(self, word: str):
            if kept_whole(word):
                return iter(())
            return super().iterate(word)

    class Pyphen:
        """pyphen as line_break.py sees it: the same but for its dictionaries."""

        def __getattr__(self, name: str):
            return getattr(pyphen, name)

    Pyphen.Pyphen = NoCapitals
    line_break.pyphen = Pyphen()
    return True
