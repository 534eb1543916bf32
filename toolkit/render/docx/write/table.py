"""A Table of the model -> a w:tbl in a table style of the reference (with its caption and notes).

Rules and cell margins come from the table style: "Documents Table" for the list of
documents, "NEASPEC Table" for a table of a note (rules above, under the header and
below). The writer sets only what the model decides: the column widths (fractions of
the text width), the header row, repeated at the top of each page as in the PDF
(thead), rows that never split, each column's alignment, and total rows (bold, a rule
above). A note table's caption stands above it and its source and notes below
(captions.py).
"""

from __future__ import annotations

from lxml import etree

from docx.oxml.ns import qn

from toolkit.model.document import Inline, Strong, Table
from toolkit.model.plain import inline_text
from toolkit.render.docx.oxml import styles as S
from toolkit.render.docx.write.captions import InlineRuns, caption, notes_below
from toolkit.render.docx.write.fields import Bookmarks
from toolkit.render.docx.write.measure import text_twips
from toolkit.render.docx.oxml.ooxml import el, paragraph, val
from toolkit.render.docx.oxml.styles import StyleMap
from toolkit.render.table_breaks import kept_with_next

# A cell's paragraph style by its base style and its column's alignment (the model's).
_ALIGNED = {(S.TABLE_TEXT, "right"): S.TABLE_FIGURES, (S.TABLE_TEXT, "center"): S.TABLE_TEXT_CENTRED,
            (S.TABLE_COLUMN_HEADING, "right"): S.TABLE_COLUMN_HEADING_RIGHT,
            (S.TABLE_COLUMN_HEADING, "center"): S.TABLE_COLUMN_HEADING_CENTRED}


_CELL_MARGINS = 2 * 80 + 40  # twips: the table styles' left and right cell margins, and a little room
_TEXT_SIZE = 10  # points: Table Text and Table Heading


def _cell(content: tuple[Inline, ...], width: int, style: str, inline: InlineRuns, align: str | None,
          rule_above: bool, header: bool) -> etree._Element:
    props = el("w:tcPr", None, el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
    if rule_above:  # a total row: a thin rule above it, as tr.total in the PDF
        props.append(el("w:tcBorders", None, el("w:top", {"w:val": "single", "w:sz": "4", "w:space": "0",
                                                          "w:color": "000000"})))
    if header:  # column headings stand on the rule under them, as th in the PDF
        props.append(val("w:vAlign", "bottom"))
    return el("w:tc", None, props, paragraph(style, *inline(content)))


def _room_for_unbroken(block: Table, widths: list[int]) -> list[int]:
    """Columns whose cells never wrap (symbols, dates) widened to their longest cell, the width
    taken from the other columns in proportion: a fixed-width Word table has no w:noWrap."""
    if not block.unbroken:
        return widths
    need = list(widths)
    for index in block.unbroken:
        longest = max([text_twips(inline_text(block.header[index]), _TEXT_SIZE, bold=True)]
                      + [text_twips(inline_text(row[index]), _TEXT_SIZE) for row in block.rows])
        need[index] = max(widths[index], longest + _CELL_MARGINS)
    extra = sum(need) - sum(widths)
    others = [i for i in range(len(widths)) if i not in block.unbroken]
    spare = sum(widths[i] for i in others)
    if extra <= 0 or not others or spare <= extra:
        return widths if extra <= 0 else need
    for i in others:
        need[i] = widths[i] - round(extra * widths[i] / spare)
    need[others[-1]] += sum(widths) - sum(need)  # rounding: the table keeps the text width
    return need


def table(block: Table, styles: StyleMap, inline: InlineRuns, text_width: int) -> etree._Element:
    """The w:tbl alone (the list of documents, and the body of a note table)."""
    if len(block.widths) != len(block.header) or any(len(row) != len(block.header) for row in block.rows):
        raise ValueError(f"{block.position}: a table's rows, header and widths must have as many cells")
    if block.align and len(block.align) != len(block.header):
        raise ValueError(f"{block.position}: a table's alignments must be one per column")
    numbered = block.caption is not None
    widths = _room_for_unbroken(block, [round(text_width * fraction) for fraction in block.widths])
    aligns = list(block.align) or [None] * len(widths)
    look = el("w:tblLook", {"w:firstRow": "1", "w:lastRow": "0", "w:firstColumn": "0", "w:lastColumn": "0",
                            "w:noHBand": "1", "w:noVBand": "1"})
    node = el("w:tbl", None,
              el("w:tblPr", None, val("w:tblStyle", styles.table(S.NOTE_TABLE if numbered else S.TABLE)),
                 el("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}),
                 el("w:tblLayout", {"w:type": "autofit"}), look),
              el("w:tblGrid", None, *(el("w:gridCol", {"w:w": str(w)}) for w in widths)))
    heading = S.TABLE_COLUMN_HEADING if numbered else S.TABLE_HEADING
    rows = [(block.header, heading, True, False)]
    rows += [(row, S.TABLE_TEXT, False, index in block.totals) for index, row in enumerate(block.rows)]
    kept = kept_with_next(len(block.rows))
    for index, (cells, base, header, total) in enumerate(rows):
        row_props = el("w:trPr", None, el("w:cantSplit"), *([el("w:tblHeader")] if header else []))
        tr = el("w:tr", None, row_props, *(
            _cell((Strong(content),) if total else content, width, styles.para(_style(base, align)), inline,
                  align, total, header)
            for content, width, align in zip(cells, widths, aligns, strict=True)))
        if index in kept:
            for p_props in tr.iter(qn("w:pPr")):
                p_props.append(el("w:keepNext"))  # ppr order: pStyle, then keepNext
        node.append(tr)
    return node



def _style(base: str, align: str | None) -> str:
    if align in (None, "left"):
        return base
    if (base, align) not in _ALIGNED:
        raise ValueError(f"a table column is aligned {align!r}: the DOCX renderer knows left, right and center")
    return _ALIGNED[(base, align)]


def note_table(block: Table, styles: StyleMap, inline: InlineRuns, text_width: int, bookmarks: Bookmarks,
               props: list[etree._Element] | None = None) -> list[etree._Element]:
    """A table of a note: its caption paragraph, the w:tbl, then its source and lettered notes."""
    head = caption(styles, inline, bookmarks, "table", block.caption_word, block.number or "", block.title,
                   block.anchor, props, block.ordinal if block.restart else None)
    notes = tuple((n.letter, n.content) for n in block.notes)
    return [head, table(block, styles, inline, text_width), *notes_below(styles, inline, block.source, notes)]
