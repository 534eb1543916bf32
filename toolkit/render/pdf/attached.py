"""Attached annexes (.pdf, .docx) -> PDF pages, spliced into the slots the layout kept for them.

The HTML keeps one blank page per attached page, so page numbers after the annex
stay true; the blanks are then replaced by the attached pages themselves.

Tags: an attached file's own structure (if it has one) cannot be trusted to fit ours, so
each attached page is placed whole, as one picture (a form XObject of its page, its own
marked content taken out), inside the Figure that the template kept for it, whose
alternative text names the annex and the page ("Annex II. Statement ..., page 1 of 3 of
the attached document"). A screen reader announces the annex and its pages; it cannot
read their text. The document stays PDF/UA-1 and PDF/A-2a unless the attached file
uses a font it does not embed: then no claim is made (see `embeds_its_fonts`) and the
build warns.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from toolkit.model.document import Attachment
from toolkit.render import office


class AttachmentError(Exception):
    pass


def attachment_pdf(root: Path, attachment: Attachment) -> bytes:
    path = root / attachment.path
    if not attachment.converted_by_office:
        return path.read_bytes()
    return _docx_to_pdf(path)


_EXTERNAL = re.compile(rb'<Relationship\b[^>]*TargetMode="External"[^>]*/>')
_HYPERLINK = b"/relationships/hyperlink"


def without_external_links(data: bytes) -> bytes:
    """A Word file with every external target emptied but hyperlinks (which are never fetched):
    LibreOffice converting it then has nothing to fetch (a linked picture, a remote template)."""
    def empty(match: re.Match) -> bytes:
        relationship = match.group(0)
        if _HYPERLINK in relationship:
            return relationship
        return re.sub(rb'Target="[^"]*"', b'Target=""', relationship)

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as cleaned:
        for info in source.infolist():
            body = source.read(info)
            if info.filename.endswith(".rels"):
                body = _EXTERNAL.sub(empty, body)
            cleaned.writestr(info, body)
    return out.getvalue()


def _docx_to_pdf(path: Path) -> bytes:
    program = office.find()
    if program is None:
        raise AttachmentError(f"appending {path.name} to the PDF needs LibreOffice "
                              "(Debian package libreoffice-writer-nogui), which is not installed")
    try:
        cleaned = without_external_links(path.read_bytes())
    except zipfile.BadZipFile:
        raise AttachmentError(f"{path.name} is not a Word document (.docx)") from None
    try:
        return office.convert([cleaned], program)[0]
    except office.OfficeError as exc:
        raise AttachmentError(f"{path.name} could not be converted to PDF: {exc}") from None


def page_count(pdf: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def embeds_its_fonts(pdf: bytes) -> bool:
    """Whether every font the file's pages use is embedded (PDF/A and PDF/UA ask it); a font
    or resource the check cannot make sense of counts as not embedded."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            seen: set[tuple[int, int]] = set()
            return all(_fonts_embedded(page.obj.get("/Resources"), seen) for page in doc.pages)
    except (pikepdf.PdfError, AttributeError, KeyError, IndexError, TypeError, ValueError, RecursionError):
        return False


def _fonts_embedded(resources, seen: set) -> bool:
    import pikepdf

    if not isinstance(resources, pikepdf.Dictionary):
        return True
    if resources.is_indirect:
        if resources.objgen in seen:
            return True
        seen.add(resources.objgen)
    for font in (resources.get("/Font") or {}).values():
        if font.get("/Subtype") == "/Type3":
            if not _fonts_embedded(font.get("/Resources"), seen):
                return False
            continue
        described = font.DescendantFonts[0] if font.get("/Subtype") == "/Type0" else font
        descriptor = described.get("/FontDescriptor")
        if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            return False
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.is_indirect:  # forms may draw each other in a loop
            if xobject.objgen in seen:
                continue
            seen.add(xobject.objgen)
        if xobject.get("/Subtype") == "/Form" and not _fonts_embedded(xobject.get("/Resources"), seen):
            return False
    return True


# Marked-content operators: the attached file's own tags, meaningless inside our Figure.
_MARKS = {"BDC", "BMC", "EMC", "MP", "DP"}


