"""`toolkit roll OLD NEW`: the next meeting's folder made from the last one's.

The copy keeps the agenda, its annotations, the notes, annexes, tables and figures (the notes
and annexes as drafts to revise). It moves the meeting's number on (title, short title, symbols,
the notes' symbols), and puts placeholders in place of what belongs to the last meeting: its
dates, venue, the notes' dates, the report's adoption date and the registration export, so that
`toolkit check` refuses the new meeting until they are filled. Each note's date line says it is a
draft carried over. Not copied: build and output folders, .toolkit-cache, the registrations
(last year's participants). Values are edited in the text, so comments and layout stay.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from toolkit.drafting.mentions import LastMeeting, mentions
from toolkit.drafting.moveon import move_on, number_of
from toolkit.drafting.moveon_languages import move_on_in
from toolkit.errors import Refused
from toolkit.drafting.yamltext import Span, replace, scalar, spans
from toolkit.sources.frontmatter import split
from toolkit.sources.meeting import MEETING_FILE
from toolkit.sources.note_language import translation_of
from toolkit.sources.yaml_words import explain

MOVED_ON = [("title",), ("short_title",), ("symbol",), ("agenda_symbol",), ("annotated_agenda_symbol",),
            ("documents_list_symbol",), ("participants", "symbol")]
CLEARED = {("start",): "[First day of the meeting: YYYY-MM-DD]", ("end",): "[Last day of the meeting: YYYY-MM-DD]",
           ("issued",): "[Date of issue of the agenda documents: YYYY-MM-DD]", ("venue",): "[City, country]",
           ("participants", "file"): "[Registration export, e.g. registrations/registrations.csv]"}
NOTE_DATE = "[Date of issue: YYYY-MM-DD]"
ADOPTED = "[Date the report is adopted: YYYY-MM-DD]"
NOT_COPIED = {".toolkit-cache", ".git", ".DS_Store", "__pycache__"}
ROOT_NOT_COPIED = {"build", "registrations", "issued"}  # issued/: last year's records of documents sent


@dataclass
class Rolled:
    old: int
    new: int
    moved: list[str] = field(default_factory=list)  # meeting.yaml:4: title: Twenty-seventh ...
    cleared: list[str] = field(default_factory=list)  # meeting.yaml:6: start (was 2023-11-23)
    revisit: list[str] = field(default_factory=list)  # notes/5d-low-carbon-cities.md:37: SOM-25: ...
    left_out: list[str] = field(default_factory=list)  # registrations/


def roll(old: Path, new: Path) -> Rolled:
    if not (old / MEETING_FILE).is_file():
        raise Refused(old, f"not a meeting folder (it has no {MEETING_FILE})")
    if new.exists() or new.is_symlink():
        raise Refused(new, "already exists: nothing was written; name a folder that does not exist yet")
    if new.resolve().is_relative_to(old.resolve()):
        raise Refused(new, f"is inside {old}: put the new meeting beside the old one")
    text = (old / MEETING_FILE).read_text(encoding="utf-8")
    values = _spans(text, old / MEETING_FILE)  # a refusal names the file as given
    number = number_of(*(values[(key,)].value if (key,) in values else None
                         for key in ("short_title", "symbol", "title")))
    if number is None or number >= 99:
        raise Refused(old / MEETING_FILE, "cannot tell the meeting's number: give it a short_title such as "
                                          "SOM-26 or a symbol such as ESCAP/NEASPEC/SOM(26)")
    result = Rolled(number, number + 1)
    last = LastMeeting(number, _value(values, "short_title"), _value(values, "symbol"),
                       _date(_value(values, "start")), _date(_value(values, "end")), _value(values, "venue"))
    registrations = _value(values, "participants", "file")

    new.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{new.name}.", dir=new.parent))  # renamed into place when whole
    try:
        target = staging / "meeting"
        shutil.copytree(old, target, symlinks=True, ignore=_ignore(old, registrations, result.left_out))
        edited: set[tuple[str, int]] = set()
        (target / MEETING_FILE).write_text(_meeting(text, values, result, edited), encoding="utf-8")
        for note in sorted((target / "notes").glob("*.md")) if (target / "notes").is_dir() else []:
            rel = f"notes/{note.name}"
            note.write_text(_note(note.read_text(encoding="utf-8"), rel, last, result, edited), encoding="utf-8")
        result.revisit = mentions(target, last, edited)
        os.rename(target, new)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _spans(text: str, path: Path) -> dict[tuple[str, ...], Span]:
    try:
        return spans(text)
    except yaml.MarkedYAMLError as exc:
        line, col, said = explain(exc, text)
        raise Refused(f"{path}:{line + 1}:{col + 1}", f"{said}; `toolkit check` it first") from exc
    except yaml.YAMLError as exc:
        raise Refused(path, f"YAML error: {exc}") from exc


def _value(values: dict, *path: str) -> str | None:
    span = values.get(path)
    return span.value if span is not None else None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _ignore(old: Path, registrations: str | None, left_out: list[str]):
    root = old.resolve()
    export = (root / registrations).resolve() if registrations else None

    def ignore(folder: str, names: list[str]) -> list[str]:
        here = Path(folder).resolve()
        skipped = []
        for name in names:
            path = here / name
            if (name in NOT_COPIED or name.startswith("~$") or (here == root and name in ROOT_NOT_COPIED)
                    or path == export or (path.is_dir() and (path / "manifest.json").exists())):
                skipped.append(name)
                left_out.append(path.relative_to(root).as_posix() + ("/" if path.is_dir() else ""))
        return skipped
    return ignore


def _meeting(text: str, values: dict, result: Rolled, edited: set) -> str:
    edits = []
    # the meeting's words in the other languages (translations: ru: title:) move on in their own words
    translated = [p for p in values if len(p) == 3 and p[0] == "translations" and p[2] in ("title", "short_title")]
    for path in [*MOVED_ON, *translated]:
        span = values.get(path)
        if span is None or span.block:
            continue
        language = path[1] if path in translated else "en"
        source = text[span.start:span.end]
        moved = move_on_in(source, result.old, language)
        if moved != source:
            edits.append((span, moved))
            result.moved.append(f"{MEETING_FILE}:{span.line}: {'.'.join(path)}: "
                                f"{move_on_in(span.value, result.old, language)}")
            edited.add((MEETING_FILE, span.line))
    for path, placeholder in CLEARED.items():
        span = values.get(path)
        if span is not None and not span.block:
            edits.append((span, scalar(placeholder)))
            result.cleared.append(f"{MEETING_FILE}:{span.line}: {'.'.join(path)} (was {span.value})")
            edited.add((MEETING_FILE, span.line))
    rolled = replace(text, edits)
    venue = values.get(("venue",))
    if venue is not None and not venue.block and ("previous_venue",) not in values:
        # appended, so no line of the file moves: `toolkit check` flags this venue written as the new one's
        rolled = rolled.rstrip("\n") + (f"\nprevious_venue: {scalar(venue.value)}  # where "
                                        f"{_short(values, result.old)} was held\n")
    return rolled


def _short(values: dict, number: int) -> str:
    return _value(values, "short_title") or f"meeting {number}"


def _note(text: str, rel: str, last: LastMeeting, result: Rolled, edited: set) -> str:
    parts = split(text)
    if isinstance(parts, str) or parts.yaml is None:
        return text
    offset = len(text.split("\n", 1)[0]) + 1  # the front matter starts after the first '---' line
    try:
        values = spans(parts.yaml)
    except yaml.YAMLError:
        return text  # `toolkit check` reports it where it is
    edits = []
    translation = translation_of(Path(rel).name.removesuffix(".md"))
    title = values.get(("title",))
    if translation and title is not None and not title.block:  # a translation's title follows its meeting
        moved = move_on_in(parts.yaml[title.start:title.end], result.old, translation[1])
        if moved != parts.yaml[title.start:title.end]:
            edits.append((title, moved))
            result.moved.append(f"{rel}:{title.line + 1}: title: {move_on_in(title.value, result.old, translation[1])}")
            edited.add((rel, title.line + 1))
    symbol = values.get(("symbol",))
    if symbol is not None and not symbol.block and move_on(symbol.value, result.old) != symbol.value:
        edits.append((symbol, move_on(parts.yaml[symbol.start:symbol.end], result.old)))
        result.moved.append(f"{rel}:{symbol.line + 1}: symbol: {move_on(symbol.value, result.old)}")
        edited.add((rel, symbol.line + 1))
    short = last.short_title or f"meeting {result.old}"
    for key, placeholder, mark in (("date", NOTE_DATE, f"  # a draft carried over from {short}: revise it"),
                                   ("adopted", ADOPTED, "")):
        span = values.get((key,))
        if span is not None and not span.block:
            edits.append((span, scalar(placeholder) + mark))
            result.cleared.append(f"{rel}:{span.line + 1}: {key} (was {span.value})")
            edited.add((rel, span.line + 1))
    shifted = [(Span(s.start + offset, s.end + offset, s.value, s.line, s.block), new) for s, new in edits]
    return _undeclared(replace(text, shifted), rel, result)


def _undeclared(text: str, rel: str, result: Rolled) -> str:
    """Last year's `revision:` and `corrigendum:` made into comments (lines stay where they were): the
    new meeting's document is a new one, issued for the first time."""
    lines = text.split("\n")
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
    inside = None
    for index in range(1, closing):
        line = lines[index]
        if line[:1] not in (" ", "") and not line.startswith("#"):
            inside = line.split(":", 1)[0].strip() if line.split(":", 1)[0].strip() in _UNDECLARED else None
            if inside:
                result.cleared.append(f"{rel}:{index + 1}: {inside} (made a comment: the new meeting's "
                                      "document is issued anew)")
        if inside:
            lines[index] = "# " + line
    return "\n".join(lines)


_UNDECLARED = ("revision", "corrigendum")
