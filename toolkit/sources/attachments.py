"""An annex that is a .pdf or .docx file -> an Attachment, once the file is known to be whole."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from toolkit.errors import Diagnostics, Position
from toolkit.model.document import Attachment

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def check_attachment(root: Path, rel: str, pos: Position, diags: Diagnostics) -> Attachment | None:
    path = root / rel
    size = path.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        diags.error(pos, f"annex file {rel!r} is larger than the limit of {MAX_ATTACHMENT_BYTES // 2**20} MB")
        return None
    data = path.read_bytes()
    if rel.lower().endswith(".pdf"):
        problem = _pdf_problem(data)
    else:
        problem = None if zipfile.is_zipfile(path) else "is not a Word document (.docx)"
    if problem:
        diags.error(pos, f"annex file {rel!r} {problem}")
        return None
    return Attachment(rel, hashlib.sha256(data).hexdigest())


def _pdf_problem(data: bytes) -> str | None:
    import io

    import pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return "is an encrypted PDF; save it without a password"
        if len(reader.pages) == 0:
            return "is a PDF with no pages"
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        return f"is not a readable PDF ({type(exc).__name__})"
    return None
