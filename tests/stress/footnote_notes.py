"""A seed -> a meeting folder of realistic Secretariat notes dense with footnotes, for the footnote stress test.

Every note is drawn from its own random.Random(f"{seed}:{index}"), so note 117 of seed 26 is the
same text whatever else is generated with it. Paragraphs of one to twelve sentences put the
footnote calls at every height of the page; footnotes run from a few words to about ten lines;
calls stand at the end of paragraphs and mid-sentence, in sub-items (a), (b), in tables, in
the considerations (defined in the body) and in the annexes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

_SUBJECTS = ("The Secretariat", "The Meeting", "Member States", "The Korea Environment Institute",
             "The Ministry of Environment of Mongolia", "The expert group", "The North-East Asia Low Carbon City "
             "Platform", "The Nature Conservation Strategy", "Participating cities", "The Senior Officials Meeting",
             "The Government of Japan", "The Research Center for Eco-Environmental Sciences", "ESCAP")
_VERBS = ("organized", "reviewed", "supported", "carried out", "presented", "discussed", "published", "welcomed",
          "endorsed", "coordinated", "proposed", "financed", "assessed", "hosted", "contributed to")
_OBJECTS = ("a workshop on transboundary air pollution", "the peer review of low carbon cities",
            "the study on marine protected areas", "the activity plan for 2023-2024",
            "the assessment of dust and sandstorms in the Gobi Desert", "the Core Fund contributions",
            "a training course for city officials in Ulaanbaatar (Улаанбаатар)",
            "the North-East Asia Clean Air Partnership", "a technical report on emission inventories",
            "the forum held in Incheon (인천) in December 2022", "the conservation of migratory birds",
            "the monitoring network for black-faced spoonbills", "the compendium of best practices",
            "joint research with institutes in Kitakyushu (北九州市) and Shanghai (上海)",
            "the review of programme planning and implementation")
_TAILS = ("in cooperation with national focal points", "with funding from the regular budget",
          "as agreed at the previous Senior Officials Meeting", "in line with the NEASPEC Strategic Plan 2021-2025",
          "through the Science and Policy Committee", "with the support of partner institutions",
          "in the Russian Federation and China", "over the past two years", "at the request of member States")
_SOURCES = ("ESCAP, Review of Developments in Transport in Asia and the Pacific 2021 "
            "(United Nations publication, 2021)",
            "See the report of the Twenty-fifth Senior Officials Meeting (ESCAP/NEASPEC/SOM(25)/5)",
            "Available at https://www.neaspec.org/our-work/low-carbon-city",
            "Korea Environment Institute, Comparative Study on Low Carbon City Policies (Sejong, 2020)",
            "Ministry of Natural Resources of Mongolia, National Report on the State of the Environment 2021-2022",
            "Decision 2022/3 of the Commission at its seventy-eighth session")
_ITEM_VERBS = ("Take note of", "Provide guidance on", "Endorse", "Request the Secretariat to continue",
               "Encourage member States to contribute to", "Review")


def _sentence(rng: random.Random) -> str:
    words = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    if rng.random() < 0.7:
        words += f" {rng.choice(_TAILS)}"
    if rng.random() < 0.3:
        words += f", and {rng.choice(_OBJECTS)}"
    return words + "."


def _sentences(rng: random.Random, count: int) -> list[str]:
    return [_sentence(rng) for _ in range(count)]


def _footnote_text(rng: random.Random) -> str:
    """A few words to about ten printed lines (one 10 pt line holds some 100 characters)."""
    lines = rng.choice((0, 1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10))
    if lines == 0:
        return rng.choice(_SOURCES) + "."
    text = rng.choice(_SOURCES) + "."
    while len(text) < lines * 100 - 40:
        text += " " + _sentence(rng)
    return text


@dataclass
class _Note:
    """What one note has so far: its footnote definitions are written after the text calling them."""

    rng: random.Random
    prefix: str
    definitions: list[str] = field(default_factory=list)
    count: int = 0

    def call(self) -> str:
        self.count += 1
        key = f"{self.prefix}{self.count}"
        self.definitions.append(f"[^{key}]: {_footnote_text(self.rng)}")
        return f"[^{key}]"

    def paragraph(self, density: float) -> str:
        """One to twelve sentences; a call after a sentence with the probability density."""
        out = []
        for sentence in _sentences(self.rng, self.rng.choice((1, 2, 3, 3, 4, 4, 5, 6, 7, 9, 12))):
            if self.rng.random() < density:
                # a call mid-sentence (after a word) or after its full stop
                if self.rng.random() < 0.3 and " " in sentence:
                    words = sentence.split(" ")
                    at = self.rng.randrange(1, len(words))
                    words[at - 1] += self.call()
                    sentence = " ".join(words)
                else:
                    sentence += self.call()
            out.append(sentence)
        return " ".join(out)

    def subitems(self, density: float) -> list[str]:
        items = []
        for n in range(self.rng.randint(2, 5)):
            text = " ".join(_sentences(self.rng, self.rng.randint(1, 3)))
            text = text[0].lower() + text[1:-1] + (";" if n else ";")
            if self.rng.random() < density * 2:
                text += self.call()
            items.append(f"{n + 1}. {text}")
        return items

    def table(self, density: float) -> list[str]:
        """A titled pipe table of contributions, a footnote called in its title or a cell."""
        title = "Table: Contributions to the Core Fund by member State, 2021-2023"
        rows = ["| Member State | 2021 | 2022 | 2023 |", "| --- | --: | --: | --: |"]
        states = ("China", "Japan", "Mongolia", "Republic of Korea", "Russian Federation")
        call_row = self.rng.randrange(-1, len(states)) if self.rng.random() < density * 3 else None
        if call_row == -1:
            title += self.call()
        for n, state in enumerate(states):
            cells = [f"{self.rng.randrange(5, 250) * 1000:,}" for _ in range(3)]
            if call_row == n:
                cells[self.rng.randrange(3)] += self.call()
            rows.append(f"| {state} | " + " | ".join(cells) + " |")
        return [title, "", *rows, "", "Source: Secretariat.", ""]

    def take_definitions(self) -> list[str]:
        out, self.definitions = self.definitions, []
        return out


def _body(note: _Note, paragraphs: int, density: float) -> list[str]:
    """Chapters of paragraphs, sub-headings and sub-items, each definition after its paragraph."""
    out: list[str] = []
    chapters = max(1, min(6, paragraphs // 6))
    per_chapter = max(1, paragraphs // chapters)
    for chapter in range(chapters):
        title = note.rng.choice(('Background', 'Progress of the activities', 'Planned activities', 'Partnerships',
                                 'Financial matters'))
        out += [f"# {title} ({chapter + 1})", ""]
        for p in range(per_chapter):
            if p and note.rng.random() < 0.08:
                out += [f"## {note.rng.choice(_OBJECTS)[0].upper()}{note.rng.choice(_OBJECTS)[1:]}", ""]
            out += [note.paragraph(density), ""]
            if note.rng.random() < 0.15:
                out += [*note.subitems(density), ""]
            elif note.rng.random() < 0.03:
                out += note.table(density)
            definitions = note.take_definitions()
            if definitions:
                out += [*definitions, ""]
    return out


def _considerations(note: _Note, body: list[str]) -> list[str]:
    """Considerations; some call footnotes whose definitions join the body."""
    out = ["considerations:"]
    for _ in range(note.rng.randint(1, 3)):
        text = "The Meeting may wish to review the activities carried out since the last session."
        if note.rng.random() < 0.5:
            text = text[:-1] + note.call() + "."
        out.append(f'  - text: "{text}"')
        if note.rng.random() < 0.6:
            out.append("    items:")
            for _ in range(note.rng.randint(1, 3)):
                item = f"{note.rng.choice(_ITEM_VERBS)} {note.rng.choice(_OBJECTS)}"
                if note.rng.random() < 0.4:
                    item += note.call()
                out.append(f'      - "{item};"')
    body += [*note.take_definitions(), ""]
    return out


def write_note(root: Path, index: int, seed: int, paragraphs: int | None = None) -> Path:
    """notes/stress-NNN.md and its annexes; paragraphs: the body's length (drawn from the seed without it)."""
    rng = random.Random(f"{seed}:{index}")
    note = _Note(rng, "n")
    if paragraphs is None:
        paragraphs = rng.choice((3, 5, 8, 10, 12, 16, 20, 25, 35))
    # sentences per footnote call; a very long note stays under the limit of 1000 footnotes a document
    density = min(rng.choice((0.05, 0.1, 0.2, 0.3, 0.5)), 600 / (paragraphs * 5.5))
    body = _body(note, paragraphs, density)
    stem = f"stress-{index:04d}"
    front = ["---", f"item: {rng.choice(('5 (a)', '5 (b)', '5 (d)', '6', '7'))}",
             f"title: Stress note {index} of seed {seed}", "date: 2023-10-06",
             f"symbol: ESCAP/NEASPEC/SOM(S)/{index}"]
    front += _considerations(note, body)
    annexes = rng.choice((0, 0, 0, 1, 1, 2))
    if annexes:
        front.append("annexes:")
    for a in range(annexes):
        annex_stem = f"{stem}-annex-{a + 1}"
        front += [f"  - title: Report of activity {a + 1}", f"    file: annexes/{annex_stem}.md"]
        text = _body(_Note(rng, "a"), rng.choice((2, 4, 8, 12)), density)
        (root / "annexes" / f"{annex_stem}.md").write_text("\n".join(text), encoding="utf-8")
    path = root / "notes" / f"{stem}.md"
    path.write_text("\n".join(front + ["---", ""] + body), encoding="utf-8")
    return path


