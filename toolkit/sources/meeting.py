"""meeting.yaml -> a validated Meeting with its agenda, every problem reported."""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.errors import Diagnostics, Position
from toolkit.model.meeting import NEASPEC_MEMBER_STATES, AgendaItem, Meeting, find_item
from toolkit.model.wording import for_language
from toolkit.sources import placeholders, schema
from toolkit.sources.meeting_languages import meeting_languages, translations
from toolkit.model.document import Image
from toolkit.sources.images import SUFFIX_FORMATS, check_image
from toolkit.sources.paths import inside_meeting
from toolkit.sources.participants_config import member_states, participants_source
from toolkit.sources.text import read_source
from toolkit.sources.yamlfile import Map, Str, load_mapping

MEETING_FILE = "meeting.yaml"
DEFAULT_WORD_LIMIT = 8500  # the UN's limit for a report of the Secretariat
_KEYS = {"organization", "title", "short_title", "start", "end", "venue", "symbol", "agenda",
         "issued", "deadline", "word_limit", "agenda_symbol", "annotated_agenda_symbol", "documents_list_symbol",
         "member_states",
         "participants", "previous_venue", "distribution", "emblem", "emblem_alt", "language", "languages",
         "translations", "agenda_adopted_under", "documents_list_date", "secretariat", "agenda_in_report"}
NO_DISTRIBUTION = "none"  # `distribution: none`: no "Distr.:" line in any masthead, no Distribution column
_ITEM_KEYS = {"number", "title", "annotation", "items"}
_SUBITEM_KEYS = {"letter", "title", "annotation"}
_NUMBER = re.compile(r"[1-9][0-9]{0,2}")
_LETTER = re.compile(r"[a-z]")


def load_meeting(root: Path, diags: Diagnostics) -> Meeting | None:
    text = read_source(root, MEETING_FILE, diags)
    if text is None:
        return None
    data = load_mapping(text, MEETING_FILE, diags, "meeting.yaml (organization, title, ...)")
    if data is None:
        return None
    schema.check_keys(data, _KEYS, diags, "meeting.yaml")
    organization = schema.string_list(data, "organization", diags, required=True)
    title = schema.string(data, "title", diags, required=True)
    short_title = schema.string(data, "short_title", diags)
    start = schema.date(data, "start", diags, required=True)
    end = schema.date(data, "end", diags)
    venue = schema.string(data, "venue", diags, required=True)
    symbol = schema.string(data, "symbol", diags)
    issued = schema.date(data, "issued", diags)
    symbols = {key: schema.string(data, key, diags) for key in
               ("agenda_symbol", "annotated_agenda_symbol", "documents_list_symbol")}
    documents_list_date = schema.date(data, "documents_list_date", diags)
    secretariat = schema.string_list(data, "secretariat", diags)
    agenda_in_report = schema.choice(data, "agenda_in_report", ("true", "false"), "false", diags) == "true"
    deadline = schema.date(data, "deadline", diags)
    if deadline and start and deadline > start:
        diags.error(data["deadline"].pos, f"the documentation deadline ({deadline.isoformat()}) is after the "
                                          f"meeting starts ({start.isoformat()})")
    word_limit = _word_limit(data, diags)
    previous_venue = schema.string(data, "previous_venue", diags)  # written by `toolkit roll`
    distribution = _distribution(data, diags)
    emblem = _emblem(root, data, diags)
    emblem_alt = schema.string(data, "emblem_alt", diags)
    if start and end and end < start:
        diags.error(data["end"].pos, f"the meeting ends ({end.isoformat()}) before it starts ({start.isoformat()})")
        end = None
    # A value still a placeholder is reported; a stand-in lets the notes be checked too (nothing is built).
    title = title or (placeholders.STAND_IN_TEXT if schema.placeholder(data, "title") else None)
    venue = venue or (placeholders.STAND_IN_TEXT if schema.placeholder(data, "venue") else None)
    start = start or (placeholders.STAND_IN_DATE if schema.placeholder(data, "start") else None)
    agenda = _agenda(data, diags, text.split("\n"))
    language, languages = meeting_languages(data, diags)
    translated = translations(data, language, agenda, diags, lambda citation: find_item(agenda, citation))
    adopted_under = _agenda_adopted_under(data, agenda, diags)
    if agenda_in_report and adopted_under is None and "agenda_adopted_under" not in data:
        diags.error(data["agenda_in_report"].pos, "agenda_in_report prints the agenda in the section of the item "
                                                  "it is adopted under: name it with agenda_adopted_under (\"3\")")
    states = member_states(data, diags)
    participants = participants_source(root, data, symbol, diags)
    if organization is None or title is None or start is None or venue is None:
        return None
    return Meeting(
        organization=tuple(str(line) for line in organization),
        title=str(title),
        short_title=_plain(short_title),
        start=start,
        end=end,
        dates=for_language(language).date_range(start, end),
        venue=str(venue),
        symbol=_plain(symbol),
        agenda=tuple(agenda),
        source=MEETING_FILE,
        issued=issued,
        agenda_symbol=_plain(symbols["agenda_symbol"]) or _derived(symbol, "/L.1"),
        annotated_agenda_symbol=_plain(symbols["annotated_agenda_symbol"]) or _derived(symbol, "/L.1/Add.1"),
        documents_list_symbol=_plain(symbols["documents_list_symbol"]) or _derived(symbol, "/INF/1"),
        member_states=states or NEASPEC_MEMBER_STATES,
        participants=participants,
        deadline=deadline,
        word_limit=word_limit,
        previous_venue=_plain(previous_venue),
        symbol_positions=_symbol_positions(data),
        distribution_shown=distribution != NO_DISTRIBUTION,
        emblem=emblem,
        emblem_alt=str(emblem_alt) if emblem_alt else f"Emblem of the {organization[0]}" if organization else "",
        language=language,
        languages=languages,
        translations=translated,
        agenda_adopted_under=adopted_under,
        documents_list_date=documents_list_date,
        secretariat=_secretariat(secretariat, organization),
        agenda_in_report=agenda_in_report,
        date_positions=tuple((key, data[key].pos) for key in ("issued", "documents_list_date") if key in data),
    )


