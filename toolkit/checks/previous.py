"""Words left from the previous meeting's documents: its short title, or its year, where the
text speaks of the current meeting.

A note is often started from last year's. "SOM-25" in a SOM-26 note is then either a
leftover or a true reference to the past ("since SOM-25", "SOM-25, held in Tokyo"). The
rule, to keep false alarms rare:

- the previous short title (the current one with its number less one) is a warning unless
  its sentence marks the past: a word such as "since", "held", "last", "previous", "was",
  "decided", "requested", or the current meeting named beside it ("between SOM-25 and
  SOM-26");
- the previous year (the year before the meeting starts) is a warning where it follows
  the current meeting's name in a sentence ("SOM-26, to be held in Seoul in November
  2022"), before any other meeting is named.

Older meetings (SOM-21) are never flagged: nobody pastes those as current."""

from __future__ import annotations

import re

from toolkit.errors import Diagnostics, Position
from toolkit.model.meeting import Meeting

_PAST = re.compile(r"\b(since|held|last|previous(ly)?|earlier|prior|ago|after|following|between|was|were|had|"
                   r"decided|requested|adopted|approved|endorsed|agreed|noted|welcomed|took|reviewed|launched|"
                   r"recommended|outcomes?|report of)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def previous_short_title(short_title: str | None) -> str | None:
    """SOM-27 -> SOM-26: the last number in the short title, less one."""
    if not short_title:
        return None
    match = re.search(r"(\d+)(?!.*\d)", short_title)
    if not match or int(match.group(1)) <= 1:
        return None
    return f"{short_title[:match.start()]}{int(match.group(1)) - 1}{short_title[match.end():]}"


_WILL_BE = re.compile(r"\b(will|to) be (held|hosted|organized|convened)\b", re.I)


def _venue(meeting: Meeting, texts: dict[str, str], diags: Diagnostics) -> None:
    """The previous meeting's city (meeting.yaml `previous_venue`, which `toolkit roll` writes)
    where a sentence speaks of the current meeting or of one to come: a venue left over."""
    city = (meeting.previous_venue or "").split(",")[0].strip()
    if not city or city.lower() in meeting.venue.lower():
        return
    mention = re.compile(rf"(?<!\w){re.escape(city)}(?!\w)")
    current = re.compile(rf"(?<![\w-]){re.escape(meeting.short_title)}(?!\d)" if meeting.short_title else r"(?!)")
    for rel, text in texts.items():
        for index, line in enumerate(text.split("\n")):
            for found in mention.finditer(line):
                sentence = _sentence(line, found.start())
                if current.search(sentence) or _WILL_BE.search(sentence) or "meeting.venue" in sentence:
                    diags.warning(Position(rel, index + 1, found.start() + 1),
                                  f"{city} is where the previous meeting was held (previous_venue); "
                                  f"this meeting is in {meeting.venue}")


def check(meeting: Meeting, texts: dict[str, str], diags: Diagnostics) -> None:
    _venue(meeting, texts, diags)
    previous = previous_short_title(meeting.short_title)
    if previous is None or meeting.short_title is None:
        return
    current = meeting.short_title
    prefix = re.escape(current[:re.search(r"(\d+)(?!.*\d)", current).start()])
    mention = re.compile(rf"(?<![\w-]){re.escape(previous)}(?!\d)")
    current_names = re.compile(rf"(?<![\w-]){re.escape(current)}(?!\d)|\{{\{{\s*meeting\.short_title\s*\}}\}}")
    any_meeting = re.compile(rf"(?<![\w-]){prefix}\d+")
    year = re.compile(rf"(?<!\d){meeting.start.year - 1}(?![\d-])")
    for rel, text in texts.items():
        for index, line in enumerate(text.split("\n")):
            for found in mention.finditer(line):
                sentence = _sentence(line, found.start())
                if not _PAST.search(sentence) and not current_names.search(sentence):
                    diags.warning(Position(rel, index + 1, found.start() + 1),
                                  f"{previous!r} is the previous meeting: if this means the current one, write "
                                  f"{current} (or {{{{ meeting.short_title }}}}); a mention of the past is "
                                  "recognized by a word such as 'since' or 'held' in its sentence")
            for named in current_names.finditer(line):
                end = _SENTENCE_END.search(line, named.end())
                rest = line[named.end(): end.start() if end else len(line)]
                other = any_meeting.search(rest)
                stale = year.search(rest[: other.start()] if other else rest)
                if stale:
                    col = named.end() + stale.start() + 1
                    diags.warning(Position(rel, index + 1, col),
                                  f"{meeting.start.year - 1} beside {current}, which starts on "
                                  f"{meeting.start.isoformat()}: a date left from the previous meeting?")


def _sentence(line: str, at: int) -> str:
    starts = [m.end() for m in _SENTENCE_END.finditer(line, 0, at)]
    end = _SENTENCE_END.search(line, at)
    return line[(starts[-1] if starts else 0): end.start() if end else len(line)]