MEETING = """\
organization: [United Nations, Economic and Social Commission for Asia and the Pacific]
title: Stress Senior Officials Meeting (SOM-S) of NEASPEC
short_title: SOM-S
start: 2023-11-23
end: 2023-11-24
venue: Seoul, Republic of Korea
symbol: ESCAP/NEASPEC/SOM(S)
word_limit: 2000000
agenda:
  - number: "5"
    title: Review of programme planning and implementation
    items:
      - letter: a
        title: Transboundary air pollution
      - letter: b
        title: Nature conservation
      - letter: d
        title: Low carbon cities
  - number: "6"
    title: Strategic matters
  - number: "7"
    title: Core Fund
"""


def write_meeting(root: Path, seed: int, indexes: range | list[int],
                  long_paragraphs: dict[int, int] | None = None) -> list[Path]:
    """The meeting folder with the notes of the given indexes; long_paragraphs: index -> body length."""
    (root / "notes").mkdir(parents=True, exist_ok=True)
    (root / "annexes").mkdir(exist_ok=True)
    (root / "meeting.yaml").write_text(MEETING, encoding="utf-8")
    lengths = long_paragraphs or {}
    return [write_note(root, index, seed, lengths.get(index)) for index in indexes]


def write_long_note(root: Path, seed: int, index: int, paragraphs: int) -> Path:
    """One note of many short paragraphs (one sentence each), a footnote every fifty: at
    40,000 paragraphs, some 2,300 pages and 800 footnotes, under the 5 MB a source may have."""
    rng = random.Random(f"{seed}:{index}:long")
    lines = ["---", "item: 6", f"title: Long stress note {index} of seed {seed}", "date: 2023-10-06", "---", ""]
    for n in range(paragraphs):
        if n % 500 == 0:
            lines += [f"# Chapter {n // 500 + 1}", ""]
        sentence = _sentence(rng)[:90].rstrip(".") + "."
        if n % 50 == 7:
            lines += [f"{sentence}[^f{n}]", "", f"[^f{n}]: {_footnote_text(rng)[:300]}", ""]
        else:
            lines += [sentence, ""]
    path = root / "notes" / f"stress-{index:04d}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
