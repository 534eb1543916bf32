"""A generated meeting of realistic size for the benchmark: 20 notes of 6 to 15 pages, 30 annexes."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = ("cooperation environmental subregional programme member States Secretariat cities forum air pollution "
         "partnership capacity policy emissions carbon neutral resilient development biodiversity marine "
         "protected areas desertification land degradation monitoring assessment workshop experts technical "
         "network national local governments stakeholders knowledge exchange implementation review meeting "
         "activities support financing Core Fund contributions science research institutes transboundary "
         "North-East Asia Republic of Korea Mongolia Japan China Russian Federation").split()
NAMES = ("Incheon (인천)", "Ulaanbaatar (Улаанбаатар)", "Shanghai (上海)", "Kitakyushu (北九州市)", "Seoul (서울)")
ITEMS = [("5", "a"), ("5", "b"), ("5", "c"), ("5", "d"), ("5", "e"), ("6", None), ("7", None)]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 26))]
    if rng.random() < 0.2:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(NAMES))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, footnote: str | None = None) -> str:
    text = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
    return text + (f"[^{footnote}]" if footnote else "")


def write_meeting(root: Path, seed: int = 26) -> list[Path]:
    """Writes the meeting; returns the note files."""
    rng = random.Random(seed)
    (root / "notes").mkdir(parents=True)
    (root / "annexes").mkdir()
    agenda = ["organization: [United Nations, Economic and Social Commission for Asia and the Pacific]",
              "title: Benchmark Senior Officials Meeting (SOM-B) of NEASPEC", "short_title: SOM-B",
              "start: 2023-11-23", "end: 2023-11-24", "venue: Seoul, Republic of Korea",
              "symbol: ESCAP/NEASPEC/SOM(B)", "agenda:"]
    for number, title in (("1", "Opening"), ("5", "Review of programme planning and implementation"),
                          ("6", "Strategic matters"), ("7", "Core Fund")):
        agenda += [f'  - number: "{number}"', f"    title: {title}", "    annotation: The Meeting will review this item."]
        if number == "5":
            agenda.append("    items:")
            for letter in "abcde":
                agenda += [f"      - letter: {letter}", f"        title: Programme area {letter}"]
    (root / "meeting.yaml").write_text("\n".join(agenda) + "\n")
    notes = []
    annex_total = 0
    for index in range(20):
        number, letter = ITEMS[index % len(ITEMS)]
        citation = f"{number} ({letter})" if letter else number
        annexes = 2 if index < 10 else 1
        pages = 6 + index % 10  # 6 to 15 pages
        front = ["---", f"item: {citation}", f"title: Benchmark note {index + 1}", "date: 2023-10-06",
                 f"symbol: ESCAP/NEASPEC/SOM(B)/{index + 1}", "annexes:"]
        for a in range(annexes):
            stem = f"n{index + 1}-annex-{a + 1}"
            front += [f"  - title: Annex {a + 1} of note {index + 1}", f"    file: annexes/{stem}.md"]
            body = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(4, 8)))
            (root / "annexes" / f"{stem}.md").write_text(body + "\n")
            annex_total += 1
        front += ["considerations:", '  - text: "The Meeting may wish to:"', "    items:",
                  "      - Take note of the activities; and", "      - Provide guidance.", "---", ""]
        body = []
        paragraphs = pages * 4 - 2 * annexes  # about four paragraphs a page, annexes included
        for chapter in range(3):
            body.append(f"# Chapter {chapter + 1} of note {index + 1}\n")
            for p in range(paragraphs // 3):
                if p == 2:
                    body.append("## A sub-heading\n")
                key = f"f{chapter}{p}" if p % 5 == 1 else None
                body.append(_paragraph(rng, key) + "\n")
                if p == 3:
                    body.append("1. a first sub-item;\n2. a second sub-item.\n")
                if key:
                    body.append(f"[^{key}]: {_sentence(rng)}\n")
        path = root / "notes" / f"note-{index + 1:02d}.md"
        path.write_text("\n".join(front) + "\n".join(body))
        notes.append(path)
    assert annex_total == 30
    return notes
