"""Source file bytes -> text, refusing encodings other than UTF-8 (and UTF-16 with BOM)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from toolkit.errors import Diagnostics, Position

# Sources are pasted from Word and e-mail: a megabyte-sized note is already
# unusual, so anything past this is refused rather than slowly laid out.
MAX_SOURCE_BYTES = 5 * 1024 * 1024
MAX_REPORTED_CHARACTERS = 20  # per file: the first ones are enough to find the paste

# Characters no document should carry: control characters (XML cannot even hold most of
# them, so the DOCX could not be written), noncharacters, and the bidirectional
# overrides and isolates that can make text read other than it is stored.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
_HINTS = {
    "\x0b": "a manual line break pasted from Word: end the line with two spaces or a backslash instead",
    "\x0c": "a page break pasted from Word: remove it",
    "\x00": "a NUL character: the file may be damaged or not text",
}


def decode(data: bytes, rel: str, diags: Diagnostics) -> str | None:
    if len(data) > MAX_SOURCE_BYTES:
        diags.error(Position(rel, 1), f"file is larger than the limit of {MAX_SOURCE_BYTES // (1024 * 1024)} MB")
        return None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(_normalize_newlines(data.decode("utf-16")), rel, diags)
        except UnicodeDecodeError as exc:
            diags.error(_byte_position(data, exc.start, rel), "invalid UTF-16 text; save the file as UTF-8")
            return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        diags.error(_byte_position(data, exc.start, rel),
                    "the file is not UTF-8 text (perhaps Latin-1 or Windows-1252); save it as UTF-8")
        return None
    return _checked(_normalize_newlines(text), rel, diags)


def _checked(text: str, rel: str, diags: Diagnostics) -> str | None:
    """The text, or None after reporting each forbidden character with its line and column."""
    found = 0
    for match in _FORBIDDEN.finditer(text):
        found += 1
        if found > MAX_REPORTED_CHARACTERS:
            break
        ch = match.group(0)
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        name = unicodedata.name(ch, "control character")
        hint = _HINTS.get(ch) or ("a bidirectional control character, which can make text read other than "
                                  "it is: remove it" if "\u202a" <= ch <= "\u2069" else "remove it")
        diags.error(Position(rel, line, col), f"character U+{ord(ch):04X} ({name}) is not allowed: {hint}")
    return None if found else text


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


HARD_LIMIT_FACTOR = 10  # a source past ten times the word limit is refused before it is read as Markdown


def too_long(text: str, rel: str, word_limit: int, diags: Diagnostics) -> bool:
    """Whether a source is past the hard size; counted before any Markdown parsing, which on a
    pasted file of tens of thousands of paragraphs would take long to reach the same answer."""
    hard = word_limit * HARD_LIMIT_FACTOR
    words = len(text.split())
    if words <= hard:
        return False
    diags.error(Position(rel, 1, 1), f"the file has {words:,} words, more than ten times the word limit "
                                     f"({hard:,}): a document this long cannot be a meeting document; was "
                                     "something pasted into it by mistake?")
    return True