def _secretariat(given: list[Str] | None, organization: list[Str]) -> tuple[str, ...]:
    """meeting.yaml `secretariat`; without it, the body that issues the documents (the last line of
    `organization`, below "United Nations")."""
    names = given if given is not None else organization[-1:] if len(organization) > 1 else []
    return tuple(" ".join(name.split()) for name in names if name.strip())


def _emblem(root: Path, data: Map, diags: Diagnostics) -> Image | None:
    """`emblem: figures/emblem.svg`: a picture of the meeting folder, checked as a figure's is."""
    value = schema.string(data, "emblem", diags)
    if value is None:
        return None
    rel = inside_meeting(root, str(value), value.pos, diags, "emblem file", tuple(SUFFIX_FORMATS),
                         "a .png, .jpg or .svg picture")
    info = check_image(root, rel, value.pos, diags) if rel else None
    return Image(info.path, info.sha256, info.format, info.width, info.height) if info else None


def _agenda_adopted_under(data: Map, agenda: list[AgendaItem], diags: Diagnostics) -> str | None:
    """`agenda_adopted_under: "3"`: the item under which the Meeting adopts its agenda; the provisional
    and annotated agendas are its documents (the list of documents, the annotated agenda)."""
    value = schema.string(data, "agenda_adopted_under", diags)
    if value is None:
        return None
    found = find_item(tuple(agenda), str(value))
    if found is None:
        items = ", ".join(i.citation for top in agenda for i in (top, *top.subitems)) or "none"
        diags.error(value.pos, f"'agenda_adopted_under' names item {str(value)!r}, which the agenda does not have "
                               f"(its items: {items})")
        return None
    return found[0].citation


def _word_limit(data: Map, diags: Diagnostics) -> int:
    value = schema.string(data, "word_limit", diags)
    if value is None:
        return DEFAULT_WORD_LIMIT
    digits = value.replace(",", "")
    if not digits.isascii() or not digits.isdigit() or int(digits) == 0:
        diags.error(value.pos, f"'word_limit' must be a whole number of words such as 8500, not {str(value)!r}")
        return DEFAULT_WORD_LIMIT
    return int(digits)


