"""Which languages a document is issued in -> the masthead's language lines, as UN documents print them.

- The meeting works in one language (meeting.yaml `languages: [en]`, the default): "English only".
- A document issued in every language of the meeting: "Original: English" in the original;
  a translation names its own language above it ("Russian", then "Original: English").
- A document issued in some of them only: "Chinese and English only" in each version.
The words are those of the version's top-right block (English in Russian and Chinese documents).
"""

from __future__ import annotations

from dataclasses import replace

from toolkit.model.document import Note
from toolkit.model.meeting import Meeting
from toolkit.model.wording import for_language


def language_lines(code: str, original: str, issued: set[str], meeting: tuple[str, ...]) -> tuple[str | None, str]:
    """(the version line or None, the language line) of the version in `code`."""
    w = for_language(code)
    if len(meeting) > 1 and set(meeting) <= issued:
        return (w.version_line(code) if code != original else None), w.original_line(original)
    return None, w.only_line(sorted(issued))


def apply_language_lines(meeting: Meeting, documents: list[Note]) -> list[Note]:
    """Every document's masthead, once all versions of each are known (the notes, their
    translations and the annexes issued on their own, which share their note's versions)."""
    issued: dict[str, set[str]] = {}
    original: dict[str, str] = {}
    for doc in documents:
        key = doc.original_stem or doc.stem
        issued.setdefault(key, set()).add(doc.language_code)
        if doc.stem == key:
            original[key] = doc.language_code
    out = []
    for doc in documents:
        key = doc.original_stem or doc.stem
        version, line = language_lines(doc.language_code, original.get(key, doc.language_code), issued[key],
                                       meeting.languages)
        out.append(replace(doc, masthead=replace(doc.masthead, language=line, version_line=version)))
    return out
