"""A reference .docx -> a safe copy to style documents with, or the reason it is refused.

The reference is a Word file a secretariat may have saved anywhere: it is checked like a
source. Macro-enabled documents, zip bombs and XML with a DTD are refused; an external
attached template (Word adds one pointing at the author's Normal.dotm) is removed, so
no output ever carries a link to a file on someone's computer.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed, for any member over a megabyte
_ATTACHED_TEMPLATE = re.compile(rb"<w:attachedTemplate\b[^>]*/>")
_EXTERNAL_TEMPLATE_REL = re.compile(rb"<Relationship\b[^>]*attachedTemplate[^>]*/>")


class ReferenceRefused(Exception):
    pass


def safe_reference(path: Path) -> Path:
    """The path of a checked, cleaned copy of the reference (cached by content)."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:32]
    cached = Path(tempfile.gettempdir()) / f"toolkit-reference-{digest}.docx"
    if cached.is_file():
        return cached
    cleaned = _cleaned(data)
    temp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
    temp.write_bytes(cleaned)
    os.replace(temp, cached)  # parallel workers may race: either copy is the same
    return cached


def checked_word(data: bytes) -> bytes:
    """Any untrusted Word file (an imported note too) -> its checked, cleaned bytes, or ReferenceRefused."""
    return _cleaned(data)


def _cleaned(data: bytes) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReferenceRefused("is not a Word document (.docx)") from None
    infos = archive.infolist()
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise ReferenceRefused(f"unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB (a zip bomb?)")
    for info in infos:
        if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise ReferenceRefused(f"member {info.filename} is compressed {ratio} times (a zip bomb?)")
    names = {i.filename for i in infos}
    content_types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if b"macroEnabled" in content_types or any(n.lower().endswith("vbaproject.bin") for n in names):
        raise ReferenceRefused("is a macro-enabled document (.docm): save it as a Word document (.docx)")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as cleaned:
        for info in infos:
            body = archive.read(info)
            if info.filename.endswith((".xml", ".rels")):
                if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
                    raise ReferenceRefused(f"{info.filename} declares a DTD, which a Word document never needs")
                if info.filename == "word/settings.xml":
                    body = _ATTACHED_TEMPLATE.sub(b"", body)
                if info.filename == "word/_rels/settings.xml.rels":
                    body = _EXTERNAL_TEMPLATE_REL.sub(b"", body)
            cleaned.writestr(info, body)
    return out.getvalue()
