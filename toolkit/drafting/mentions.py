"""The text sources of a meeting -> each line that mentions the last meeting, for the drafter to revisit."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from toolkit.drafting.moveon import words_pattern
from toolkit.model.wording import ENGLISH

TEXT_SUFFIXES = (".md", ".yaml", ".yml", ".csv")


@dataclass(frozen=True)
class LastMeeting:
    number: int
    short_title: str | None  # SOM-26
    symbol: str | None  # ESCAP/NEASPEC/SOM(26)
    start: dt.date | None
    end: dt.date | None
    venue: str | None  # Seoul, Republic of Korea


def patterns(last: LastMeeting) -> list[re.Pattern]:
    """What reads as the last meeting (or the one before or after it, as it saw them)."""
    found: list[re.Pattern] = []
    numbers = [n for n in (last.number - 1, last.number, last.number + 1) if 1 <= n <= 99]
    prefix = re.match(r"(.*?)\d+\s*$", last.short_title or "")
    if prefix and prefix[1].strip():
        found += [re.compile(rf"(?<![\w-]){re.escape(prefix[1])}{n}(?!\d)") for n in numbers]
    series = re.search(r"([^/]*)\(\d+\)\s*$", last.symbol or "")
    if series:
        found += [re.compile(rf"{re.escape(series[1])}\({n}\)") for n in numbers]
    found += [words_pattern(n) for n in numbers]
    if last.start:
        found.append(re.compile(re.escape(ENGLISH.said_date_range(last.start, last.end))))  # as drafters type it
        days = [last.start + dt.timedelta(d) for d in range(((last.end or last.start) - last.start).days + 1)]
        found += [re.compile(rf"(?<!\d){d.day} {ENGLISH.months[d.month - 1]}") for d in days[:7]]
        found.append(re.compile(rf"(?<![\d/]){last.start.year}(?!\d)"))
    city = (last.venue or "").split(",")[0].strip()
    if city:
        found.append(re.compile(rf"(?<!\w){re.escape(city)}(?!\w)"))
    return found


def mentions(root: Path, last: LastMeeting, skip: set[tuple[str, int]]) -> list[str]:
    """`notes/5d-low-carbon-cities.md:37: SOM-25: In the period between SOM-25, held in ...`, file by file.
    skip: (file, line) already reported as changed by roll."""
    found = patterns(last)
    out = []
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    for path in files:
        rel = path.relative_to(root).as_posix()
        try:
            lines = path.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            if (rel, number) in skip:
                continue
            terms: list[str] = []
            for pattern in found:
                for match in pattern.finditer(line):
                    if not any(match[0] in term for term in terms):
                        terms.append(match[0])
            if terms:
                out.append(f"{rel}:{number}: {', '.join(terms)}: {_excerpt(line, line.find(terms[0]))}")
    return out


def _excerpt(line: str, at: int, width: int = 80) -> str:
    """The line around its first mention (at: its index), cut to about `width` characters."""
    start = max(0, at - 20) if len(line) > width else 0
    text = line[start:start + width].strip()
    return ("..." if start else "") + text + ("..." if start + width < len(line.rstrip()) else "")
