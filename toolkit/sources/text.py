"""Source file bytes -> text, refusing encodings other than UTF-8 (and UTF-16 with BOM)."""

from __future__ import annotations

import codecs
from pathlib import Path

from toolkit.diagnostics import Diagnostics, Position

# Sources are pasted from Word and e-mail: a megabyte-sized note is already
# unusual, so anything past this is refused rather than slowly laid out.
MAX_SOURCE_BYTES = 5 * 1024 * 1024


def decode(data: bytes, rel: str, diags: Diagnostics) -> str | None:
    if len(data) > MAX_SOURCE_BYTES:
        diags.error(Position(rel, 1), f"file is larger than the limit of {MAX_SOURCE_BYTES // (1024 * 1024)} MB")
        return None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _normalize_newlines(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            diags.error(_byte_position(data, exc.start, rel), "invalid UTF-16 text; save the file as UTF-8")
            return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        diags.error(_byte_position(data, exc.start, rel),
                    "the file is not UTF-8 text (perhaps Latin-1 or Windows-1252); save it as UTF-8")
        return None
    return _normalize_newlines(text)


def read_source(root: Path, rel: str, diags: Diagnostics) -> str | None:
    try:
        data = (root / rel).read_bytes()
    except OSError as exc:
        diags.error(Position(rel, 1), f"cannot read the file: {exc.strerror or exc}")
        return None
    return decode(data, rel, diags)


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _byte_position(data: bytes, offset: int, rel: str) -> Position:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return Position(rel, line, col)