def _distribution(data: Map, diags: Diagnostics) -> str | None:
    """`distribution: none`: the meeting's documents print no "Distr.:" line (a meeting outside the UN's
    documentation); each document's own distribution is a note's front matter `distribution:`."""
    value = schema.string(data, "distribution", diags)
    if value is None or value.strip().lower() == NO_DISTRIBUTION:
        return None if value is None else NO_DISTRIBUTION
    diags.error(value.pos, f"'distribution' in meeting.yaml can only be {NO_DISTRIBUTION!r} (no \"Distr.:\" line "
                           f"in any document), not {str(value)!r}; a document's distribution is set in its "
                           "front matter")
    return None


def _symbol_positions(data: Map) -> tuple[tuple[str, Position], ...]:
    """key -> where its symbol is written; a derived symbol is placed at the meeting's `symbol`."""
    base = data["symbol"].pos if "symbol" in data else None
    found = []
    for key in ("agenda_symbol", "annotated_agenda_symbol", "documents_list_symbol"):
        where = data[key].pos if key in data else base
        if where is not None:
            found.append((key, where))
    block = data.get("participants")
    if isinstance(block, Map):
        where = block["symbol"].pos if "symbol" in block else base
        if where is not None:
            found.append(("participants", where))
    return tuple(found)


def _plain(value: Str | None) -> str | None:
    return str(value) if value is not None else None


def _derived(base: Str | None, suffix: str) -> str | None:
    """Agenda documents' symbols follow the meeting's: ESCAP/NEASPEC/SOM(26)/L.1."""
    return f"{base}{suffix}" if base else None


def _annotation_position(value: Str | None, lines: list[str]) -> Position | None:
    """Where an annotation's text starts; for a '|' block, its column is the block's indentation + 1."""
    if value is None:
        return None
    if not value.block:
        return value.pos
    for index in range(value.pos.line, len(lines)):  # lines after the '|' line (0-based index = line)
        if lines[index].strip():
            indent = len(lines[index]) - len(lines[index].lstrip(" "))
            return Position(value.pos.path, index + 1, indent + 1)
    return Position(value.pos.path, value.pos.line + 1, 1)


def _agenda(data: Map, diags: Diagnostics, lines: list[str]) -> list[AgendaItem]:
    entries = schema.mapping_list(data, "agenda", diags, required=True) or []
    items: list[AgendaItem] = []
    seen: dict[str, Position] = {}
    for entry in entries:
        schema.check_keys(entry, _ITEM_KEYS, diags, "agenda item")
        number = schema.string(entry, "number", diags, required=True)
        title = schema.string(entry, "title", diags, required=True)
        annotation = schema.string(entry, "annotation", diags)
        if number is not None and not _NUMBER.fullmatch(number):
            diags.error(number.pos, f"agenda item number {str(number)!r} must be a whole number such as \"5\"")
            number = None
        if number is not None:
            if number in seen:
                diags.error(number.pos,
                            f"duplicate agenda item number {str(number)!r} (first on line {seen[number].line})")
            seen[number] = number.pos
        subitems = []
        letters: dict[str, Position] = {}
        for sub in schema.mapping_list(entry, "items", diags) or []:
            schema.check_keys(sub, _SUBITEM_KEYS, diags, "agenda sub-item")
            letter = schema.string(sub, "letter", diags, required=True)
            sub_title = schema.string(sub, "title", diags, required=True)
            sub_annotation = schema.string(sub, "annotation", diags)
            if letter is not None and not _LETTER.fullmatch(letter):
                diags.error(letter.pos,
                            f"agenda sub-item letter {str(letter)!r} must be one lower-case letter such as \"d\"")
                continue
            if letter is not None and letter in letters:
                diags.error(letter.pos, f"duplicate letter {str(letter)!r} under item {number} "
                                        f"(first on line {letters[letter].line})")
                continue
            if letter is None or sub_title is None or number is None:
                continue
            letters[letter] = letter.pos
            subitems.append(AgendaItem(number=str(number), letter=str(letter), title=str(sub_title),
                                       annotation=_plain(sub_annotation), subitems=(), position=sub.pos,
                                       annotation_position=_annotation_position(sub_annotation, lines),
                                       annotation_block=bool(sub_annotation and sub_annotation.block)))
        if number is None or title is None:
            continue
        items.append(AgendaItem(number=str(number), letter=None, title=str(title), annotation=_plain(annotation),
                                subitems=tuple(subitems), position=entry.pos,
                                annotation_position=_annotation_position(annotation, lines),
                                annotation_block=bool(annotation and annotation.block)))
    return items

