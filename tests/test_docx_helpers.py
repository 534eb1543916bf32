"""Shared by the DOCX tests: fixture meetings, cached renders, and reading DOCX parts as XML.

Renders and LibreOffice conversions take seconds, so each document is made once per
test session (module-level caches) whichever test module asks first.
"""

from __future__ import annotations

import atexit
import functools
import io
import shutil
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from toolkit.errors import Diagnostics
from toolkit.model.document import Note
from toolkit.model.build import load

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "agendas" / "som-26"
REFERENCE = ROOT / "templates" / "reference.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}

# A small meeting that exercises what the sample does not: text before the first
# chapter, a footnote cited twice, links, nested emphasis, code, lists two levels deep
# under paragraphs and under bullets, a line break, kana, annex chapters, and an
# unnumbered annex whose lettered lists hang under unnumbered paragraphs.
FIXTURE = {
    "meeting.yaml": """\
organization:
  - United Nations
  - Economic and Social Commission for Asia and the Pacific
title: First Test Meeting of NEASPEC
short_title: TM-1
start: 2024-03-05
venue: Virtual meeting
agenda:
  - number: "1"
    title: Opening of the meeting
  - number: "2"
    title: Programme of work
    items:
      - letter: a
        title: Lists and footnotes
""",
    "notes/2a-lists.md": """\
---
item: 2 (a)
title: Lists, links and footnotes
date: 2024-02-01
symbol: ESCAP/NEASPEC/TM(1)/2a
annexes:
  - title: A numbered annex with chapters
    file: annexes/numbered.md
  - title: An unnumbered annex
    file: annexes/plain.md
considerations:
  - text: "The Meeting may wish to:"
    items:
      - Take note of the lists; and
      - Comment on the footnotes.
  - text: The Meeting may wish to review {{ annex("numbered") }}.
---

An opening paragraph before any chapter.[^a]

# Lists

A paragraph with *emphasis, **strong emphasis** inside*, `code`, and a [link](https://example.org/page).[^b]
The first note is cited again here.[^a]

1. First lettered item:
   1. first roman item;
   2. second roman item;
2. Second lettered item, with a bullet:
   - a bullet under (b).

- A bullet
  1. roman under a bullet;
  2. another roman;
- Another bullet
  1. roman again from the start.

## A sub-heading

Tokyo (東京), 東京タワー, Seoul (서울), Beijing (北京) and Moscow (Москва).  
After a line break.

# A chapter with a long title that runs over more than one line of the contents page

A paragraph in the second chapter.[^c]

[^a]: The first footnote, cited twice.
[^b]: The second footnote, see [the site](https://example.org/notes).
[^c]: The third footnote.
""",  # noqa: W291 (two spaces ending a line: a Markdown line break)
    "notes/1-opening.md": """\
---
item: 1
title: Opening
date: 2024-02-02
distribution: General
---

# Opening

The meeting will be opened.
""",
    "annexes/numbered.md": """\
# Background of the annex

Annex paragraph one:

1. item a;
2. item b.

## Details

Annex paragraph two.
""",
    "annexes/plain.md": """\
---
numbered: false
---

An unnumbered paragraph:

1. lettered a;
2. lettered b.

Another unnumbered paragraph:

1. lettered a again.
""",
}


@functools.cache
def fixture_root() -> Path:
    holder = Path(tempfile.mkdtemp(prefix="toolkit-docx-fixture-"))
    atexit.register(shutil.rmtree, holder, ignore_errors=True)
    root = holder / "tm-1"
    for rel, text in FIXTURE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@functools.cache
def loaded(root: Path):
    return load(root)


@functools.cache
def documents() -> dict[str, Note]:
    """Every document of the sample and fixture meetings (notes, annexes issued alone,
    agenda documents), by "meeting/stem"."""
    found: dict[str, Note] = {}
    for root in (SAMPLE, fixture_root()):
        meeting = loaded(root)
        for note in (*meeting.notes, *getattr(meeting, "annexes", ()), *getattr(meeting, "agenda_documents", ())):
            found[f"{root.name}/{note.stem}"] = note
    return found


def notes() -> dict[str, Note]:
    """The notes only (what issue 3 is about), by stem."""
    return {key.split("/")[1]: note for key, note in documents().items() if note.kind == "note"}


def document(key: str) -> Note:
    return documents()[key] if "/" in key else notes()[key]


def root_of(key: str) -> Path:
    if "/" in key:
        return SAMPLE if key.startswith(SAMPLE.name + "/") else fixture_root()
    return SAMPLE if (SAMPLE / "notes" / f"{key}.md").exists() else fixture_root()


