"""The NEASPEC house style -> the styles.xml of templates/reference.docx.

Every look of the DOCX is here, mirroring templates/note.css: Times New Roman 12 pt on
14.4 pt lines (CSS line-height 1.2), 1.25 cm hanging numbers, the masthead blocks.
Sizes are in twentieths of a point (twips) and half points, as in WordprocessingML;
567 twips are 1 cm. Style names come from styles.py, the writer's side of the contract.
"""

from __future__ import annotations

from lxml import etree

from toolkit.render.docx.oxml import styles as S
from toolkit.render.docx.oxml.ooxml import el, ppr, rpr, val

SERIF = "Times New Roman"
SERIF_METRIC_TWIN = "Liberation Serif"  # same metrics, shipped with Linux distributions
STEP = 709  # 1.25 cm: the hanging indent of numbers, as in templates/note.css
PAGE = (11906, 16838)  # A4
MARGIN = 1418  # 2.5 cm all round
TEXT_WIDTH = PAGE[0] - 2 * MARGIN
TOC_NUMBERS = 567  # 1 cm: the contents' column of page numbers, which titles never enter
PARAGRAPH_LIST, BULLET_LIST, CHAPTER_LIST = 1, 2, 3  # the w:numId of the three lists in numbering.xml

# (name, id, type, basedOn, pPr children, rPr children, extra style children)
_Spec = tuple[str, str, str, str | None, list, list, list]


def _spacing(before: int = 0, after: int = 0, line: int | None = None) -> etree._Element:
    """Space before/after a paragraph; `line`: its exact line height (CSS line-height 1.2)."""
    attrs = {"w:before": str(before), "w:after": str(after)}
    if line is not None:
        attrs |= {"w:line": str(line), "w:lineRule": "exact"}
    return el("w:spacing", attrs)


def _growing_lines(after: int) -> etree._Element:
    """Single line spacing, each line as high as its tallest content."""
    return el("w:spacing", {"w:before": "0", "w:after": str(after), "w:line": "240", "w:lineRule": "auto"})


def _ind(left: int, hanging: int = 0, right: int = 0) -> etree._Element:
    attrs = {"w:left": str(left), "w:hanging": str(hanging)}
    return el("w:ind", attrs | ({"w:right": str(right)} if right else {}))


def _tabs(*stops: tuple[str, int, str]) -> etree._Element:
    return el("w:tabs", None, *(el("w:tab", {"w:val": kind, "w:pos": str(pos), "w:leader": leader})
                                for kind, pos, leader in stops))


def _fonts(name: str) -> etree._Element:
    return el("w:rFonts", {"w:ascii": name, "w:hAnsi": name, "w:cs": name})


CENTER, RIGHT, BOTH = val("w:jc", "center"), val("w:jc", "right"), val("w:jc", "both")
BOLD, ITALIC = el("w:b"), el("w:i")
KEEP = el("w:keepNext")
TIGHT = el("w:contextualSpacing")  # no space between lines of one masthead block
# Table cells are never hyphenated (narrow columns would divide "Tim-ing"), as in the PDF,
# where only the body's paragraphs are.
WHOLE = el("w:suppressAutoHyphens")


