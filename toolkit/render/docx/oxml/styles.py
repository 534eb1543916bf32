"""The reference document's styles.xml -> style ids for the style names the writer assigns.

The names below are the contract between the writer and templates/reference.docx. The
writer looks styles up by name, never by id: Word writes localized style ids (a German
Word saves "heading 1" as "berschrift1"), while names stay English and stable.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from docx.oxml.ns import qn

# ---- paragraph styles -----------------------------------------------------
SYMBOL = "Document Symbol"
DISTRIBUTION = "Distribution"
ORGANIZATION = "Organization"
MEETING = "Meeting"
AGENDA_HEADING = "Agenda Heading"
ITEM_LINE = "Agenda Item Line"
NOTE_TITLE = "Note Title"
AUTHOR_LINE = "Author Line"
CONTENTS_HEADING = "TOC Heading"
TOC_CHAPTER = "toc 1"
TOC_ANNEX = "toc 2"
CHAPTER = "heading 1"  # outline level 1: Word's navigation pane and the TOC field see it
SUBHEADING = "heading 2"
THIRD_DEGREE = "heading 3"  # the report's sub-items and Attendance: bold, as the UN's "(a)" headings
ANNEX_CHAPTER = "Annex Chapter Heading"  # outline level 2, so the TOC (levels 1-1) leaves it out
NUMBERED = "Numbered Paragraph"  # linked to level 1 of the paragraph list: "1."
UNNUMBERED = "Unnumbered Paragraph"
# A lead-in ("... may wish to:") or a label ("Documentation"): kept on the page of what follows
NUMBERED_LEAD_IN = "Numbered Lead-in"  # based on Numbered Paragraph (its number), with keepNext
UNNUMBERED_LEAD_IN = "Unnumbered Lead-in"  # based on Unnumbered Paragraph, with keepNext
SUBITEM = "Sub-item"  # level 2: "(a)"
SUBSUBITEM = "Sub-sub-item"  # level 3: "(i)"
BULLET = "List Bullet"
BULLET_2 = "List Bullet 2"
ANNEX_HEADING = "Annex Heading"  # page break before, in the style
ANNEX_TITLE = "Annex Title"
MASTHEAD_ANNEX_HEADING = "Masthead Annex Heading"  # an annex issued alone: no page break
AGENDA_ITEM_HEADING = "Agenda Item Heading"  # the items of the annotated agenda
ATTACHMENT_PAGE = "Attachment Page"  # one page of an attached PDF, as a picture; page break before
ATTACHMENT_TEXT = "Attachment Text"  # an attached Word file's paragraphs in styles our reference lacks
TABLE_HEADING = "Table Heading"  # the list of documents' header cells (bold)
TABLE_TEXT = "Table Text"
CAPTION = "caption"  # Word's built-in name: "Table 2" / "Figure I" and the title; its tables of figures find it
TABLE_COLUMN_HEADING = "Table Column Heading"  # a note table's header cells (italic, as in the PDF)
TABLE_NOTE = "Table Note"  # "Source: ..." and lettered notes under a table or figure
# Cells aligned as the model says, by style (the body carries no direct formatting)
TABLE_FIGURES = "Table Figures"  # numbers, aligned right
TABLE_TEXT_CENTRED = "Table Text Centred"
TABLE_COLUMN_HEADING_RIGHT = "Table Column Heading Right"  # over a column of numbers
TABLE_COLUMN_HEADING_CENTRED = "Table Column Heading Centred"
FIGURE = "Figure"  # the paragraph holding a figure's picture
FOOTNOTE_TEXT = "footnote text"
HEADER = "header"
FOOTER = "footer"

# ---- character styles -----------------------------------------------------
DEFAULT_FONT = "Default Paragraph Font"
EMPHASIS = "Emphasis"
STRONG = "Strong"
STRONG_EMPHASIS = "Bold Italic"  # emphasis inside strong; not "Strong Emphasis", LibreOffice's name for Strong
HYPERLINK = "Hyperlink"
CODE = "Code"
FOOTNOTE_REFERENCE = "footnote reference"

# ---- table styles -----------------------------------------------------------
TABLE = "Documents Table"
NOTE_TABLE = "NEASPEC Table"  # a table of a note: rules above, under the header and below, in the UN manner

PARAGRAPH_STYLES = (SYMBOL, DISTRIBUTION, ORGANIZATION, MEETING, AGENDA_HEADING, ITEM_LINE, NOTE_TITLE,
                    AUTHOR_LINE, CONTENTS_HEADING, TOC_CHAPTER, TOC_ANNEX, CHAPTER, SUBHEADING, THIRD_DEGREE,
                    ANNEX_CHAPTER,
                    NUMBERED, UNNUMBERED, NUMBERED_LEAD_IN, UNNUMBERED_LEAD_IN, SUBITEM, SUBSUBITEM, BULLET, BULLET_2,
                    ANNEX_HEADING, ANNEX_TITLE,
                    MASTHEAD_ANNEX_HEADING, AGENDA_ITEM_HEADING, ATTACHMENT_PAGE, ATTACHMENT_TEXT, TABLE_HEADING,
                    TABLE_TEXT, CAPTION, TABLE_COLUMN_HEADING, TABLE_NOTE, TABLE_FIGURES, TABLE_TEXT_CENTRED,
                    TABLE_COLUMN_HEADING_RIGHT, TABLE_COLUMN_HEADING_CENTRED, FIGURE, FOOTNOTE_TEXT, HEADER, FOOTER)
CHARACTER_STYLES = (EMPHASIS, STRONG, STRONG_EMPHASIS, HYPERLINK, CODE, FOOTNOTE_REFERENCE)
TABLE_STYLES = (TABLE, NOTE_TABLE)


@dataclass(frozen=True)
class StyleMap:
    ids: dict[tuple[str, str], str]  # (type, lower-case name) -> styleId
    elements: dict[str, etree._Element]  # styleId -> w:style

    @classmethod
    def read(cls, styles: etree._Element) -> StyleMap:
        ids: dict[tuple[str, str], str] = {}
        elements: dict[str, etree._Element] = {}
        for style in styles.iterchildren(qn("w:style")):
            name = style.find(qn("w:name"))
            style_id = style.get(qn("w:styleId"))
            if name is None or style_id is None:
                continue
            ids[(style.get(qn("w:type"), "paragraph"), name.get(qn("w:val")).lower())] = style_id
            elements[style_id] = style
        return cls(ids, elements)

    def missing(self) -> list[str]:
        wanted = ([("paragraph", n) for n in PARAGRAPH_STYLES] + [("character", n) for n in CHARACTER_STYLES]
                  + [("table", n) for n in TABLE_STYLES])
        return [f"{kind} style {name!r}" for kind, name in wanted if (kind, name.lower()) not in self.ids]

    def para(self, name: str) -> str:
        return self.ids[("paragraph", name.lower())]

    def char(self, name: str) -> str:
        return self.ids[("character", name.lower())]

    def table(self, name: str) -> str:
        return self.ids[("table", name.lower())]

    def num_link(self, name: str) -> tuple[int, int] | None:
        """(numId, ilvl) of the list a paragraph style is linked to, following basedOn."""
        style_id: str | None = self.para(name)
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.elements[style_id]
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None and num_pr.find(qn("w:numId")) is not None:
                ilvl = num_pr.find(qn("w:ilvl"))
                return (int(num_pr.find(qn("w:numId")).get(qn("w:val"))),
                        int(ilvl.get(qn("w:val"))) if ilvl is not None else 0)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return None
