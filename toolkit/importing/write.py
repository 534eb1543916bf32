"""An ImportedNote -> the text of notes/NAME.md and of each annexes/NAME.md, as a drafter
would write them (front matter first, one blank line between blocks)."""

from __future__ import annotations

import re

import yaml

from toolkit.importing.assemble import Block, ImportedNote, Item, Section

_WORD = re.compile(r"[A-Za-z][\w'\-]*")


def slug(text: str, words: int = 8) -> str:
    parts = re.findall(r"[a-z0-9]+", re.sub(r"[*\\]", "", text).lower())
    return "-".join(parts[:words]) or "note"


def item_key(item: str) -> str:
    """ "5 (d)" -> "5d", as the sample's file names start."""
    return re.sub(r"[^0-9a-z]", "", item.lower())


def casing(note: ImportedNote) -> dict[str, str]:
    """How each word is written in the note's running text: a chapter title printed in
    capitals gets back "NEACAP" and "Korea" but "low carbon cities" (a word seen in lower
    case anywhere in the text is a common word)."""
    seen: dict[str, set[str]] = {}
    texts = [b.text for s in note.sections for b in s.blocks] + [i.text for s in note.sections for b in s.blocks
                                                                  for i in b.items]
    for text in texts:
        for sentence in re.split(r"(?<=[.:;!?])\s+", text):
            for at, word in enumerate(_WORD.findall(sentence)):
                if at:  # the first word of a sentence is capitalized anyway
                    seen.setdefault(word.lower(), set()).add(word)
    out = {}
    for key, forms in seen.items():
        if key not in forms:
            out[key] = sorted(forms, key=lambda f: (not f.isupper(), f))[0]
    return out


def chapter_case(title: str, known: dict[str, str]) -> str:
    """ "PROGRESS OF NEACAP ACTIVITIES" -> "Progress of NEACAP activities" (sentence case, as
    the sources write chapters; the toolkit prints them in capitals)."""
    if not title.isupper():
        return title
    words = _WORD.split(title)
    found = _WORD.findall(title)
    out = [words[0]]
    for at, word in enumerate(found):
        form = known.get(word.lower(), word.lower())
        if at == 0:
            form = form[0].upper() + form[1:]
        out += [form, words[at + 1]]
    return "".join(out)


def _items(items: list[Item], indent: str = "") -> list[str]:
    lines = []
    for at, item in enumerate(items, 1):
        lines.append(f"{indent}{at}. {item.text}")
        lines += _items(item.children, indent + "   ")
    return lines


def _bullets(items: list[Item], indent: str = "") -> list[str]:
    lines = []
    for item in items:
        lines.append(f"{indent}- {item.text}")
        lines += _bullets(item.children, indent + "  ")
    return lines


def _block(block: Block, figure_path: str | None) -> list[str]:
    text = block.text.replace("\n", " ")
    if block.kind in ("para", "unnumbered"):
        out = [text]
        if block.items:
            out += [""] + _items(block.items)
        return out
    if block.kind == "sub":
        return [f"## {text}"]
    if block.kind == "bullets":
        return _bullets(block.items)
    if block.kind == "table":
        header, *rows = block.rows
        lines = [f"Table: {text}", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        for at, row in enumerate(rows):
            cells = list(row)
            if at in block.totals and cells:
                cells[0] = f"{cells[0]} {{.total}}"
            lines.append("| " + " | ".join(cells) + " |")
        return lines + [x for line in block.after for x in ("", line)]
    if block.kind == "figure":
        alt = (block.picture.alt if block.picture else "").replace("]", ")").replace("[", "(") or "Figure"
        return [f"Figure: {text}", "", f"![{alt}]({figure_path})"] + [x for line in block.after
                                                                     for x in ("", line)]
    raise ValueError(block.kind)


def body(sections: list[Section], known: dict[str, str], figures: dict[int, str]) -> list[str]:
    lines: list[str] = []
    for section in sections:
        if section.title is not None:
            lines += [f"# {chapter_case(section.title, known)}", ""]
        for block in section.blocks:
            lines += _block(block, figures.get(id(block))) + [""]
    return lines


def footnote_lines(numbers: list[int], note: ImportedNote) -> list[str]:
    return [x for n in numbers if n in note.footnotes for x in (f"[^{n}]: {note.footnotes[n]}", "")]


def front_matter(values: dict) -> str:
    class Dumper(yaml.SafeDumper):
        pass

    text = yaml.dump(values, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=10_000,
                     default_flow_style=False)
    return f"---\n{text}---\n"


def _language_code(line: str) -> str | None:
    """The masthead's "English only" or "Original: French" -> the note's language (en, fr); a line that
    names several languages ("Chinese and English only") tells the meeting's languages, not the note's."""
    words = re.sub(r"^original\s*:\s*|\s+only$", "", line.strip(), flags=re.I).lower()
    return {"english": "en", "french": "fr", "russian": "ru", "chinese": "zh"}.get(words)


def note_file(note: ImportedNote, annex_files: list[str], figures: dict[int, str],
              footnotes_here: list[int]) -> str:
    values: dict = {}
    if note.item is None:
        values["kind"] = "information"
    else:
        values["item"] = note.item
    values["title"] = note.title
    if note.date is not None:
        values["date"] = note.date
    for key in ("distribution", "language", "symbol", "author_line"):
        if getattr(note, key):
            values[key] = getattr(note, key) if key != "language" else _language_code(note.language)
    if values.get("language") is None:
        values.pop("language", None)  # several languages named: the meeting's language and languages say
    if note.annexes:
        values["annexes"] = [{"title": a.title, "file": f} for a, f in zip(note.annexes, annex_files, strict=True)]
    if note.considerations:
        values["considerations"] = note.considerations
    lines = body(note.sections, casing(note), figures) + footnote_lines(footnotes_here, note)
    return front_matter(values) + "\n" + "\n".join(lines).rstrip() + "\n"


def annex_file(sections: list[Section], known: dict[str, str], figures: dict[int, str],
               footnotes_here: list[int], note: ImportedNote) -> str:
    """An annex whose paragraphs Word shows without numbers says so (numbered: false)."""
    paras = [b for s in sections for b in s.blocks if b.kind in ("para", "unnumbered")]
    head = front_matter({"numbered": False}) + "\n" if paras and all(b.kind == "unnumbered" for b in paras) else ""
    lines = body(sections, known, figures) + footnote_lines(footnotes_here, note)
    return head + "\n".join(lines).rstrip() + "\n"