def specs() -> list[_Spec]:
    def copy(*nodes):  # each style needs its own elements
        return [etree.fromstring(etree.tostring(n)) for n in nodes]

    p = "paragraph"
    c = "character"
    numbered = [(PARAGRAPH_LIST, level) for level in range(3)]
    return [
        ("Normal", "Normal", p, None, [], [], [el("w:qFormat")]),
        (S.SYMBOL, "DocumentSymbol", p, "Normal", copy(RIGHT) + [_spacing(after=240, line=336)], [val("w:sz", 28)], []),
        (S.DISTRIBUTION, "Distribution", p, "Normal", copy(TIGHT) + [_ind(int(TEXT_WIDTH * 0.65)),
                                                                    _spacing(after=360, line=408)], [], []),
        (S.ORGANIZATION, "Organization", p, "Normal", copy(TIGHT, CENTER) + [_spacing(after=360, line=408)], [], []),
        (S.MEETING, "Meeting", p, "Normal", copy(TIGHT, CENTER) + [_spacing(after=420, line=348)], [], []),
        (S.AGENDA_HEADING, "AgendaHeading", p, "Normal", copy(CENTER) + [_spacing(after=120)], [], []),
        (S.ITEM_LINE, "AgendaItemLine", p, "Normal", copy(CENTER) + [_spacing(after=480)], [], []),
        (S.NOTE_TITLE, "NoteTitle", p, "Normal", copy(CENTER) + [_spacing(after=120, line=336)],
         copy(BOLD) + [val("w:sz", 28)], []),
        (S.AUTHOR_LINE, "AuthorLine", p, "Normal", copy(CENTER) + [_spacing(after=600)], [], []),
        (S.CONTENTS_HEADING, "TOCHeading", p, "Normal", copy(CENTER, KEEP) + [_spacing(after=240)], copy(BOLD), []),
        # A long entry wraps under its own title (the numeral hangs), its lines kept out of the
        # page numbers' column (a right indent), so the leaders and the page number stand on its
        # last line, as in the PDF (UN contents). The numbers stand at the right indent, not the
        # margin: LibreOffice draws nothing after a tab beyond the right indent (Word would).
        (S.TOC_CHAPTER, "TOC1", p, "Normal", [_tabs(("left", STEP, "none"), ("right", TEXT_WIDTH - TOC_NUMBERS, "dot")),
                                              _spacing(after=120), _ind(STEP, STEP, right=TOC_NUMBERS)], [], []),
        (S.TOC_ANNEX, "TOC2", p, "Normal", [_spacing(before=120, after=120)], [], []),
        # Chapter numerals are Word numbering: an inserted chapter renumbers the rest.
        (S.CHAPTER, "Heading1", p, "Normal", copy(KEEP) + [el("w:keepLines"), _num_pr(CHAPTER_LIST, 0),
                                                           _spacing(before=360, after=240),
                                                           _ind(STEP, STEP), val("w:outlineLvl", 0)],
         copy(BOLD), [el("w:qFormat")]),
        (S.SUBHEADING, "Heading2", p, "Normal", copy(KEEP) + [_spacing(before=240, after=240),
                                                              val("w:outlineLvl", 1)], [], [el("w:qFormat")]),
        # Its outline level is 1, as in the PDF's tags (H2): it sits right under a chapter, and a reader's
        # outline or a screen reader must not see a level skipped
        (S.THIRD_DEGREE, "Heading3", p, "Normal", copy(KEEP) + [_spacing(before=240, after=240),
                                                                val("w:outlineLvl", 1)], copy(BOLD), [el("w:qFormat")]),
        (S.ANNEX_CHAPTER, "AnnexChapterHeading", p, "Heading1", [val("w:outlineLvl", 1)], [], []),
        (S.NUMBERED, "NumberedParagraph", p, "Normal", copy(BOTH) + [_num_pr(*numbered[0]), _ind(STEP, STEP),
                                                                     _spacing(after=240)], [], [el("w:qFormat")]),
        (S.UNNUMBERED, "UnnumberedParagraph", p, "Normal", copy(BOTH) + [_spacing(after=240)], [], []),
        # A lead-in stays on the page of its first item (note.css: .para.keep)
        (S.NUMBERED_LEAD_IN, "NumberedLead-in", p, "NumberedParagraph", copy(KEEP), [], []),
        (S.UNNUMBERED_LEAD_IN, "UnnumberedLead-in", p, "UnnumberedParagraph", copy(KEEP), [], []),
        (S.SUBITEM, "Sub-item", p, "Normal", copy(BOTH) + [_num_pr(*numbered[1]), _ind(2 * STEP, STEP),
                                                           _spacing(after=240)], [], []),
        (S.SUBSUBITEM, "Sub-sub-item", p, "Normal", copy(BOTH) + [_num_pr(*numbered[2]), _ind(3 * STEP, STEP),
                                                                  _spacing(after=120)], [], []),
        (S.BULLET, "ListBullet", p, "Normal", copy(BOTH) + [_num_pr(BULLET_LIST, 0), _ind(2 * STEP, STEP),
                                                            _spacing(after=240)], [], []),
        (S.BULLET_2, "ListBullet2", p, "Normal", copy(BOTH) + [_num_pr(BULLET_LIST, 1), _ind(3 * STEP, STEP),
                                                               _spacing(after=120)], [], []),
        (S.ANNEX_HEADING, "AnnexHeading", p, "Normal", copy(KEEP) + [el("w:pageBreakBefore"), _spacing(after=240)]
         + copy(CENTER), copy(BOLD), []),
        (S.ANNEX_TITLE, "AnnexTitle", p, "Normal", copy(KEEP, CENTER) + [_spacing(after=480)], copy(BOLD), []),
        (S.MASTHEAD_ANNEX_HEADING, "MastheadAnnexHeading", p, "AnnexHeading",
         [val("w:pageBreakBefore", 0), _spacing(before=240, after=240)], [], []),
        (S.AGENDA_ITEM_HEADING, "AgendaItemHeading", p, "Normal", copy(KEEP) + [_spacing(before=360, after=240),
                                                                                val("w:outlineLvl", 1)],
         copy(BOLD), []),
        # Attached content: single line spacing that grows with a picture or large type, which
        # Normal's exact line height would clip.
        (S.ATTACHMENT_PAGE, "AttachmentPage", p, "Normal", copy(CENTER) + [el("w:pageBreakBefore"),
                                                                           _growing_lines(after=0)], [], []),
        (S.ATTACHMENT_TEXT, "AttachmentText", p, "Normal", [_growing_lines(after=120)], [], []),
        (S.TABLE_HEADING, "TableHeading", p, "Normal", copy(WHOLE) + [_spacing(line=240)],
         copy(BOLD) + [val("w:sz", 20)], []),
        (S.TABLE_TEXT, "TableText", p, "Normal", copy(WHOLE) + [_spacing(line=240)], [val("w:sz", 20)], []),
        # "Table 2", a line break and the bold title: one paragraph kept with the table, as in the PDF.
        (S.CAPTION, "Caption", p, "Normal", copy(KEEP) + [el("w:keepLines"), _spacing(before=120, after=120)], [],
         [el("w:qFormat")]),
        (S.TABLE_COLUMN_HEADING, "TableColumnHeading", p, "Normal", copy(WHOLE) + [_spacing(line=240)],
         copy(ITALIC) + [val("w:sz", 20)], []),
        # Notes sit close together (contextual spacing: none between two of them); the text
        # resumes a line below the last, as under the PDF's tables.
        (S.TABLE_NOTE, "TableNote", p, "Normal", copy(WHOLE) + [el("w:contextualSpacing"),
                                                                 _spacing(before=40, after=240, line=216)],
         [val("w:sz", 18)], []),
        (S.TABLE_FIGURES, "TableFigures", p, "TableText", copy(RIGHT), [], []),
        (S.TABLE_TEXT_CENTRED, "TableTextCentred", p, "TableText", copy(CENTER), [], []),
        (S.TABLE_COLUMN_HEADING_RIGHT, "TableColumnHeadingRight", p, "TableColumnHeading", copy(RIGHT), [], []),
        (S.TABLE_COLUMN_HEADING_CENTRED, "TableColumnHeadingCentred", p, "TableColumnHeading", copy(CENTER), [],
         []),
        (S.FIGURE, "Figure", p, "Normal", copy(KEEP, CENTER) + [_growing_lines(after=80)], [], []),
        # 6 pt between the short rule and the first note (the PDF's @footnote padding), none between
        # two notes (contextual spacing): LibreOffice ignores the separator's own paragraph spacing.
        (S.FOOTNOTE_TEXT, "FootnoteText", p, "Normal", [el("w:contextualSpacing"), _spacing(before=120, line=240)],
         [val("w:sz", 20)], []),
        (S.HEADER, "Header", p, "Normal", copy(RIGHT) + [_spacing(line=240)], [val("w:sz", 20)], []),
        (S.FOOTER, "Footer", p, "Normal", copy(CENTER) + [_spacing(line=264)], [val("w:sz", 22)], []),
        (S.DEFAULT_FONT, "DefaultParagraphFont", c, None, [], [], [el("w:semiHidden")]),
        (S.EMPHASIS, "Emphasis", c, None, [], copy(ITALIC), [el("w:qFormat")]),
        (S.STRONG, "Strong", c, None, [], copy(BOLD), [el("w:qFormat")]),
        (S.STRONG_EMPHASIS, "BoldItalic", c, None, [], copy(BOLD, ITALIC), []),
        (S.HYPERLINK, "Hyperlink", c, None, [], [], []),  # plain, as links print in the PDF
        (S.CODE, "Code", c, None, [], [_fonts("Liberation Mono"), val("w:sz", 21)], []),
        # The call and the number before the note: a superscript of 14 pt, which prints at 8 pt
        # (LibreOffice draws superscripts at 58%, Word at about two thirds), as the PDF's calls.
        # Without a size, the number before a 10 pt note would print at 5.8 pt, too small to read.
        (S.FOOTNOTE_REFERENCE, "FootnoteReference", c, None, [], [val("w:sz", 28), val("w:vertAlign", "superscript")],
         []),
    ]


