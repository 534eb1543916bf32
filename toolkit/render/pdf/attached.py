"""Attached annexes (.pdf, .docx) -> PDF pages, spliced into the slots the layout kept for them.

The HTML keeps one blank page per attached page, so page numbers after the annex
stay true; the blanks are then replaced by the attached pages themselves.
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


def splice(pdf: bytes, slots: dict[int, tuple[bytes, int]]) -> bytes:
    """slots: page index in `pdf` -> (attached PDF, its page to put there)."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf))
    readers: dict[int, pypdf.PdfReader] = {}
    for index, (attached, page) in sorted(slots.items()):
        reader = readers.setdefault(id(attached), pypdf.PdfReader(io.BytesIO(attached)))
        writer.insert_page(reader.pages[page], index)
        writer.remove_page(index + 1)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
