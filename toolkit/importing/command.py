"""`toolkit import FILE.docx --meeting DIR`: a Word note -> notes/NAME.md, its annexes and
figures, never over an existing file; every loss a warning at its paragraph."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import Diagnostics, Refused, ToolkitError
from toolkit.importing.assemble import Assembler, ImportedNote, Warning, walk
from toolkit.importing.inline import InlineReader
from toolkit.importing.read import ImportRefused, open_word
from toolkit.importing import write as out
from toolkit.sources.meeting import MEETING_FILE

PICTURE_TYPES = {"png": "png", "jpeg": "jpg", "jpg": "jpg"}


@dataclass
class Imported:
    written: list[Path]
    warnings: list[str]
    name: str


def _meeting(root: Path):
    from toolkit.sources.meeting import load_meeting

    if not (root / MEETING_FILE).is_file():
        raise ToolkitError(f"{root}: not a meeting folder (it has no {MEETING_FILE})")
    diags = Diagnostics()
    meeting = load_meeting(root, diags)
    diags.raise_if_errors(root)
    return meeting


def read_note(path: Path, meeting) -> ImportedNote:
    word = open_word(path)
    reader = InlineReader(word)
    note = Assembler(meeting).run(walk(word, reader))
    for ident, number in list(reader.footnote_numbers.items()):
        paras = [reader.paragraph(p, 0) for p in word.footnotes[ident].iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]
        note.footnotes[number] = " ".join(p.text.replace("\n", " ").strip() for p in paras).strip()
        # a footnote's losses are placed by its number (a negative index, printed "footnote N")
        note.warnings += [Warning(-number, p.first_words, lost) for p in paras for lost in p.lost]
    return note


def import_note(path: Path, root: Path, name: str | None = None) -> Imported:
    meeting = _meeting(root)
    try:
        note = read_note(path, meeting)
    except ImportRefused as exc:
        raise Refused(path, str(exc)) from None
    if not note.title:
        raise Refused(path, "no note title found (the line above \"Note by the Secretariat\")")
    name = name or (f"{out.item_key(note.item)}-{out.slug(note.title)}" if note.item else out.slug(note.title))
    plan: dict[Path, str | bytes] = {}
    figures: dict[int, str] = {}
    count = 0
    all_sections = [note.sections] + [a.sections for a in note.annexes]
    for sections in all_sections:
        for section in sections:
            for block in section.blocks:
                if block.kind == "figure" and block.picture is not None:
                    count += 1
                    ext = PICTURE_TYPES.get(block.picture.ext.lstrip("."))
                    if ext is None:
                        raise Refused(path, f"figure {count} is a {block.picture.ext} picture; "
                                           "save it as PNG or JPEG in Word")
                    rel = f"figures/{name}-figure-{count}.{ext}"
                    figures[id(block)] = rel
                    plan[root / rel] = block.picture.blob
    known = out.casing(note)
    annex_files = []
    placed: set[int] = set()
    for annex in note.annexes:
        stem = out.slug(annex.title, 6)
        while f"annexes/{stem}.md" in annex_files:
            stem += "-2"
        annex_files.append(f"annexes/{stem}.md")
    considered = [c["text"] for c in note.considerations] + [i for c in note.considerations
                                                               for i in c.get("items", [])]
    note_footnotes = _calls(note.sections, placed, considered)
    plan[root / "notes" / f"{name}.md"] = out.note_file(note, annex_files, figures, note_footnotes)
    for annex, rel in zip(note.annexes, annex_files, strict=True):
        plan[root / rel] = out.annex_file(annex.sections, known, figures, _calls(annex.sections, placed), note)
    existing = [p for p in plan if p.exists()]
    if existing:
        said = "already exists; nothing was written (give another --name, or move the file away)"
        raise Refused(existing[0], said, *((p, said) for p in existing[1:]))
    for target, content in plan.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    warnings = [f"{path.name}: {'footnote ' + str(-w.index) if w.index < 0 else 'paragraph ' + str(w.index)} "
                f"(\"{w.first_words}\"): warning: {w.message}"
                for w in sorted(note.warnings, key=lambda w: (w.index < 0, abs(w.index)))]
    return Imported(list(plan), warnings, name)


def _calls(sections, placed: set[int], extra: list[str] = ()) -> list[int]:
    """The footnotes first called in these sections (their definitions go in the same file)."""
    import re

    found = []
    for section in [*sections, None]:
        if section is None:
            texts = list(extra)
        else:
            texts = [b.text for b in section.blocks] + [i.text for b in section.blocks for i in b.items] \
                + [c for b in section.blocks for r in b.rows for c in r] + [a for b in section.blocks for a in b.after]
        for text in texts:
            for number in re.findall(r"\[\^(\d+)\]", text):
                if int(number) not in placed:
                    placed.add(int(number))
                    found.append(int(number))
    return found
