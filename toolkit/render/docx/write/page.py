"""The note's running head and page numbers -> the section's headers and footers (w:titlePg).

Page 1 (masthead and contents) has its own empty header and footer, as in the PDF;
from page 2 the header holds the document symbol and the footer a PAGE field. As in UN
documents printed on both sides (and the PDF), the symbol stands on the outer side: at the
right of odd pages (the default header) and at the left of even ones (the even header;
compat.py turns on w:evenAndOddHeaders). A document without a symbol has no header part
at all (no empty header paragraph on any page).
"""

from __future__ import annotations

from docx.document import Document
from docx.section import _Footer, _Header
from toolkit.render.docx.oxml import styles as S
from toolkit.render.docx.write.fields import page_field
from toolkit.render.docx.oxml.ooxml import paragraph, run, val
from toolkit.render.docx.oxml.styles import StyleMap


def _replace_content(story: _Header | _Footer, *paragraphs) -> None:
    story.is_linked_to_previous = False  # creates the part when the reference has none
    element = story.part.element
    for child in list(element):
        element.remove(child)
    for node in paragraphs:
        element.append(node)


def write_page_furniture(document: Document, styles: StyleMap, running_head: str | None) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header, footer = styles.para(S.HEADER), styles.para(S.FOOTER)
    if running_head:
        _replace_content(section.first_page_header, paragraph(header))
        _replace_content(section.header, paragraph(header, run(running_head)))
        # the Header style sets the symbol right; on even pages it goes to the left margin
        _replace_content(section.even_page_header, paragraph(header, run(running_head), props=[val("w:jc", "left")]))
    else:  # no reference, no part: Word and LibreOffice then show no header
        section.first_page_header.is_linked_to_previous = True
        section.header.is_linked_to_previous = True
        section.even_page_header.is_linked_to_previous = True
    _replace_content(section.first_page_footer, paragraph(footer))
    _replace_content(section.footer, paragraph(footer, *page_field()))
    _replace_content(section.even_page_footer, paragraph(footer, *page_field()))
