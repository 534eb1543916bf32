"""A Table of the model (the list of documents) -> a w:tbl in the reference's table style.

Rules and cell margins come from the table style; the writer sets only what the model
decides: the column widths (fractions of the text width) and which row is the header,
repeated at the top of each page as in the PDF (thead).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from toolkit.model.document import Inline, Table
from toolkit.render.docx.write import styles as S
from toolkit.render.docx.write.ooxml import el, paragraph, val
from toolkit.render.docx.write.styles import StyleMap

InlineRuns = Callable[[tuple[Inline, ...]], list[etree._Element]]


def _cell(content: tuple[Inline, ...], width: int, style: str, inline: InlineRuns) -> etree._Element:
    props = el("w:tcPr", None, el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
    return el("w:tc", None, props, paragraph(style, *inline(content)))


def table(block: Table, styles: StyleMap, inline: InlineRuns, text_width: int) -> etree._Element:
    if len(block.widths) != len(block.header) or any(len(row) != len(block.header) for row in block.rows):
        raise ValueError(f"{block.position}: a table's rows, header and widths must have as many cells")
    widths = [round(text_width * fraction) for fraction in block.widths]
    look = el("w:tblLook", {"w:firstRow": "1", "w:lastRow": "0", "w:firstColumn": "0", "w:lastColumn": "0",
                            "w:noHBand": "1", "w:noVBand": "1"})
    node = el("w:tbl", None,
              el("w:tblPr", None, val("w:tblStyle", styles.table(S.TABLE)),
                 el("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}),
                 el("w:tblLayout", {"w:type": "autofit"}), look),
              el("w:tblGrid", None, *(el("w:gridCol", {"w:w": str(w)}) for w in widths)))
    rows = [(block.header, styles.para(S.TABLE_HEADING), True)]
    rows += [(row, styles.para(S.TABLE_TEXT), False) for row in block.rows]
    for cells, style, header in rows:
        row_props = el("w:trPr", None, el("w:cantSplit"), *([el("w:tblHeader")] if header else []))
        node.append(el("w:tr", None, row_props,
                       *(_cell(content, width, style, inline) for content, width in zip(cells, widths))))
    return node
