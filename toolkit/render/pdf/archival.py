"""A WeasyPrint document -> PDF bytes that claim PDF/A-2a and PDF/UA-1, and meet them.

WeasyPrint 70 writes one variant at a time. Its PDF/A-2a variant gives what archiving
needs (an sRGB output intent, a file identifier, printable annotations) and tags the
content; the tagging also gives what PDF/UA-1 asks of the catalog (/MarkInfo, /Lang,
/ViewerPreferences /DisplayDocTitle). What neither variant gives, the finisher adds:

- the XMP metadata names both standards (pdfaid and pdfuaid parts), and declares the
  pdfuaid schema, as PDF/A asks of any schema it does not predefine; it is written
  uncompressed, as PDF/A-2 asks of metadata streams (WeasyPrint compresses it);
- pictures are not to be smoothed by viewers (/Interpolate false): PDF/A forbids it;
- a compressed stream whose last byte is a carriage return gets one more before the
  line feed that closes it (`install`): pydyf writes CR then LF, which a reader takes
  for one end of line, so the stream would look a byte shorter than its /Length.

Why PDF/A-2 and not -3: it is the archival part that PDF/UA-1 (PDF 1.7) combines with,
and it forbids embedding non-PDF/A files, which an archive wants; level "a" because the
documents are tagged anyway.
"""

from __future__ import annotations

from xml.etree import ElementTree

from toolkit.render.pdf.patching import applied_once

PDFA_PART, PDFA_CONFORMANCE, PDFUA_PART = 2, "A", 1
# output_intent "": the finisher adds the sRGB output intent itself, since WeasyPrint 70
# leaves its own profile's file open (a ResourceWarning in every build).
OPTIONS = {"pdf_variant": f"pdf/a-{PDFA_PART}{PDFA_CONFORMANCE.lower()}", "pdf_tags": True, "output_intent": ""}
SRGB = "sRGB IEC61966-2.1"

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PDFAID = "http://www.aiim.org/pdfa/ns/id/"
_PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
_EXTENSION = "http://www.aiim.org/pdfa/ns/extension/"
_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
_PROPERTY = "http://www.aiim.org/pdfa/ns/property#"
for _prefix, _uri in (("pdfaExtension", _EXTENSION), ("pdfaSchema", _SCHEMA), ("pdfaProperty", _PROPERTY),
                      ("pdfuaid", _PDFUAID)):
    ElementTree.register_namespace(_prefix, _uri)

_HEADER = b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
_FOOTER = b"\n</x:xmpmeta>\n<?xpacket end=\"r\"?>"


@applied_once
def install() -> bool:
    """Makes pydyf close each stream with an end of line no reader can take for data."""
    import pydyf

    written = pydyf.Stream.data

    def data(self) -> bytes:
        out = written.fget(self)
        if out.endswith(b"\r\nendstream"):
            out = out[:-len(b"\nendstream")] + b"\r\nendstream"
        return out

    pydyf.Stream.data = property(data)
    return True


def finisher(archival: bool = True):
    """The finisher for write_pdf. archival False: the file claims neither standard (an
    attached annex that cannot meet them, see attached.py), the rest stays as it is."""

    def finish(document, pdf) -> None:
        _no_interpolation(pdf)
        _srgb_output_intent(pdf)
        rdf = ElementTree.fromstring(document.metadata.generate_rdf_metadata(
            "a", PDFA_PART, PDFA_CONFORMANCE))
        if archival:
            _declare_pdfua(rdf)
        else:
            for description in rdf.findall(f"{{{_RDF}}}Description"):
                description.attrib.pop(f"{{{_PDFAID}}}part", None)
                description.attrib.pop(f"{{{_PDFAID}}}conformance", None)
        metadata = _obj(pdf, pdf.catalog["Metadata"])
        metadata.stream = [_HEADER + ElementTree.tostring(rdf, encoding="utf-8", xml_declaration=False) + _FOOTER]
        metadata.compress = False
        metadata.extra.pop("Filter", None)

    return finish


def _obj(pdf, reference):
    return pdf.objects[int(reference.split()[0])]


def _srgb_output_intent(pdf) -> None:
    """The colour space the pages are meant in, as PDF/A asks: WeasyPrint's own sRGB profile."""
    from importlib.resources import files

    import pydyf

    profile = pydyf.Stream([files("weasyprint.pdf").joinpath("sRGB2014.icc").read_bytes()],
                           pydyf.Dictionary({"N": 3}), compress=True)
    pdf.add_object(profile)
    intent = pydyf.Dictionary({"Type": "/OutputIntent", "S": "/GTS_PDFA1",
                               "OutputConditionIdentifier": pydyf.String(SRGB), "Info": pydyf.String(SRGB),
                               "DestOutputProfile": profile.reference})
    pdf.catalog["OutputIntents"] = pydyf.Array([intent])


def _no_interpolation(pdf) -> None:
    import pydyf

    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream) and obj.extra.get("Subtype") == "/Image":
            obj.extra["Interpolate"] = "false"


def _declare_pdfua(rdf: ElementTree.Element) -> None:
    sub = ElementTree.SubElement
    sub(rdf, f"{{{_RDF}}}Description", {f"{{{_RDF}}}about": "", f"{{{_PDFUAID}}}part": str(PDFUA_PART)})
    described = sub(rdf, f"{{{_RDF}}}Description", {f"{{{_RDF}}}about": ""})
    bag = sub(sub(described, f"{{{_EXTENSION}}}schemas"), f"{{{_RDF}}}Bag")
    schema = sub(bag, f"{{{_RDF}}}li", {f"{{{_RDF}}}parseType": "Resource"})
    for name, text in (("schema", "PDF/UA Universal Accessibility Schema"), ("namespaceURI", _PDFUAID),
                       ("prefix", "pdfuaid")):
        sub(schema, f"{{{_SCHEMA}}}{name}").text = text
    prop = sub(sub(sub(schema, f"{{{_SCHEMA}}}property"), f"{{{_RDF}}}Seq"), f"{{{_RDF}}}li",
               {f"{{{_RDF}}}parseType": "Resource"})
    for name, text in (("name", "part"), ("valueType", "Integer"), ("category", "internal"),
                       ("description", "Indicates which part of ISO 14289 standard is followed")):
        sub(prop, f"{{{_PROPERTY}}}{name}").text = text
