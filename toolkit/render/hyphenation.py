"""A word of text -> whether a line's end may divide it (the same rule in the PDF and the DOCX).

A UN editor divides no proper name, title or month ("Ulaanbaatar", "Low Carbon Cities",
"September 2023"), no word in capitals (NEASPEC) and no number, year, range or symbol
("2023/2024", "SOM(26)"): a word with a capital letter or a figure stays whole. The PDF's
hyphenation dictionary finds no point in such a word (pdf/weasyprint_fix.py); the DOCX
marks it so that neither Word nor LibreOffice hyphenates it (docx/write/inline.py).
"""

from __future__ import annotations

import re

# A run of non-space characters: what a line's end could fall inside.
_WORD = re.compile(r"\S+")


def kept_whole(word: str) -> bool:
    return any(c.isupper() or c.isdigit() for c in word)


def pieces(text: str) -> list[tuple[str, bool]]:
    """The text cut where kept-whole words start and end, each piece with whether its words stay
    whole; the spaces between two kept-whole words go with them, so "Low Carbon Cities" is one piece."""
    out: list[tuple[str, bool]] = []
    start = 0
    for match in _WORD.finditer(text):
        whole = kept_whole(match.group())
        if out and out[-1][1] == whole:
            out[-1] = (out[-1][0] + text[start:match.end()], whole)
        elif whole:
            if start < match.start():
                if out:
                    out[-1] = (out[-1][0] + text[start:match.start()], False)
                else:
                    out.append((text[start:match.start()], False))
            out.append((match.group(), True))
        else:
            out.append((text[start:match.end()], False))
        start = match.end()
    if start < len(text):
        if out and not out[-1][1]:
            out[-1] = (out[-1][0] + text[start:], False)
        else:
            out.append((text[start:], False))
    return out
