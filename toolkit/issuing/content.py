"""What a document prints, apart from where its words were written: for telling whether the
document changed since it was issued, and for rewriting paths in a rebuilt issued version."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import replace

from toolkit.model.document import Note

# Where a thing was written, not what is printed: a moved line or a renamed copy is no change.
_WHERE = {"position", "source", "path", "annotation_position", "stem"}


def _key(value: object) -> object:
    if isinstance(value, tuple):
        return tuple(_key(item) for item in value)
    if dataclasses.is_dataclass(value):
        return (type(value).__name__,) + tuple(_key(getattr(value, f.name)) for f in dataclasses.fields(value)
                                               if f.name not in _WHERE)
    return value


def content_digest(note: Note) -> str:
    """The same for two versions that print the same, whatever their symbol (a revision changes it)."""
    unsymbolled = replace(note, symbol=None, running_head=None, masthead=replace(note.masthead, symbol=None))
    return hashlib.sha256(repr(_key(unsymbolled)).encode()).hexdigest()
