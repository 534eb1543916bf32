"""The caption of a table or figure -> one Caption paragraph: "Table " SEQ, a line break, the bold title.

As Word's Insert Caption writes it, the number is a SEQ field (SEQ Table \\* ARABIC, SEQ
Figure \\* ROMAN) whose cached result is the model's number, so Word shows it on opening
and renumbers it when an editor inserts a table and updates fields; a table of figures
(TOC \\c "Table") finds the paragraph by its style and field. The PDF prints "Table 2" on
one line and the bold title on the next: a line break does the same and keeps the
two in one paragraph, kept with the table or picture that follows (the Caption style
has keepNext). A cited caption's bookmark wraps the field alone, so REF shows "2".
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from toolkit.model.document import Inline, Strong
from toolkit.render.docx.oxml import styles as S
from toolkit.render.docx.write.fields import Bookmarks, field, seq_instruction
from toolkit.render.docx.oxml.ooxml import el, paragraph, run
from toolkit.render.docx.oxml.styles import StyleMap

InlineRuns = Callable[[tuple[Inline, ...]], list[etree._Element]]

# The number formats of the numbering pass: tables 1, 2; figures I, II (model/numbering.py).
SEQ_FORMATS = {"table": "ARABIC", "figure": "ROMAN"}


def caption(styles: StyleMap, inline: InlineRuns, bookmarks: Bookmarks, kind: str, word: str, number: str,
            title: tuple[Inline, ...], anchor: str | None,
            props: list[etree._Element] | None = None, restart_at: int | None = None) -> etree._Element:
    seq = field(seq_instruction(word, SEQ_FORMATS[kind], restart_at), [run(number)])
    title_runs = [run(el("w:br")), *inline((Strong(title),))] if title else []
    return paragraph(styles.para(S.CAPTION), run(f"{word} "), *bookmarks.cited(anchor, seq), *title_runs,
                     props=props)


def notes_below(styles: StyleMap, inline: InlineRuns, source: tuple[Inline, ...],
                notes: tuple[tuple[str, tuple[Inline, ...]], ...]) -> list[etree._Element]:
    """"Source: ..." then each lettered note ("a Pledged ..."), small, as under the PDF's tables."""
    style = styles.para(S.TABLE_NOTE)
    out = [paragraph(style, *inline(source))] if source else []
    for letter, content in notes:
        out.append(paragraph(style, run(letter, styles.char(S.FOOTNOTE_REFERENCE)), run(" "), *inline(content)))
    return out
