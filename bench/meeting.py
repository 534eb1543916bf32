"""A generated meeting of realistic size for the benchmark: 20 notes of 6 to 15 pages, 30 annexes,
with tables and figures in proportion: a pipe table in every note, a spreadsheet table (.xlsx
or .csv) in every fourth, a figure in every third, and refs to them."""

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


STATES = ("China", "Japan", "Mongolia", "Republic of Korea", "Russian Federation")


def _pipe_table(rng: random.Random, label: str) -> str:
    rows = ["| Member State | 2021 | 2022 | 2023 |", "| --- | --: | --: | --: |"]
    totals = [0, 0, 0]
    for state in STATES:
        values = [rng.randrange(5, 250) * 1000 for _ in range(3)]
        totals = [t + v for t, v in zip(totals, values, strict=True)]
        rows.append(f"| {state} | " + " | ".join(f"{v:,}" for v in values) + " |")
    rows.append("| Total {.total} | " + " | ".join(f"{v:,}" for v in totals) + " |")
    return (f"Table: Contributions by member State, 2021-2023 {{#{label}}}\n\n" + "\n".join(rows)
            + "\n\nSource: Generated for the benchmark.\n")


def _file_table(root: Path, rng: random.Random, stem: str, xlsx: bool) -> str:
    rows = [["Activity", "Budget", "Spent", "Share"]]
    for n in range(12):
        budget = rng.randrange(10, 90) * 1000
        rows.append([f"Activity {n + 1}", budget, budget * rng.randrange(40, 100) // 100, f"{rng.randrange(1, 30)}%"])
    if xlsx:
        import openpyxl

        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(root / "tables" / f"{stem}.xlsx")
        name = f"tables/{stem}.xlsx"
    else:
        import csv

        with open(root / "tables" / f"{stem}.csv", "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        name = f"tables/{stem}.csv"
    return f'Table: Budget and expenditure by activity {{#{stem} file="{name}"}}\n\nSource: Generated.\n'


def _figure_file(root: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 600), "white")
    draw = ImageDraw.Draw(image)
    for n, height in enumerate((420, 330, 260, 180, 120)):
        draw.rectangle([120 + n * 210, 560 - height, 260 + n * 210, 560], fill=(31, 78, 121))
    draw.line([80, 560, 1160, 560], fill="black", width=3)
    image.save(root / "figures" / "chart.png", optimize=True)


def write_meeting(root: Path, seed: int = 26) -> list[Path]:
    """Writes the meeting; returns the note files."""
    rng = random.Random(seed)
    (root / "notes").mkdir(parents=True)
    (root / "annexes").mkdir()
    (root / "tables").mkdir()
    (root / "figures").mkdir()
    _figure_file(root)
    agenda = ["organization: [United Nations, Economic and Social Commission for Asia and the Pacific]",
              "title: Benchmark Senior Officials Meeting (SOM-B) of NEASPEC", "short_title: SOM-B",
              "start: 2023-11-23", "end: 2023-11-24", "venue: Seoul, Republic of Korea",
              "symbol: ESCAP/NEASPEC/SOM(B)", "agenda:"]
    for number, title in (("1", "Opening"), ("5", "Review of programme planning and implementation"),
                          ("6", "Strategic matters"), ("7", "Core Fund")):
        agenda += [f'  - number: "{number}"', f"    title: {title}",
                   "    annotation: The Meeting will review this item."]
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
                if chapter == 1 and p == 4:
                    body.append(f'As {{{{ ref("t{index}") }}}} shows, the contributions held steady.\n')
                    body.append(_pipe_table(rng, f"t{index}"))
                    if index % 4 == 0:
                        body.append(_file_table(root, rng, f"budget-{index}", xlsx=index % 8 == 0))
                if chapter == 2 and p == 3 and index % 3 == 0:
                    body.append(f"Figure: Activities carried out, by year {{#fig{index}}}\n")
                    body.append("![Bar chart: activities carried out each year, falling from 42 to 12]"
                                "(figures/chart.png)\n")
                    body.append("Source: Generated for the benchmark.\n")
                if key:
                    body.append(f"[^{key}]: {_sentence(rng)}\n")
        path = root / "notes" / f"note-{index + 1:02d}.md"
        path.write_text("\n".join(front) + "\n".join(body))
        notes.append(path)
    assert annex_total == 30
    return notes