@functools.cache
def docx_without_office(key: str) -> bytes:
    """The DOCX rendered without LibreOffice (contents pages given), for XML tests."""
    from toolkit.render.docx import note_docx

    diags = Diagnostics()
    pages = {e.anchor: 2 for e in document(key).contents if e.kind == "chapter"}
    data = note_docx(document(key), REFERENCE, diags, pages=pages, soffice=None, meeting_root=root_of(key))
    assert data is not None, [str(d) for d in diags.items]
    return data


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def part_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def paragraph_text(p: etree._Element) -> str:
    """Text of a w:p as Word shows it, without field codes (instrText)."""
    out = []
    for node in p.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br"):
        out.append(node.text or "" if node.tag == f"{{{W}}}t" else " ")
    return "".join(out)


# ---- what the note prints, from the model ----------------------------------------

def _without_calls(content) -> str:
    """Inline text without footnote call numbers (printed small; compared apart)."""
    from toolkit.model.document import Emphasis, FootnoteRef, Link, Strong, TableNoteRef
    from toolkit.model.plain import inline_text

    out = []
    for node in content:
        if isinstance(node, (FootnoteRef, TableNoteRef)):  # table note letters are printed small too
            continue
        if isinstance(node, (Emphasis, Strong, Link)):
            out.append(_without_calls(node.children))
        else:
            out.append(inline_text((node,)))
    return "".join(out)


def _item_lines(items, out):
    for item in items:
        out.append((item.label or "\u2022", _without_calls(item.content)))
        _item_lines(item.children, out)


def _chapter_lines(chapters, out, headings=True, small=True):
    """small: with what is printed smaller than the text (table cells, sources, table notes)."""
    from toolkit.model.document import BulletList, Paragraph, SubHeading

    for chapter in chapters:
        if chapter.numeral and headings:
            out.append((chapter.label, _without_calls(chapter.title)))
        for block in chapter.blocks:
            if isinstance(block, Paragraph):
                out.append((block.label or "", _without_calls(block.content)))
                _item_lines(block.subitems, out)
            elif isinstance(block, BulletList):
                _item_lines(block.items, out)
            elif isinstance(block, SubHeading) and headings:
                out.append(("", _without_calls(block.content)))
            elif type(block).__name__ == "Table":  # each cell is a paragraph
                if block.caption:  # "Table 2", a line break, the title: one paragraph
                    out.append(("", f"{block.caption} {_without_calls(block.title)}"))
                if small:
                    out += [("", _without_calls(cell)) for row in (block.header, *block.rows) for cell in row]
                    _notes_below(block.source, [(n.letter, n.content) for n in block.notes], out)
            elif type(block).__name__ == "Figure":  # caption; the picture's paragraph (no text); source
                out += [("", f"{block.caption} {_without_calls(block.title)}"), ("", "")]
                if small:
                    _notes_below(block.source, [], out)


def _notes_below(source, notes, out) -> None:
    if source:
        out.append(("", _without_calls(source)))
    out += [("", _without_calls(content)) for _, content in notes]  # the letter is printed small


def printed_paragraphs(note: Note, small: bool = True) -> list[tuple[str, str]]:
    """(label, text) of every paragraph the note prints, in order, as a reader sees it
    (small=False: the text size only, without table cells and the notes under tables)."""
    m = note.masthead
    lines = [m.symbol, m.distribution, m.date, getattr(m, "version_line", None), m.language, *m.organization,
             m.meeting_title, m.meeting_dates,
             m.meeting_venue, m.agenda_heading, m.item_line, _without_calls(m.title), m.author_line,
             getattr(m, "supplement", None), getattr(m, "reading_copy", None),
             getattr(m, "annex_heading", None), _without_calls(getattr(m, "annex_title", ())),
             note.contents_heading]
    out = [("", line) for line in lines if line]
    out += [(e.label, _without_calls(e.title)) for e in note.contents]
    _chapter_lines(note.chapters, out, small=small)
    for annex in note.annexes:
        out += [("", annex.heading), ("", _without_calls(annex.title))]
        _chapter_lines(annex.chapters, out, small=small)
    return out


def numbered_labels(note: Note) -> list[str | None]:
    """Labels of the paragraphs Word numbers, in order: "II." (chapters), "1.", "(a)", "(i)", None for a bullet."""
    out: list[tuple[str, str]] = []
    _chapter_lines(note.chapters, out)
    for annex in note.annexes:
        _chapter_lines(annex.chapters, out)
    return [label if label != "\u2022" else None for label, _ in out if label]


def footnote_calls(note: Note) -> list:
    """Every FootnoteRef of the note, in document order."""
    from toolkit.model.document import FootnoteRef
    from toolkit.model.walk import nodes

    return list(nodes((note.masthead, note.chapters, note.annexes), FootnoteRef))
