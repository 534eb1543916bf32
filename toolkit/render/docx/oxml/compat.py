"""Word's layout options the documents need, set in every DOCX written (whatever the reference says).

Word stretches the words of a justified line that ends in a manual line break (w:br) across
the whole width: the name of a participant above a line break would print "Mr.      Wei
ZHANG". `doNotExpandShiftReturn` (Word's "Don't expand character spaces on a line ending
with SHIFT+RETURN", which LibreOffice honours too) lays such lines out left-aligned, as the
PDF does.

Justified lines are hyphenated in the document's language (`autoHyphenation`, as the PDF's
`hyphens: auto`), words in capitals never (`doNotHyphenateCaps`: NEASPEC, ESCAP), so they
do not open wide gaps. `evenAndOddHeaders`: the running head alternates sides (page.py).
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from toolkit.render.docx.oxml.ooxml import el

# CT_Settings children that come after w:compat (schema order).
_AFTER_COMPAT = {"docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                 "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
                 "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
                 "decimalSymbol", "listSeparator"}
# CT_Compat children that come after w:doNotExpandShiftReturn (schema order), compatSetting last.
_AFTER_SHIFT_RETURN = {"doNotUseHTMLParagraphAutoSpacing", "layoutRawTableWidth", "layoutTableRowsApart",
                       "useWord97LineBreakRules", "doNotBreakWrappedTables", "doNotSnapToGridInCell",
                       "selectFldWithFirstOrLastChar", "applyBreakingRules", "doNotWrapTextWithPunct",
                       "doNotUseEastAsianBreakRules", "useWord2002TableStyleRules", "growAutofit",
                       "useFELayout", "useNormalStyleForList", "doNotUseIndentAsNumberingTabStop",
                       "useAltKinsokuLineBreakRules", "allowSpaceOfSameStyleInTable", "doNotSuppressIndentation",
                       "doNotAutofitConstrainedTables", "autofitToFirstFixedWidthCell",
                       "underlineTabInNumList", "displayHangulFixedWidth", "splitPgBreakAndParaMark",
                       "doNotVertAlignCellWithSp", "doNotBreakConstrainedForcedTable",
                       "doNotVertAlignInTxbx", "useAnsiKerningPairs", "cachedColBandSize", "compatSetting"}


# CT_Settings children, in schema order, from w:defaultTabStop to w:compat: where a setting goes.
_SETTINGS_ORDER = ("defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone",
                   "doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle", "defaultTableStyle",
                   "evenAndOddHeaders", "bookFoldRevPrinting", "bookFold", "bookFoldPrinting",
                   "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
                   "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
                   "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
                   "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
                   "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
                   "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
                   "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
                   "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
                   "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
                   "compat")
_SETTINGS = ("autoHyphenation", "doNotHyphenateCaps", "evenAndOddHeaders")


def set_layout_options(document: Document) -> None:
    settings = document.settings.element
    for name in _SETTINGS:
        old = settings.find(qn(f"w:{name}"))
        if old is not None:
            settings.remove(old)
        later = set(_SETTINGS_ORDER[_SETTINGS_ORDER.index(name) + 1:]) | _AFTER_COMPAT
        _insert_before(settings, el(f"w:{name}"), later)
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = el("w:compat")
        _insert_before(settings, compat, _AFTER_COMPAT)
    if compat.find(qn("w:doNotExpandShiftReturn")) is None:
        _insert_before(compat, el("w:doNotExpandShiftReturn"), _AFTER_SHIFT_RETURN)


def _insert_before(parent: etree._Element, child: etree._Element, later_names: set[str]) -> None:
    later = next((c for c in parent if etree.QName(c).localname in later_names), None)
    if later is not None:
        later.addprevious(child)
    else:
        parent.append(child)
