"""A note's language: its file name (notes/NAME.ru.md is the Russian version of notes/NAME.md)
and front matter `language:` -> the language code, checked against meeting.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.errors import Diagnostics, Position
from toolkit.model.document import Note
from toolkit.model.meeting import Meeting
from toolkit.model.wording import LANGUAGES
from toolkit.sources.meeting_languages import NAMES, language_code
from toolkit.sources.yamlfile import Map, Str

TRANSLATION = re.compile(rf"^(?P<original>.+)\.(?P<code>{'|'.join(LANGUAGES)})$")
# Before the language was data, `language:` held the masthead's line itself.
_OLD_LINE = re.compile(r"^(?:original\s*:\s*)?(?P<name>[a-z]+)(?:\s+only)?$", re.I)


def translation_of(stem: str) -> tuple[str, str] | None:
    """'5d-low-carbon-cities.ru' -> ('5d-low-carbon-cities', 'ru'); an original -> None."""
    match = TRANSLATION.match(stem)
    return (match["original"], match["code"]) if match else None


@dataclass(frozen=True)
class NoteLanguage:
    code: str
    position: Position  # where it is decided: the `language:` line, or the file's first line


def note_language(data: Map, rel: str, stem: str, meeting: Meeting, diags: Diagnostics) -> NoteLanguage | None:
    """The document's language: the file name's suffix for a translation, else `language:`, else the
    meeting's. Every problem is reported; None when the language cannot be known."""
    suffix = translation_of(stem)
    value = data.get("language")
    written = None
    if isinstance(value, Str) and value.strip():
        written = _written_code(value, diags)
        if written is None:
            return None
    elif value is not None:
        diags.error(value.pos, "'language' is a language code such as 'en'")
        return None
    where = value.pos if written else Position(rel, 1, 1)
    if suffix is not None and written is not None and written != suffix[1]:
        diags.error(value.pos, f"the file name says {NAMES[suffix[1]]} ({stem}.md) but 'language' says "
                               f"{NAMES[written]}: remove 'language:' (a translation's language is its file name's)")
        return None
    code = suffix[1] if suffix else written or meeting.language
    if code not in meeting.languages:
        diags.error(where, f"{NAMES[code]} ({code}) is not one of the meeting's languages "
                           f"({', '.join(meeting.languages)}): add it to meeting.yaml 'languages:'")
        return None
    if meeting.words(code) is None:
        diags.error(where, f"meeting.yaml gives the meeting's title, venue and organization in "
                           f"{NAMES[meeting.language]} only: add 'translations: {code}:' with organization, title, "
                           f"venue and the agenda titles in {NAMES[code]}, which this document's masthead prints")
        return None
    return NoteLanguage(code, where)


def _written_code(value: Str, diags: Diagnostics) -> str | None:
    """`language: ru` (or `Russian`); the old masthead lines that name one language ("English only",
    "Original: English") still mean that language; any other old line is refused, saying what to write."""
    text = value.strip()
    if text.lower() in LANGUAGES or text.lower() in (n.lower() for n in NAMES.values()):
        return language_code(value, diags, "language")
    old = _OLD_LINE.match(text)
    if old and old["name"].lower() in (n.lower() for n in NAMES.values()):
        return language_code(Str(old["name"], value.pos), diags, "language")
    diags.error(value.pos, f"'language' is now the document's language, such as 'language: en' "
                           f"({', '.join(LANGUAGES)}), not the masthead's line {text!r}: that line is made from "
                           "meeting.yaml 'languages:' and the translations in notes/ (NAME.ru.md, NAME.zh.md)")
    return None


def check_translation(data: Map, rel: str, original: Note | None, original_rel: str, code: str,
                      diags: Diagnostics) -> bool:
    """A translation needs its original, in another language, and keeps its item and symbol."""
    if original is None:
        diags.consequence(Position(rel, 1, 1), f"a translation needs its original {original_rel} (the document "
                                               "in its first language), which is missing or has errors", original_rel)
        return False
    if original.language_code == code:
        diags.error(Position(rel, 1, 1), f"{original_rel} is already in {NAMES[code]}: a translation is in "
                                         "another language")
        return False
    ok = True
    for key, mine in (("symbol", original.symbol), ("item", original.item_citation)):
        value = data.get(key)
        if isinstance(value, Str) and mine is not None and _norm(value) != _norm(mine):
            diags.error(value.pos, f"a translation has its original's {key} ({mine}), not {value.strip()!r}: "
                                   f"remove '{key}:' to take it from {original_rel}")
            ok = False
    return ok


def _norm(text: str) -> str:
    return re.sub(r"[\s()]", "", text).lower()