def _table_styles() -> list[etree._Element]:
    """Word's default table style, and the list of documents' one: in the UN manner (Editorial
    Manual, Tables), rules at the top, under the header row and at the bottom, none between rows."""
    def border(side: str, size: int, color: str) -> etree._Element:
        return el(f"w:{side}", {"w:val": "single", "w:sz": str(size), "w:space": "0", "w:color": color})

    def margin(side: str, twips: int) -> etree._Element:
        return el(f"w:{side}", {"w:w": str(twips), "w:type": "dxa"})

    table = el("w:tblPr", None, el("w:tblBorders", None, border("top", 6, "000000"), border("bottom", 6, "000000")),
               el("w:tblCellMar", None, margin("top", 60), margin("left", 80), margin("bottom", 60),
                  margin("right", 80)))
    header = el("w:tblStylePr", {"w:type": "firstRow"},
                el("w:tcPr", None, el("w:tcBorders", None, border("bottom", 6, "000000"))))
    normal = el("w:style", {"w:type": "table", "w:default": "1", "w:styleId": "TableNormal"},
                val("w:name", "Normal Table"), el("w:semiHidden"),
                el("w:tblPr", None, el("w:tblCellMar", None, margin("top", 0), margin("left", 108),
                                       margin("bottom", 0), margin("right", 108))))
    documents = el("w:style", {"w:type": "table", "w:styleId": "DocumentsTable"}, val("w:name", S.TABLE),
                   val("w:basedOn", "TableNormal"), table, header)
    # A table of a note: a rule above and below the table and under the header, none between rows.
    ruled = el("w:tblPr", None, el("w:tblBorders", None, border("top", 6, "000000"), border("bottom", 6, "000000")),
               el("w:tblCellMar", None, margin("top", 60), margin("left", 80), margin("bottom", 60),
                  margin("right", 80)))
    ruled_header = el("w:tblStylePr", {"w:type": "firstRow"},
                      el("w:tcPr", None, el("w:tcBorders", None, border("bottom", 6, "000000"))))
    note_table = el("w:style", {"w:type": "table", "w:styleId": "NEASPECTable"}, val("w:name", S.NOTE_TABLE),
                    val("w:basedOn", "TableNormal"), ruled, ruled_header)
    return [normal, documents, note_table]


