"""The contents block: present when a document has chapters or annexes to list and more than a page's
worth of text, never empty."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_meeting
from toolkit.model.build import load

SHORT = "---\nitem: 2 (b)\ntitle: A short note\ndate: 2023-10-06\nsymbol: ESCAP/NEASPEC/SOM(T)/2b\n---\n{body}\n"


def _note(tmp_path: Path, body: str):
    meeting = copy_meeting("basic", tmp_path)
    (meeting / "notes" / "cities.md").write_text(SHORT.format(body=body))
    return next(n for n in load(meeting).notes if n.stem == "cities")


def test_a_note_of_paragraphs_alone_has_no_contents(tmp_path: Path):
    note = _note(tmp_path, "One paragraph.\n\nAnother paragraph.")
    assert note.contents == () and note.contents_heading is None


LONG = "The Secretariat reported on the work of the partnership over the period under review. " * 18


def test_a_note_with_a_chapter_lists_it(tmp_path: Path):
    note = _note(tmp_path, f"# Background\n\n{LONG}")
    assert note.contents_heading == "CONTENTS" and [e.label for e in note.contents] == ["I."]


def test_a_short_note_has_no_contents(tmp_path: Path):
    """Under the masthead its text nearly fills page 1, which a contents would take (model/assemble.py)."""
    note = _note(tmp_path, "# Background\n\nOne paragraph.\n\n# Issues for consideration\n\nAnother.")
    assert note.contents == () and note.contents_heading is None
    chinese = _note(tmp_path / "zh", "# 背景\n\n" + "秘书处报告了伙伴关系在审查期间的工作。" * 60)
    assert chinese.contents_heading == "CONTENTS"  # a Chinese character is as wide as two Latin letters