def splice(pdf: bytes, slots: dict[int, tuple[bytes, int, str]]) -> bytes:
    """slots: page index in `pdf` -> (attached PDF, its page to put there, the ID of its Figure)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        figures = _figures(doc)
        sources: dict[int, pikepdf.Pdf] = {}
        try:
            for index, (attached, number, figure_id) in sorted(slots.items()):
                source = sources.get(id(attached))
                if source is None:
                    source = sources[id(attached)] = pikepdf.open(io.BytesIO(attached))
                _place(doc, doc.pages[index], source.pages[number], figures.get(figure_id))
            data = _save(doc)
        except (pikepdf.PdfError, AttributeError, KeyError, TypeError, ValueError, RecursionError) as exc:
            raise AttachmentError(f"an attached PDF's pages could not be placed: {exc}") from None
        finally:
            for source in sources.values():
                source.close()
    return data


def _end_clear_of_the_line_end(stream) -> bool:
    """A stream whose bytes end with a carriage return, run-length coded over its filters; True if it did.

    qpdf closes every stream with a line feed (PDF/A asks for an end of line before
    `endstream`); after a carriage return a strict reader takes the pair for one end of
    line, and the stream looks a byte shorter than its /Length (PDF/A-2 6.1.7.1). A
    compressed stream ends with the checksum of its data, so about one in 256 does. Run-length
    coding ends with byte 128, costs one byte in 128, and is a filter qpdf writes as it is
    (it decodes and compresses again only the general ones: Flate, LZW, ASCII85, ASCIIHex)."""
    import pikepdf

    raw = stream.read_raw_bytes()
    if not raw.endswith(b"\r"):
        return False
    filters = stream.get("/Filter")
    filters = list(filters) if isinstance(filters, pikepdf.Array) else [filters] if filters is not None else []
    parms = stream.get("/DecodeParms")
    parms = list(parms) if isinstance(parms, pikepdf.Array) else [parms] if parms is not None else []
    parms += [None] * (len(filters) - len(parms))
    stream.write(_run_length(raw), filter=[pikepdf.Name.RunLengthDecode, *filters],
                 decode_parms=[None, *parms] if any(p is not None for p in parms) else None)
    return True


def _run_length(data: bytes) -> bytes:
    """RunLengthDecode's coding, in literal runs of 128 bytes at most, then its end (128)."""
    out = bytearray()
    for start in range(0, len(data), 128):
        chunk = data[start:start + 128]
        out.append(len(chunk) - 1)
        out += chunk
    out.append(128)
    return bytes(out)


def _save(doc) -> bytes:
    """The spliced file, with no stream ending in a carriage return (`_end_clear_of_the_line_end`).

    qpdf writes it as always (streams in LZW or ASCII coding compressed again with Flate, as
    PDF/A forbids LZW; the file's small objects in compressed object streams). Where a
    stream then ends with a carriage return, it is run-length coded and the file written
    again; if it is one of qpdf's own object streams, the file is written without them
    (larger, every stream then one checked here). Same sources, same bytes (deterministic_id)."""
    import pikepdf

    data = _written(doc)
    if _CLOSED_AFTER_CR not in data:  # (a stream may hold these bytes inside: then written again)
        return data
    with pikepdf.open(io.BytesIO(data)) as again:
        for stream in [obj for obj in again.objects if isinstance(obj, pikepdf.Stream)]:
            _end_clear_of_the_line_end(stream)
        data = _written(again)
        if _CLOSED_AFTER_CR not in data:
            return data
        return _written(again, object_stream_mode=pikepdf.ObjectStreamMode.disable)


def _written(doc, **options) -> bytes:
    out = io.BytesIO()
    doc.save(out, deterministic_id=True, **options)
    return out.getvalue()


# qpdf ends every stream's bytes with a line feed and `endstream` (pikepdf's preserve_pdfa)
_CLOSED_AFTER_CR = b"\r\nendstream"


def _figures(doc) -> dict[str, object]:
    """Figure structure elements by their ID, the slots' names."""
    import pikepdf

    found = {}
    pending = [doc.Root.StructTreeRoot] if "/StructTreeRoot" in doc.Root else []
    while pending:
        element = pending.pop()
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                if kid.get("/S") == "/Figure" and "/ID" in kid:
                    found[str(kid.ID)] = kid
                pending.append(kid)
    return found


def _place(doc, page, attached_page, figure) -> None:
    """Our blank page becomes the attached page, drawn as one picture tagged as `figure`."""
    import pikepdf

    form = doc.copy_foreign(attached_page.as_form_xobject())
    content = pikepdf.unparse_content_stream(
        [item for item in pikepdf.parse_content_stream(form) if str(item.operator) not in _MARKS])
    form.write(content)
    box = pikepdf.Array([float(v) for v in attached_page.mediabox])
    for name in ("/MediaBox", "/TrimBox", "/BleedBox"):
        page.obj[name] = box
    if "/Rotate" in attached_page.obj:
        page.obj.Rotate = attached_page.obj.Rotate
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Annex=form))
    if figure is None:  # an untagged document (none is made today): the picture as it is
        page.obj.Contents = doc.make_stream(b"q /Annex Do Q")
        return
    page.obj.Contents = doc.make_stream(b"/Figure <</MCID 0>> BDC q /Annex Do Q EMC")
    figure.K = 0
    figure.Pg = page.obj
    figure.A = pikepdf.Dictionary(O=pikepdf.Name.Layout, BBox=box)
    _map_page(doc, page.obj.StructParents, figure)


def _map_page(doc, key, figure) -> None:
    """The parent tree's entry for the page: its one marked-content sequence is the figure."""
    import pikepdf

    numbers = doc.Root.StructTreeRoot.ParentTree.Nums
    for i in range(0, len(numbers), 2):
        if int(numbers[i]) == int(key):
            numbers[i + 1] = pikepdf.Array([figure])
            return
    numbers.append(key)
    numbers.append(pikepdf.Array([figure]))