def _num_pr(num_id: int, ilvl: int) -> etree._Element:
    children = [val("w:ilvl", ilvl)] if ilvl else []
    return el("w:numPr", None, *children, val("w:numId", num_id))


def styles_xml() -> etree._Element:
    defaults = el("w:docDefaults", None,
                  el("w:rPrDefault", None, rpr(
                      el("w:rFonts", {"w:ascii": SERIF, "w:hAnsi": SERIF, "w:eastAsia": SERIF, "w:cs": SERIF}),
                      val("w:sz", 24), val("w:szCs", 24),
                      el("w:lang", {"w:val": "en-GB", "w:eastAsia": "en-GB", "w:bidi": "ar-SA"}))),
                  el("w:pPrDefault", None, ppr(
                      # no extra space between CJK and Latin letters: the PDF has none
                      val("w:autoSpaceDE", 0), val("w:autoSpaceDN", 0), _spacing(after=0, line=288))))
    root = el("w:styles", None, defaults)
    for name, style_id, kind, based_on, p_props, r_props, extra in specs():
        style = el("w:style", {"w:type": kind, "w:styleId": style_id}, val("w:name", name))
        if style_id in ("Normal", "DefaultParagraphFont"):  # the defaults of their kind
            style.set("{%s}default" % style.nsmap["w"], "1")
        if based_on:
            style.append(val("w:basedOn", based_on))
        for child in extra:
            style.append(child)
        if p_props:
            style.append(ppr(*p_props))
        if r_props:
            style.append(rpr(*r_props))
        root.append(style)
    for style in _table_styles():
        root.append(style)
    return root


