"""The house style and lists -> templates/reference.docx, the package the DOCX writer starts from.

Run `python -m toolkit.render.docx.reference.make [PATH]` to write it again. The DOCX
writer takes every look from that file, so a secretariat may instead open it in Word,
restyle it (keeping the style names) and save it over; this script (with house_style.py)
is only where the house default comes from. The file's body shows a sample of each
paragraph style, for whoever restyles it.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from lxml import etree

from toolkit.render.docx.reference.house_style import (BULLET_LIST, CHAPTER_LIST, MARGIN, PAGE, PARAGRAPH_LIST, SERIF,
                                             SERIF_METRIC_TWIN, STEP, specs, styles_xml)
from toolkit.render.docx.write.numbering import BULLET_LEVELS, CHAPTER_LEVELS, PARAGRAPH_LEVELS, abstract_num, num
from toolkit.render.docx.oxml.ooxml import el, paragraph, run, val
from toolkit.render.docx.write.package import zip_entries

DEFAULT_PATH = Path(__file__).resolve().parents[4] / "templates" / "reference.docx"


def numbering_xml() -> etree._Element:
    root = el("w:numbering")
    indents = tuple((STEP * (i + 1), STEP) for i in range(3))
    root.append(abstract_num(0, "NEASPEC paragraphs", PARAGRAPH_LEVELS,
                             ("NumberedParagraph", "Sub-item", "Sub-sub-item"), indents))
    root.append(abstract_num(1, "NEASPEC bullets", BULLET_LEVELS, ("ListBullet", "ListBullet2"), indents[1:]))
    # The numeral hangs in the heading's 1.25 cm indent, a tab before the title, as in the PDF.
    root.append(abstract_num(2, "NEASPEC chapters", CHAPTER_LEVELS, ("Heading1",), indents[:1]))
    root.append(num(PARAGRAPH_LIST, 0))
    root.append(num(BULLET_LIST, 1))
    root.append(num(CHAPTER_LIST, 2))
    return root


def settings_xml() -> etree._Element:
    compat = el("w:compat", None, el("w:compatSetting", {
        "w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"}))
    # No w:updateFields: it makes Word ask on opening; the writer fills field results itself.
    return el("w:settings", None, val("w:defaultTabStop", STEP), val("w:characterSpacingControl", "doNotCompress"),
              compat, val("w:decimalSymbol", "."), val("w:listSeparator", ","))


def font_table_xml() -> etree._Element:
    def font(name: str, charset: str, family: str, alt: str | None = None) -> etree._Element:
        children = ([val("w:altName", alt)] if alt else []) + [val("w:charset", charset), val("w:family", family),
                                                                val("w:pitch", "variable")]
        return el("w:font", {"w:name": name}, *children)

    return el("w:fonts", None, font(SERIF, "00", "roman", SERIF_METRIC_TWIN),
              font("Noto Serif CJK KR", "81", "roman"), font("Noto Serif CJK JP", "80", "roman"),
              font("Noto Serif CJK SC", "86", "roman"), font("Liberation Mono", "00", "modern"))


def document_xml() -> etree._Element:
    """A sample of every paragraph style, so whoever restyles the file in Word sees them all."""
    body = el("w:body")
    for name, style_id, kind, *_ in specs():
        if kind == "paragraph" and style_id != "Normal":
            body.append(paragraph(style_id, run(f"{name} (sample)")))
    body.append(paragraph("Normal", *(run(f"{name}; ", style_id) for name, style_id, kind, *_ in specs()
                                      if kind == "character")))
    body.append(el("w:sectPr", None,
                   el("w:pgSz", {"w:w": str(PAGE[0]), "w:h": str(PAGE[1])}),
                   el("w:pgMar", {"w:top": str(MARGIN), "w:right": str(MARGIN), "w:bottom": str(MARGIN),
                                  "w:left": str(MARGIN), "w:header": "851", "w:footer": "851", "w:gutter": "0"})))
    return el("w:document", None, body)


_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORD_PARTS = (("document", f"{_CT}.document.main+xml", None), ("styles", f"{_CT}.styles+xml", "styles"),
               ("numbering", f"{_CT}.numbering+xml", "numbering"), ("settings", f"{_CT}.settings+xml", "settings"),
               ("fontTable", f"{_CT}.fontTable+xml", "fontTable"))

_CORE = """<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>NEASPEC reference document</dc:title>
<dc:creator>NEASPEC Secretariat</dc:creator><cp:revision>1</cp:revision>
<dcterms:created xsi:type="dcterms:W3CDTF">2023-01-01T00:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2023-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>"""
_APP = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>toolkit</Application></Properties>")


def _xml(element: etree._Element | str) -> bytes:
    if isinstance(element, str):
        element = etree.fromstring(element)
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def reference_docx() -> bytes:
    builders = {"document": document_xml, "styles": styles_xml, "numbering": numbering_xml,
                "settings": settings_xml, "fontTable": font_table_xml}
    overrides = "".join(f'<Override PartName="/word/{name}.xml" ContentType="{ct}"/>' for name, ct, _ in _WORD_PARTS)
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>' + overrides +
             '<Override PartName="/docProps/core.xml" '
             'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
             '<Override PartName="/docProps/app.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    package_rels = (f'<Relationships xmlns="{rels_ns}">'
                    f'<Relationship Id="rId1" Type="{_RT}/officeDocument" Target="word/document.xml"/>'
                    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                    'metadata/core-properties" Target="docProps/core.xml"/>'
                    f'<Relationship Id="rId3" Type="{_RT}/extended-properties" Target="docProps/app.xml"/>'
                    "</Relationships>")
    document_rels = (f'<Relationships xmlns="{rels_ns}">' + "".join(
        f'<Relationship Id="rId{i}" Type="{_RT}/{rel}" Target="{name}.xml"/>'
        for i, (name, _, rel) in enumerate(_WORD_PARTS) if rel) + "</Relationships>")
    entries = [("[Content_Types].xml", _xml(types)), ("_rels/.rels", _xml(package_rels)),
               ("docProps/core.xml", _xml(_CORE)), ("docProps/app.xml", _xml(_APP)),
               ("word/_rels/document.xml.rels", _xml(document_rels))]
    entries += [(f"word/{name}.xml", _xml(builders[name]())) for name, _, _ in _WORD_PARTS]
    return zip_entries(entries)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else DEFAULT_PATH
    data = reference_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as check:  # a broken zip never replaces a good file
        if check.testzip() is not None:
            raise SystemExit("reference.make: the generated package is not a valid zip")
    target.write_bytes(data)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
