"""The note's footnotes -> word/footnotes.xml, a part python-docx has no API for.

The part is built with python-docx's OPC layer (XmlPart, relate_to, which also writes
the content-type override) and lxml. Word numbers footnotes itself, in the order of
their w:footnoteReference runs, so `reference()` checks that the first calls come in
the model's order 1, 2, 3...: then Word's numbers are the model's numbers.
"""

from __future__ import annotations

from lxml import etree

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from toolkit.model.document import Footnote
from toolkit.render.docx.oxml import styles as S
from toolkit.render.docx.write.numbering import NumberingMismatch
from toolkit.render.docx.oxml.ooxml import el, paragraph, run, text
from toolkit.render.docx.oxml.styles import StyleMap

# Word's own ids for the two separator footnotes; real footnotes start at 1.
SEPARATOR_IDS = (-1, 0)
# CT_Settings children that come after w:footnotePr (schema order).
_AFTER_FOOTNOTE_PR = {"endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
                      "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
                      "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
                      "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"}


def _separators() -> str:
    def note(kind: str, ident: int) -> str:
        return (f'<w:footnote w:type="{kind}" w:id="{ident}"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
                f' w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>')

    return note("separator", SEPARATOR_IDS[0]) + note("continuationSeparator", SEPARATOR_IDS[1])


class Footnotes:
    """The footnotes part of one document; `reference()` is called at each first call."""

    def __init__(self, document: Document, styles: StyleMap, footnotes: tuple[Footnote, ...]):
        self.styles = styles
        self.pending = {f.number: f for f in footnotes}
        self.placed = 0
        doc_part = document.part
        for r_id, rel in list(doc_part.rels.items()):  # a reference saved by Word may have one
            if rel.reltype == RT.FOOTNOTES:
                doc_part.drop_rel(r_id)
        element = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{_separators()}</w:footnotes>")
        self.part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, doc_part.package)
        doc_part.relate_to(self.part, RT.FOOTNOTES)
        self._declare_separators(document.settings.element)
        self.inline = None  # set by the writer: an InlineWriter bound to this part

    @staticmethod
    def _declare_separators(settings: etree._Element) -> None:
        for old in settings.findall(qn("w:footnotePr")):
            settings.remove(old)
        declared = el("w:footnotePr", None, *(el("w:footnote", {"w:id": str(i)}) for i in SEPARATOR_IDS))
        later = next((c for c in settings if etree.QName(c).localname in _AFTER_FOOTNOTE_PR), None)
        if later is not None:
            later.addprevious(declared)
        else:
            settings.append(declared)

    def reference(self, number: int) -> etree._Element:
        """Writes footnote `number` and returns the run that calls it."""
        if number != self.placed + 1 or number not in self.pending:
            raise NumberingMismatch(f"footnote {number} is called first after footnote {self.placed}: Word "
                                    f"would number it {self.placed + 1}")
        footnote = self.pending.pop(number)
        self.placed = number
        ref_style = self.styles.char(S.FOOTNOTE_REFERENCE)
        body = paragraph(self.styles.para(S.FOOTNOTE_TEXT), run(el("w:footnoteRef"), ref_style),
                         run(text(" ")), *self.inline(footnote.content))
        self.part.element.append(el("w:footnote", {"w:id": str(number)}, body))
        return run(el("w:footnoteReference", {"w:id": str(number)}), ref_style)

    def check_all_placed(self) -> None:
        if self.pending:
            missing = ", ".join(str(n) for n in sorted(self.pending))
            raise NumberingMismatch(f"footnote(s) {missing} of the note are never called in the DOCX")
