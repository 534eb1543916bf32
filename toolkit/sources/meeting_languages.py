"""meeting.yaml `language`, `languages` and `translations` -> the meeting's languages and its words in each."""

from __future__ import annotations

from toolkit.suggest import did_you_mean
from toolkit.errors import Diagnostics
from toolkit.model.meeting import AgendaItem, MeetingWords
from toolkit.model.wording import DEFAULT_LANGUAGE, LANGUAGES
from toolkit.sources import schema
from toolkit.sources.yamlfile import Map, Str

_TRANSLATION_KEYS = {"organization", "title", "short_title", "venue", "agenda"}
NAMES = {"en": "English", "fr": "French", "ru": "Russian", "zh": "Chinese"}


def language_code(value: Str, diags: Diagnostics, key: str) -> str | None:
    """`ru`, `RU` or `Russian` -> "ru"; anything else is an error naming the codes."""
    text = value.strip()
    for code, name in NAMES.items():
        if text.lower() in (code, name.lower()):
            return code
    codes = ", ".join(f"{c} ({n})" for c, n in NAMES.items())
    diags.error(value.pos, f"{key!r} is a language code: {codes}, not {text!r}{did_you_mean(text.lower(), LANGUAGES)}")
    return None


def meeting_languages(data: Map, diags: Diagnostics) -> tuple[str, tuple[str, ...]]:
    """(the documents' default language, the languages the meeting's documents are issued in)."""
    value = schema.string(data, "language", diags)
    language = (language_code(value, diags, "language") if value is not None else None) or DEFAULT_LANGUAGE
    listed = schema.string_list(data, "languages", diags)
    if listed is None:
        return language, (language,)
    codes: list[str] = []
    for entry in listed:
        code = language_code(entry, diags, "languages")
        if code is not None and code not in codes:
            codes.append(code)
    if language not in codes and listed:
        diags.error(data["languages"].pos, f"'languages' must include the meeting's language ({language}): "
                                           f"write [{', '.join([language, *codes])}]")
        codes.insert(0, language)
    return language, tuple(codes) or (language,)


def translations(data: Map, language: str, agenda: list[AgendaItem], diags: Diagnostics,
                 find_item) -> tuple[tuple[str, MeetingWords], ...]:
    """`translations: {ru: {organization, title, venue, agenda: {"5": ..., "5 (d)": ...}}}`.
    find_item: citation -> (item, parent) or None (Meeting.find_item's job, before the Meeting exists)."""
    block = data.get("translations")
    if block is None:
        return ()
    if not isinstance(block, Map):
        diags.error(block.pos, "'translations' maps a language code to the meeting's words in it, such as "
                               "'ru: {title: ..., venue: ...}'")
        return ()
    out = []
    for key, words in block.items():
        code = language_code(Str(key, block.key_pos[key]), diags, "translations")
        if code is None:
            continue
        if code == language:
            diags.error(block.key_pos[key], f"'translations: {key}' repeats the meeting's own language: its "
                                            "words are the ones meeting.yaml gives above")
            continue
        if not isinstance(words, Map):
            diags.error(words.pos, f"'translations: {key}' holds organization, title, venue and agenda")
            continue
        schema.check_keys(words, _TRANSLATION_KEYS, diags, f"translations: {key}")
        organization = schema.string_list(words, "organization", diags, required=True)
        title = schema.string(words, "title", diags, required=True)
        venue = schema.string(words, "venue", diags, required=True)
        short_title = schema.string(words, "short_title", diags)
        items = _item_titles(words, find_item, diags)
        if organization is None or title is None or venue is None:
            continue
        out.append((code, MeetingWords(tuple(str(line) for line in organization), str(title), str(venue),
                                       str(short_title) if short_title else None, items, block.key_pos[key])))
    return tuple(out)


def _item_titles(words: Map, find_item, diags: Diagnostics) -> tuple[tuple[str, str], ...]:
    agenda = words.get("agenda")
    if agenda is None:
        return ()
    if not isinstance(agenda, Map):
        diags.error(agenda.pos, "'agenda' gives each item's title by its number: '\"5\": ...', '\"5 (d)\": ...'")
        return ()
    out = []
    for citation, title in agenda.items():
        found = find_item(str(citation))
        if found is None:
            diags.error(agenda.key_pos[citation], f"unknown agenda item {str(citation)!r} in translations")
            continue
        if not isinstance(title, Str) or not title.strip():
            diags.error(title.pos, f"the title of item {citation} is one line of text")
            continue
        out.append((found[0].key, title.strip()))
    return tuple(out)
