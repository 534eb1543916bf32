"""Attached annexes (.pdf, .docx) -> PDF pages, spliced into the slots the layout kept for them.

The HTML keeps one blank page per attached page, so page numbers after the annex
stay true; the blanks are then replaced by the attached pages themselves.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from toolkit.model.document import Attachment

CONVERT_SECONDS = 180


class AttachmentError(Exception):
    pass


def attachment_pdf(root: Path, attachment: Attachment) -> bytes:
    path = root / attachment.path
    if path.suffix.lower() == ".pdf":
        return path.read_bytes()
    return _docx_to_pdf(path)


def _docx_to_pdf(path: Path) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise AttachmentError(f"appending {path.name} to the PDF needs LibreOffice "
                              "(Debian package libreoffice-writer-nogui), which is not installed")
    with tempfile.TemporaryDirectory(prefix="toolkit-convert-") as temp:
        # A private profile: conversions may run in parallel, and no user settings (macros) apply.
        profile = Path(temp, "profile").as_uri()
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
             "--outdir", temp, str(path)], capture_output=True, timeout=CONVERT_SECONDS, check=False)
        converted = Path(temp, path.stem + ".pdf")
        if result.returncode != 0 or not converted.is_file():
            raise AttachmentError(f"LibreOffice could not convert {path.name} to PDF")
        return converted.read_bytes()


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
