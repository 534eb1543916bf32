"""A python-docx Document -> DOCX bytes that depend on the sources only (metadata, zip entries).

python-docx stamps new packages with its own author and the clock, and zipfile stamps
entries with the time of writing; both would make two builds of the same sources differ.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document

from toolkit.model.document import Note

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def set_core_properties(document: Document, note: Note) -> None:
    """Title, subject, author and dates from the note; every other field emptied."""
    props = document.core_properties
    midnight = dt.datetime.combine(note.date, dt.time(0, 0), tzinfo=dt.timezone.utc)
    props.title = note.title
    props.subject = note.meeting_title
    props.author = note.organization
    props.last_modified_by = note.organization
    props.keywords = ", ".join(note.keywords)
    props.language = note.language
    props.created = midnight
    props.modified = midnight
    props.revision = 1
    for name in ("category", "comments", "content_status", "identifier", "version"):
        setattr(props, name, "")
    printed = props._element.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
                                  "lastPrinted")
    if printed is not None:  # python-docx can set but not remove it
        printed.getparent().remove(printed)


def zip_entries(entries: list[tuple[str, bytes]]) -> bytes:
    """Writes entries in the given order with fixed times and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return out.getvalue()


def save(document: Document) -> bytes:
    """The document as DOCX bytes, its zip rewritten deterministically."""
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return zip_entries(entries)
