"""The key acceptance test of `toolkit import`: every note of the sample meeting, built to DOCX
by the toolkit and imported back, loads to the same chapters, paragraph numbers and texts,
sub-item labels, footnotes, considerations, tables and annexes as its source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, run_cli
from toolkit.model.document import BulletList, Figure, Paragraph, SubHeading, Table
from toolkit.model.plain import inline_text
from toolkit.model.build import load

pytestmark = [pytest.mark.slow, pytest.mark.office]

NOTES = ("5a-air-pollution", "5d-low-carbon-cities", "7-core-fund", "information-note")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample-docx")
    result = run_cli("build", SAMPLE, "--out", out, "--format", "docx", "-q", "-j", "1")
    assert result.exit_code == 0, result.stderr
    return out


def fresh_meeting(dest: Path) -> Path:
    """The sample's meeting.yaml and the folders a note may name, without notes or annexes."""
    root = dest / "som-26"
    root.mkdir()
    shutil.copy(SAMPLE / "meeting.yaml", root)
    for folder in ("tables", "figures", "registrations"):
        shutil.copytree(SAMPLE / folder, root / folder)
    return root


def items(list_items) -> list:
    return [(i.label, inline_text(i.content), items(i.children)) for i in list_items]


def blocks(chapters) -> list:
    out = []
    for chapter in chapters:
        out.append(("chapter", chapter.numeral, inline_text(chapter.title)))
        for block in chapter.blocks:
            if isinstance(block, Paragraph):
                out.append(("paragraph", block.number, inline_text(block.content), items(block.subitems)))
            elif isinstance(block, SubHeading):
                out.append(("sub-heading", inline_text(block.content)))
            elif isinstance(block, BulletList):
                out.append(("bullets", items(block.items)))
            elif isinstance(block, Table):
                out.append(("table", block.caption, inline_text(block.title),
                            [[inline_text(c) for c in row] for row in (block.header, *block.rows)],
                            block.totals, inline_text(block.source),
                            [(n.letter, inline_text(n.content)) for n in block.notes]))
            elif isinstance(block, Figure):
                out.append(("figure", block.caption, inline_text(block.title), block.alt,
                            inline_text(block.source), block.image.sha256))
    return out


def model(note) -> dict:
    m = note.masthead
    return {"masthead": (m.symbol, m.distribution, m.date, m.language, m.item_line, inline_text(m.title),
                         m.author_line),
            "body": blocks(note.chapters),
            "annexes": [(a.heading, inline_text(a.title), blocks(a.chapters)) for a in note.annexes],
            "footnotes": [(f.number, inline_text(f.content)) for f in note.footnotes]}


@pytest.mark.parametrize("stem", NOTES)
def test_a_sample_note_comes_back_from_its_docx(built: Path, tmp_path: Path, stem: str) -> None:
    root = fresh_meeting(tmp_path)
    result = run_cli("import", built / f"{stem}.docx", "--meeting", root, "--name", stem)
    assert result.exit_code == 0, result.stderr
    for translation in (SAMPLE / "notes").glob(f"{stem}.*.md"):  # its other versions: "Original: English"
        shutil.copy(translation, root / "notes")
    original = next(n for n in load(SAMPLE).notes if n.stem == stem)
    imported = next(n for n in load(root).notes if n.stem == stem)
    assert model(imported) == model(original)
    # the only warnings: cross-references, which come back as the words they show
    for line in result.stderr.splitlines():
        assert "a cross-reference is kept as the text it shows" in line, line


def test_chapters_come_back_in_the_sources_case(built: Path, tmp_path: Path) -> None:
    root = fresh_meeting(tmp_path)
    run_cli("import", built / "5a-air-pollution.docx", "--meeting", root)
    text = (root / "notes" / "5a-north-east-asia-clean-air-partnership.md").read_text(encoding="utf-8")
    assert "# Progress of NEACAP activities\n" in text
    assert "# Background\n" in text
    assert "symbol: ESCAP/NEASPEC/SOM(26)/5a/Rev.1\n" in text  # the sample's 5 (a) note is revised
    assert "item: 5 (a)\n" in text


def test_an_existing_note_is_never_replaced(built: Path, tmp_path: Path) -> None:
    root = fresh_meeting(tmp_path)
    (root / "notes").mkdir()
    (root / "notes" / "7-core-fund.md").write_text("mine\n", encoding="utf-8")
    result = run_cli("import", built / "7-core-fund.docx", "--meeting", root)
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert (root / "notes" / "7-core-fund.md").read_text(encoding="utf-8") == "mine\n"
